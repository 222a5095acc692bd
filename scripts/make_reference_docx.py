"""Build templates/docx/reference.docx, the reference template that carries the official styles.

The package is written from scratch (no python-docx default template, no theme, no rsids), so the
output depends on this script alone and is byte-identical on every run:

    python scripts/make_reference_docx.py            # rewrite templates/docx/reference.docx
    python scripts/make_reference_docx.py --check    # exit 1 if the committed file is stale
    python scripts/make_reference_docx.py --profile 某局.yaml -o 某局.docx   # a bureau's template

Every value comes from a layout profile (reportgen.layouts.gbt9704.PAGE, read from
src/reportgen/layouts/profiles/gbt9704-2012.yaml), which the renderer reads too; with --profile,
a bureau's profile, whose deviations from the standard are listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.ooxml.zipwrite import package_bytes

OUTPUT = Path(__file__).resolve().parent.parent / "templates" / "docx" / "reference.docx"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
#: Punctuation never hangs past the 版心, in Word and in LibreOffice alike. ECMA-376 17.3.1.21:
#: overflowPunct="0" forbids it; LibreOffice reads the value inverted (writerfilter maps it to
#: ParaIsHangingPunctuation = val == 0) and needs "1". Markup Compatibility gives each its value:
#: Word 2013 and later understand w15 and take the Choice; LibreOffice takes the Choice only for
#: wps, wpg, w14 and wpc, so it reads the Fallback. See docs/layout-findings.md.
NO_HANGING_PUNCTUATION = (
    '<mc:AlternateContent><mc:Choice Requires="w15"><w:overflowPunct w:val="0"/></mc:Choice>'
    '<mc:Fallback><w:overflowPunct w:val="1"/></mc:Fallback></mc:AlternateContent>'
)
OFFICE = "application/vnd.openxmlformats-officedocument"
WML = f"{OFFICE}.wordprocessingml"
PACKAGE = "application/vnd.openxmlformats-package"


def fonts(east_asia: str, latin: str = L.FONT_LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'
    )


def size(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


def first_line_indent(chars: int, char_twips: float) -> str:
    return f'<w:ind w:firstLineChars="{chars * 100}" w:firstLine="{round(chars * char_twips)}"/>'


EXACT_LINE = f'<w:spacing w:line="{L.LINE_PITCH}" w:lineRule="exact"/>'
OFF_GRID = '<w:snapToGrid w:val="0"/>'
# 16 pt minus 0.25 pt = 15.75 pt a character: 28 fit the 442.25 pt line, 29 do not.
BODY_SPACING = f'<w:spacing w:val="{L.CHAR_SPACING}"/>'
NO_SPACING = '<w:spacing w:val="0"/>'
BODY_INDENT = first_line_indent(L.BODY_INDENT_CHARS, L.CHAR_PITCH)
NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'


def style(
    style_id: str,
    name: str,
    ppr: str = "",
    rpr: str = "",
    based_on: str = "Normal",
    next_id: str = "RGBody",
    *,
    default: bool = False,
) -> str:
    flags = ' w:default="1"' if default else ""
    based = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    return (
        f'<w:style w:type="paragraph"{flags} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/>{based}<w:next w:val="{next_id}"/><w:qFormat/>'
        f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"
    )


def heading(level: int, east_asia: str) -> str:
    return style(
        f"RGHeading{level}",
        L.STYLE_HEADINGS[level - 1],
        f'<w:keepNext/><w:outlineLvl w:val="{level - 1}"/>',
        fonts(east_asia),
        based_on="RGBody",
    )


def border(side: str, color: str, eighths: int) -> str:
    return f'<w:{side} w:val="single" w:sz="{eighths}" w:space="1" w:color="{color}"/>'


def styles_xml() -> str:
    distribution_char = L.DISTRIBUTION_SIZE * 10  # one 14 pt character in twips
    paragraph_styles = [
        style(
            "Normal",
            "Normal",
            # No widow control, no punctuation hanging in the margin, no extra space between Chinese
            # and Latin: each would move text off the 22 × 28 grid.
            f'<w:widowControl w:val="0"/>{NO_HANGING_PUNCTUATION}'
            '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
            f'{EXACT_LINE}<w:jc w:val="both"/>',
            fonts(L.FONT_BODY) + BODY_SPACING + size(L.BODY_SIZE),
            based_on="",
            next_id="Normal",
            default=True,
        ),
        style("RGBody", L.STYLE_BODY, BODY_INDENT),
        style(
            "RGTitle",
            L.STYLE_TITLE,
            f'<w:keepNext/>{OFF_GRID}{NO_INDENT}<w:jc w:val="center"/>',
            fonts(L.FONT_TITLE) + NO_SPACING + size(L.TITLE_SIZE),
        ),
        style("RGRecipient", L.STYLE_RECIPIENT, f'{NO_INDENT}<w:jc w:val="left"/>'),
        heading(1, L.FONT_HEI),
        heading(2, L.FONT_KAI),
        heading(3, L.FONT_BODY),
        heading(4, L.FONT_BODY),
        style(
            "RGSignature",
            L.STYLE_SIGNATURE,
            f'<w:keepNext/><w:keepLines/>{NO_INDENT}<w:jc w:val="right"/>',
            next_id="RGDate",
        ),
        style(
            "RGDate",
            L.STYLE_DATE,
            f'<w:ind w:rightChars="{L.SIGNATURE_DATE_RIGHT_CHARS * 100}"'
            f' w:right="{round(L.SIGNATURE_DATE_RIGHT_CHARS * L.CHAR_PITCH)}"'
            f' w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>',
        ),
        style(
            "RGBriefName",
            L.STYLE_BRIEF_NAME,
            f'<w:keepNext/>{OFF_GRID}<w:spacing w:line="{2 * L.LINE_PITCH}" w:lineRule="exact"/>'
            f'{NO_INDENT}<w:jc w:val="center"/>',
            fonts(L.FONT_TITLE)
            + f'<w:color w:val="{L.RED}"/>'
            + NO_SPACING
            + size(L.BRIEF_NAME_SIZE),
            next_id="RGBriefIssue",
        ),
        style(
            "RGBriefIssue",
            L.STYLE_BRIEF_ISSUE,
            f'<w:keepNext/>{NO_INDENT}<w:jc w:val="center"/>',
            next_id="RGBriefMeta",
        ),
        style(
            "RGBriefMeta",
            L.STYLE_BRIEF_META,
            f"<w:keepNext/><w:pBdr>{border('bottom', L.RED, L.BRIEF_RULE)}</w:pBdr>"
            f'<w:tabs><w:tab w:val="right" w:pos="{L.TEXT_WIDTH}"/></w:tabs>'
            f'{NO_INDENT}<w:jc w:val="left"/>',
        ),
        style(
            "RGDistribution",
            L.STYLE_DISTRIBUTION,
            f"<w:pBdr>{border('top', L.BLACK, L.DISTRIBUTION_RULE)}"
            f"{border('bottom', L.BLACK, L.DISTRIBUTION_RULE)}</w:pBdr>"
            # 左空一字; a wrapped line lines up after the leading “报：”.
            f'{OFF_GRID}<w:ind w:left="{3 * distribution_char}" w:right="{distribution_char}"'
            f' w:hanging="{2 * distribution_char}"/><w:jc w:val="left"/>',
            NO_SPACING + size(L.DISTRIBUTION_SIZE),
            next_id="RGDistribution",
        ),
        style(
            "RGPageNumber",
            L.STYLE_PAGE_NUMBER,
            f'{OFF_GRID}<w:spacing w:line="240" w:lineRule="auto"/>{NO_INDENT}',
            fonts(L.FONT_SONG, latin=L.FONT_SONG) + NO_SPACING + size(L.PAGE_NUMBER_SIZE),
            next_id="RGPageNumber",
        ),
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f"{fonts(L.FONT_BODY)}{size(L.BODY_SIZE)}"
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        f'{EXACT_LINE}<w:jc w:val="both"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )
    builtin = (
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "<w:unhideWhenUsed/></w:style>"
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
        '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
    )
    return (
        f'{XML_DECL}<w:styles xmlns:w="{W_NS}" xmlns:mc="{MC_NS}" xmlns:w15="{W15_NS}">{defaults}'
        f"{''.join(paragraph_styles)}{builtin}</w:styles>"
    )


def font_table_xml() -> str:
    # altName lets Word substitute a font a machine lacks (仿宋_GB2312 → 仿宋 on Windows 10+).
    entries = [
        (L.FONT_LATIN, None, "00"),
        (L.FONT_SONG, "SimSun", "86"),
        (L.FONT_BODY, "仿宋", "86"),
        (L.FONT_KAI, "楷体", "86"),
        (L.FONT_HEI, "SimHei", "86"),
        (L.FONT_TITLE, "宋体", "86"),
    ]
    body = "".join(
        f'<w:font w:name="{name}">'
        + (f'<w:altName w:val="{alt}"/>' if alt else "")
        + f'<w:charset w:val="{charset}"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
        "</w:font>"
        for name, alt, charset in entries
    )
    return f'{XML_DECL}<w:fonts xmlns:w="{W_NS}">{body}</w:fonts>'


def settings_xml() -> str:
    return (
        f'{XML_DECL}<w:settings xmlns:w="{W_NS}">'
        '<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>'
        # Full-width punctuation keeps its full width: 28 characters a line, always.
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode"'
        ' w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/>'
        "</w:settings>"
    )


SAMPLES = [
    ("RGTitle", "某单位关于某项工作进展情况的汇报（样式示例）"),
    ("RGRecipient", "某某领导小组办公室："),
    (
        "RGBody",
        "本文件是 reportgen 的参考模板。正文段落使用“RG Body”样式：仿宋_GB2312 三号，"
        "首行缩进两字，两端对齐，每页22行、每行28字。生成文档时，本页示例文字会被全部替换。",
    ),
    ("RGHeading1", "一、一级标题（RG Heading 1，黑体）"),
    ("RGHeading2", "（一）二级标题（RG Heading 2，楷体_GB2312）"),
    ("RGHeading3", "1.三级标题（RG Heading 3，仿宋_GB2312）"),
    ("RGHeading4", "（1）四级标题（RG Heading 4，仿宋_GB2312）"),
    ("RGSignature", "某某单位"),
    ("RGDate", "2024年1月1日"),
    ("RGBriefName", "工作简报"),
    ("RGBriefIssue", "第1期"),
    ("RGBriefMeta", "某某办公室编\t2024年1月1日"),
    ("RGDistribution", "报：某某领导。"),
    ("RGDistribution", "发：各处室。"),
]


def run(text: str) -> str:
    parts = text.split("\t")
    runs = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{runs}</w:r>'


def document_xml() -> str:
    paragraphs = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{run(text)}</w:p>'
        for style_id, text in SAMPLES
    )
    sect = (
        "<w:sectPr>"
        f'<w:pgSz w:w="{L.PAGE_WIDTH}" w:h="{L.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{L.MARGIN_TOP}" w:right="{L.MARGIN_RIGHT}" w:bottom="{L.MARGIN_BOTTOM}"'
        f' w:left="{L.MARGIN_LEFT}" w:header="{L.HEADER_DISTANCE}" w:footer="{L.FOOTER_DISTANCE}"'
        ' w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        # A line grid only: a character grid makes LibreOffice give every 16 pt character two
        # cells of a 15.79 pt grid (14 a line); the 28 characters come from CHAR_SPACING instead.
        f'<w:docGrid w:type="lines" w:linePitch="{L.LINE_PITCH}"/>'
        "</w:sectPr>"
    )
    return (
        f'{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{paragraphs}{sect}</w:body></w:document>"
    )


def content_types_xml() -> str:
    overrides = [
        ("/word/document.xml", f"{WML}.document.main+xml"),
        ("/word/styles.xml", f"{WML}.styles+xml"),
        ("/word/settings.xml", f"{WML}.settings+xml"),
        ("/word/fontTable.xml", f"{WML}.fontTable+xml"),
        ("/docProps/core.xml", f"{PACKAGE}.core-properties+xml"),
        ("/docProps/app.xml", f"{OFFICE}.extended-properties+xml"),
    ]
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return (
        f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default Extension="rels" ContentType="{PACKAGE}.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    )


def rels_xml(relations: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
        for rid, kind, target in relations
    )
    return f'{XML_DECL}<Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


def core_xml() -> str:
    stamp = "2024-01-01T00:00:00Z"
    return (
        f"{XML_DECL}<cp:coreProperties"
        ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:title>reportgen 参考模板（GB/T 9704-2012 公文格式）</dc:title>"
        "<dc:creator>reportgen</dc:creator><cp:lastModifiedBy>reportgen</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        f"{XML_DECL}<Properties"
        ' xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>reportgen</Application></Properties>"
    )


def build() -> bytes:
    package_rels = [
        ("rId1", f"{DOC_REL}/officeDocument", "word/document.xml"),
        ("rId2", f"{PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
        ("rId3", f"{DOC_REL}/extended-properties", "docProps/app.xml"),
    ]
    document_rels = [
        ("rId1", f"{DOC_REL}/styles", "styles.xml"),
        ("rId2", f"{DOC_REL}/settings", "settings.xml"),
        ("rId3", f"{DOC_REL}/fontTable", "fontTable.xml"),
    ]
    parts = {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": rels_xml(package_rels),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": rels_xml(document_rels),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(),
    }
    return package_bytes((name, xml.encode("utf-8")) for name, xml in parts.items())


def main() -> int:
    global L
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file is stale")
    parser.add_argument(
        "--profile", type=Path, help="a bureau's layout profile (based_on: gbt9704-2012)"
    )
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help="where to write")
    args = parser.parse_args()
    if args.profile:
        from reportgen.errors import ReportgenError
        from reportgen.layouts.gbt9704 import Page
        from reportgen.layouts.profile import deviations, load_profile

        try:
            profile = load_profile(args.profile)
        except ReportgenError as error:
            print(error, file=sys.stderr)
            return 1
        L = Page.of(profile)
        changed = deviations(profile)
        print(f"{profile.title or profile.id}：与国标不同之处 {len(changed)} 项", file=sys.stderr)
        for deviation in changed:
            print(f"  {deviation}", file=sys.stderr)
    data = build()
    if args.check:
        if not args.output.exists() or args.output.read_bytes() != data:
            print(f"{args.output} is stale: run scripts/make_reference_docx.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
