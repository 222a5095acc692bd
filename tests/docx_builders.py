"""Build .docx drafts in the shapes Word itself writes, for tests of reading and linting.

Parts are raw XML as Word saves it (runs split mid-word with different rPr, text boxes stored twice,
fields with instruction text, tracked changes, content controls, footnotes with separator notes…),
so the reader is tested against what drafts really hold. python-docx-made drafts come from
:func:`python_docx_draft`.

Use: ``DocxBuilder().add(para(run("共计"), run("*", bold=True))).save(path)``. Every function
returns an XML string; ``DocxBuilder.save`` wraps them into a complete package with fixed zip
timestamps, so a built file is the same bytes on every run.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."

NAMESPACES = (
    f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'mc:Ignorable="w14"'
)


# -- inline pieces ---------------------------------------------------------------------------


def rpr(bold: bool = False, italic: bool = False, size: int | None = None,
        font: str | None = None, color: str | None = None) -> str:  # fmt: skip
    inner = ""
    if font:
        inner += f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
    inner += "<w:b/>" if bold else ""
    inner += "<w:i/>" if italic else ""
    inner += f'<w:color w:val="{color}"/>' if color else ""
    inner += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else ""
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def text(value: str) -> str:
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<w:t{space}>{escape(value)}</w:t>"


def run(value: str = "", *, bold: bool = False, italic: bool = False, size: int | None = None,
        font: str | None = None, extra: str = "") -> str:  # fmt: skip
    """A run as Word writes it (rsid attribute included); ``extra`` is raw content after w:t."""
    body = text(value) if value else ""
    return f'<w:r w:rsidR="00A1B2C3">{rpr(bold, italic, size, font)}{body}{extra}</w:r>'


def para(*content: str, style: str | None = None, num: tuple[int, int] | None = None,
         outline: int | None = None) -> str:  # fmt: skip
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f'<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">{ppr}{"".join(content)}</w:p>'


def tab() -> str:
    return "<w:r><w:tab/></w:r>"


def line_break() -> str:
    return "<w:r><w:br/></w:r>"


def inserted(*runs: str, author: str = "张三") -> str:
    return f'<w:ins w:id="901" w:author="{author}" w:date="2024-03-01T09:00:00Z">{"".join(runs)}</w:ins>'


def deleted(value: str, author: str = "张三") -> str:
    return (
        f'<w:del w:id="902" w:author="{author}" w:date="2024-03-01T09:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(value)}</w:delText></w:r></w:del>'
    )


def moved_from(value: str) -> str:
    return (
        '<w:moveFrom w:id="903" w:author="张三" w:date="2024-03-01T09:00:00Z">'
        f"<w:r>{text(value)}</w:r></w:moveFrom>"
    )


def moved_to(value: str) -> str:
    return f'<w:moveTo w:id="904" w:author="张三" w:date="2024-03-01T09:00:00Z"><w:r>{text(value)}</w:r></w:moveTo>'


def field(instruction: str, result: str) -> str:
    """A complex field as Word writes PAGE/REF: begin, instruction, separate, result, end."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{text(result)}</w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def simple_field(instruction: str, result: str) -> str:
    return f"<w:fldSimple w:instr={quoteattr(instruction)}><w:r>{text(result)}</w:r></w:fldSimple>"


def hyperlink(rel_id: str, *runs: str) -> str:
    return f'<w:hyperlink r:id="{rel_id}" w:history="1">{"".join(runs)}</w:hyperlink>'


def inline_control(*runs: str, tag: str = "figure") -> str:
    return (
        f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="101"/>'
        f"</w:sdtPr><w:sdtContent>{''.join(runs)}</w:sdtContent></w:sdt>"
    )


def block_control(*paragraphs: str, tag: str = "section") -> str:
    return (
        f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/><w:id w:val="102"/></w:sdtPr><w:sdtEndPr/>'
        f"<w:sdtContent>{''.join(paragraphs)}</w:sdtContent></w:sdt>"
    )


def commented(comment_id: int, *runs: str) -> str:
    """Runs inside a comment's range, followed by the reference run, as Word writes them."""
    return (
        f'<w:commentRangeStart w:id="{comment_id}"/>{"".join(runs)}'
        f'<w:commentRangeEnd w:id="{comment_id}"/>'
        f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
        f'<w:commentReference w:id="{comment_id}"/></w:r>'
    )


def footnote_mark(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        f'<w:footnoteReference w:id="{note_id}"/></w:r>'
    )


def endnote_mark(note_id: int) -> str:
    return (
        '<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr>'
        f'<w:endnoteReference w:id="{note_id}"/></w:r>'
    )


def text_box(*paragraphs: str) -> str:
    """A text box run the way Word 2010+ saves it: DrawingML choice plus a VML fallback copy."""
    content = "".join(paragraphs)
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2743200" cy="640080"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        'wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        '<a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" cy="640080"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" '
        'bIns="45720" anchor="t"/></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        "</w:drawing></mc:Choice><mc:Fallback><w:pict>"
        '<v:shape id="TextBox1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="position:absolute;width:216pt;height:50.4pt" strokeweight=".5pt">'
        f"<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def table(*rows: list[str]) -> str:
    """A table; each row is a list of cell contents (each cell: paragraphs or nested tables)."""
    width = max(len(row) for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    body = "".join(
        "<w:tr>" + "".join(f'<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>{cell}</w:tc>'
                           for cell in row) + "</w:tr>"
        for row in rows
    )  # fmt: skip
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


# -- parts -----------------------------------------------------------------------------------

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {NAMESPACES}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumberedHeading"><w:name w:val="编号标题"/>
<w:basedOn w:val="1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
</w:tblBorders></w:tblPr></w:style>
</w:styles>"""


def level(ilvl: int, num_fmt: str, lvl_text: str, start: int = 1, restart: int | None = None,
          style: str | None = None) -> str:  # fmt: skip
    extra = f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else ""
    extra += f'<w:pStyle w:val="{style}"/>' if style else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{num_fmt}"/>{extra}'
        f'<w:lvlText w:val="{escape(lvl_text)}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


# The official outline: 一、 （一） 1. （1）
OFFICIAL_LEVELS = (
    level(0, "chineseCounting", "%1、")
    + level(1, "chineseCounting", "（%2）")
    + level(2, "decimal", "%3.")
    + level(3, "decimal", "（%4）")
)


def numbering(abstracts: dict[int, str], nums: dict[int, tuple[int, str]]) -> str:
    """numbering.xml: ``abstracts`` id → levels XML; ``nums`` numId → (abstractNumId, overrides)."""
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="multilevel"/>{levels}'
        "</w:abstractNum>"
        for a, levels in abstracts.items()
    )
    body += "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="{a}"/>{overrides}</w:num>'
        for n, (a, overrides) in nums.items()
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NAMESPACES}>{body}</w:numbering>'


def start_override(ilvl: int, start: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


class DocxBuilder:
    """Collects body XML and extra parts, then writes a complete .docx."""

    def __init__(self) -> None:
        self.body: list[str] = []
        self.headers: list[tuple[str, str]] = []  # (type, inner XML)
        self.footers: list[tuple[str, str]] = []
        self.footnotes: list[tuple[int, str]] = []
        self.endnotes: list[tuple[int, str]] = []
        self.comments: list[tuple[int, str]] = []
        self.numbering_xml: str | None = None
        self.hyperlinks: dict[str, str] = {}
        self.extra_parts: dict[str, bytes] = {}

    def add(self, *blocks: str) -> DocxBuilder:
        self.body.extend(blocks)
        return self

    def header(self, *paragraphs: str, kind: str = "default") -> DocxBuilder:
        self.headers.append((kind, "".join(paragraphs)))
        return self

    def footer(self, *paragraphs: str, kind: str = "default") -> DocxBuilder:
        self.footers.append((kind, "".join(paragraphs)))
        return self

    def footnote(self, note_id: int, *paragraphs: str) -> DocxBuilder:
        self.footnotes.append((note_id, "".join(paragraphs)))
        return self

    def endnote(self, note_id: int, *paragraphs: str) -> DocxBuilder:
        self.endnotes.append((note_id, "".join(paragraphs)))
        return self

    def comment(self, comment_id: int, value: str) -> DocxBuilder:
        self.comments.append((comment_id, value))
        return self

    def numbering(self, xml: str) -> DocxBuilder:
        self.numbering_xml = xml
        return self

    def hyperlink_target(self, rel_id: str, url: str) -> DocxBuilder:
        self.hyperlinks[rel_id] = url
        return self

    def parts(self) -> dict[str, str | bytes]:
        """Every part of the package by name, as the zip will hold it."""
        rels: list[tuple[str, str, str, bool]] = [("rIdStyles", "styles", "styles.xml", False)]
        overrides = {"/word/document.xml": "document.main+xml", "/word/styles.xml": "styles+xml"}
        parts: dict[str, str | bytes] = {"word/styles.xml": STYLES}
        sect = ""
        for group, root, items in (
            ("header", "hdr", self.headers),
            ("footer", "ftr", self.footers),
        ):
            for number, (kind, inner) in enumerate(items, start=1):
                name, rel_id = f"{group}{number}.xml", f"rId{group}{number}"
                parts[f"word/{name}"] = _part(root, inner)
                rels.append((rel_id, group, name, False))
                overrides[f"/word/{name}"] = f"{group}+xml"
                sect += f'<w:{group}Reference w:type="{kind}" r:id="{rel_id}"/>'
        for group, items in (("footnote", self.footnotes), ("endnote", self.endnotes)):
            if items:
                notes = (
                    f'<w:{group} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{group}>'
                    f'<w:{group} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
                    f"<w:continuationSeparator/></w:r></w:p></w:{group}>"
                )
                notes += "".join(f'<w:{group} w:id="{i}">{inner}</w:{group}>' for i, inner in items)
                parts[f"word/{group}s.xml"] = _part(f"{group}s", notes)
                rels.append((f"rId{group}s", f"{group}s", f"{group}s.xml", False))
                overrides[f"/word/{group}s.xml"] = f"{group}s+xml"
        if self.comments:
            body = "".join(
                f'<w:comment w:id="{i}" w:author="李四" w:date="2024-03-01T10:00:00Z" w:initials="LS">'
                f"<w:p><w:r><w:annotationRef/></w:r><w:r>{text(value)}</w:r></w:p></w:comment>"
                for i, value in self.comments
            )
            parts["word/comments.xml"] = _part("comments", body)
            rels.append(("rIdComments", "comments", "comments.xml", False))
            overrides["/word/comments.xml"] = "comments+xml"
        if self.numbering_xml:
            parts["word/numbering.xml"] = self.numbering_xml
            rels.append(("rIdNumbering", "numbering", "numbering.xml", False))
            overrides["/word/numbering.xml"] = "numbering+xml"
        rels += [(rel_id, "hyperlink", url, True) for rel_id, url in self.hyperlinks.items()]
        sect_pr = (
            f'<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" '
            'w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" '
            'w:gutter="0"/></w:sectPr>'
        )
        parts["word/document.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f"<w:document {NAMESPACES}><w:body>{''.join(self.body)}{sect_pr}</w:body></w:document>"
        )
        parts["word/_rels/document.xml.rels"] = _relationships(rels)
        parts["_rels/.rels"] = _relationships(
            [("rId1", "officeDocument", "word/document.xml", False)]
        )
        content_types = "".join(
            f'<Override PartName="{name}" ContentType="{CT_BASE}{kind}"/>'
            for name, kind in overrides.items()
        )
        parts["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{content_types}</Types>"
        )
        parts.update(self.extra_parts)
        return parts

    def save(self, path: Path, *, strict: bool = False, prefix: str = "w") -> Path:
        """Write the package; ``strict`` uses Strict OOXML namespaces, ``prefix`` renames ``w:``
        (as WPS and other writers may)."""
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
        parts = self.parts()
        names = order + sorted(name for name in parts if name not in order)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in names:
                data = parts[name]
                if isinstance(data, str):
                    data = _respell(data, strict, prefix).encode("utf-8")
                archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data,
                                 zipfile.ZIP_DEFLATED)  # fmt: skip
        return path


def word_shapes() -> DocxBuilder:
    """One draft holding every shape the reader must handle, in reading order."""
    return (
        DocxBuilder()
        .numbering(numbering({0: OFFICIAL_LEVELS}, {1: (0, "")}))
        .hyperlink_target("rIdLink", "https://example.org/统计公报")
        .add(
            para(run("关于全区老旧小区改造进展的报告"), style="1"),
            # a placeholder split over three runs with different formatting, as Word saves it
            para(
                run("已改造"),
                run("*", bold=True),
                run(".", italic=True),
                run("**", size=32),
                run("万平方米"),
            ),
            para(run("完成投资"), inserted(run("**.*")), deleted("12.5"), run("亿元")),
            para(moved_from("旧位置"), moved_to("新位置"), run("。")),
            para(run("详见第"), field(" PAGEREF _Toc1 \\h *.** MERGEFORMAT ", "3"), run("页")),
            para(run("引用"), simple_field(" REF 表一 \\* MERGEFORMAT ", "表一"), run("。")),
            para(run("批注不是正文"), commented(0, run("（待核）"))),
            para(run("链接"), hyperlink("rIdLink", run("统计公报", bold=True)), run("。")),
            para(run("计划"), inline_control(run("X月X日")), run("开工")),
            block_control(para(run("内容控件里的段落 *项"))),
            para(run("见脚注"), footnote_mark(1), run("和尾注"), endnote_mark(1)),
            para(run("甲"), tab(), run("乙"), line_break(), run("丙")),
            para(run("锚定文本框"), text_box(para(run("框内 **.*%")))),
            table(
                [para(run("指标")), para(run("数值"))],
                [para(run("户数")), table([para(run("内层 *户"))]) + para(run("外层"))],
            ),
            table([para(run("第二张表"))]),
        )
        .comment(0, "请核实*.**")
        .header(para(run("页眉 XX局"), style="Header"))
        .header(para(run("首页页眉")), kind="first")
        .footer(para(run("— "), field(" PAGE ", "1"), run(" —"), style="Footer"))
        .footnote(
            1,
            para(
                run("", extra="<w:footnoteRef/>"), run(" 数据来源：**统计局"), style="FootnoteText"
            ),
        )
        .endnote(1, para(run("尾注内容")))
    )


def _part(root: str, inner: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:{root} {NAMESPACES}>{inner}</w:{root}>"
    )


def _relationships(rels: list[tuple[str, str, str, bool]]) -> str:
    body = "".join(
        f'<Relationship Id="{rel_id}" Type="{REL_BASE}{kind}" Target={quoteattr(target)}'
        + (' TargetMode="External"' if external else "")
        + "/>"
        for rel_id, kind, target, external in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}'
        "</Relationships>"
    )


def _respell(xml: str, strict: bool, prefix: str) -> str:
    if strict:
        xml = xml.replace(W_NS, W_STRICT_NS).replace(R_NS, R_STRICT_NS)
        xml = xml.replace(REL_BASE, "http://purl.oclc.org/ooxml/officeDocument/relationships/")
    if prefix != "w":
        xml = re.sub(r"(</?|\s)w:", rf"\g<1>{prefix}:", xml)
        xml = xml.replace("xmlns:w=", f"xmlns:{prefix}=")
    return xml


def python_docx_draft(path: Path, paragraphs: list[list[tuple[str, dict[str, bool]]]]) -> Path:
    """A draft made with python-docx: each paragraph a list of (text, run formatting) runs."""
    import docx

    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for value, formatting in runs:
            new_run = paragraph.add_run(value)
            new_run.bold = formatting.get("bold")
            new_run.italic = formatting.get("italic")
    document.save(str(path))
    return path
