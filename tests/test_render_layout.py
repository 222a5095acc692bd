"""The official layout (GB/T 9704-2012) of rendered .docx files, checked in their XML."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import itertools
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from reportgen.docx.write import docx_bytes, render_docx
from reportgen.docx.write.title import title_breaks
from reportgen.errors import UsageError
from reportgen.ooxml.zipwrite import package_bytes
from reportgen.report.document import Block, Document, Span

ROOT = Path(__file__).resolve().parent.parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def load_documents() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_documents", ROOT / "tests" / "fixtures" / "render" / "documents.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


documents = load_documents()


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


class Docx:
    """The parts of a rendered .docx, with style resolution for paragraphs."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.parts = read_zip(data)
        self.document = self.xml("word/document.xml")
        self.styles = self.xml("word/styles.xml")
        self.settings = self.xml("word/settings.xml")

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    @property
    def paragraphs(self) -> list[etree._Element]:
        return self.document.findall("w:body/w:p", NS)

    def text(self, p: etree._Element) -> str:
        return "".join(t.text or "" for t in p.iter(w("t")))

    def paragraph(self, starts_with: str) -> etree._Element:
        return next(p for p in self.paragraphs if self.text(p).startswith(starts_with))

    def style(self, style_id: str) -> etree._Element:
        found = self.styles.find(f"w:style[@w:styleId='{style_id}']", NS)
        assert found is not None, style_id
        return found

    def style_name(self, p: etree._Element) -> str:
        style_id = p.find("w:pPr/w:pStyle", NS).get(w("val"))
        return self.style(style_id).find("w:name", NS).get(w("val"))

    def chain(self, p: etree._Element) -> list[etree._Element]:
        """Property holders from the most specific (the paragraph) to docDefaults."""
        holders = [p]
        pstyle = p.find("w:pPr/w:pStyle", NS)
        style_id = pstyle.get(w("val")) if pstyle is not None else "Normal"
        while style_id:
            style = self.style(style_id)
            holders.append(style)
            based = style.find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else ""
        holders.append(self.styles.find("w:docDefaults/w:rPrDefault", NS))
        holders.append(self.styles.find("w:docDefaults/w:pPrDefault", NS))
        return holders

    def attr(self, p: etree._Element, path: str, name: str) -> str | None:
        """The effective attribute ``name`` of ``path`` (e.g. 'w:pPr/w:ind'); the paragraph's
        runs' rPr is looked up as 'w:rPr/...' on the styles."""
        for holder in self.chain(p):
            for element in holder.findall(path, NS):
                if element.get(w(name)) is not None:
                    return element.get(w(name))
        return None

    def font(self, p: etree._Element, name: str) -> str | None:
        return self.attr(p, "w:rPr/w:rFonts", name)

    def size(self, p: etree._Element) -> int:
        return int(self.attr(p, "w:rPr/w:sz", "val") or 0)


@pytest.fixture(scope="module")
def report() -> Docx:
    return Docx(docx_bytes(documents.report_document()))


@pytest.fixture(scope="module")
def brief() -> Docx:
    return Docx(docx_bytes(documents.brief_document()))


def mm(twips: str | None) -> float:
    assert twips is not None
    return int(twips) * 25.4 / 1440


# --- page ------------------------------------------------------------------------------------


def test_page_is_a4_with_official_margins(report: Docx) -> None:
    sect = report.document.find("w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    margins = sect.find("w:pgMar", NS)
    assert mm(size.get(w("w"))) == pytest.approx(210, abs=0.1)
    assert mm(size.get(w("h"))) == pytest.approx(297, abs=0.1)
    for side, expected in (("top", 37), ("left", 28), ("bottom", 35), ("right", 26)):
        assert mm(margins.get(w(side))) == pytest.approx(expected, abs=0.05), side


def test_grid_gives_22_lines_of_28_characters(report: Docx) -> None:
    sect = report.document.find("w:body/w:sectPr", NS)
    grid = sect.find("w:docGrid", NS)
    assert grid.get(w("linePitch")) == "579"
    assert grid.get(w("type")) in ("lines", "linesAndChars")
    margins = sect.find("w:pgMar", NS)
    size = sect.find("w:pgSz", NS)
    height = int(size.get(w("h"))) - int(margins.get(w("top"))) - int(margins.get(w("bottom")))
    width = int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))
    assert height // 579 == 22
    body = report.paragraph("今年以来")
    assert report.attr(body, "w:pPr/w:spacing", "line") == "579"
    assert report.attr(body, "w:pPr/w:spacing", "lineRule") == "exact"
    # 16 pt characters with -0.25 pt spacing: 28 fit the line, 29 do not.
    advance = report.size(body) * 10 + int(report.attr(body, "w:rPr/w:spacing", "val"))
    assert width // advance == 28


# --- fonts and paragraphs -------------------------------------------------------------------


def test_no_theme_fonts_anywhere(report: Docx, brief: Docx) -> None:
    for docx in (report, brief):
        for name, data in docx.parts.items():
            if name.endswith(".xml"):
                assert b"Theme=" not in data and b"cstheme" not in data, name


def test_title(report: Docx) -> None:
    title = report.paragraphs[0]
    assert report.style_name(title) == "RG Title"
    assert report.font(title, "eastAsia") == "方正小标宋简体"
    assert report.font(title, "ascii") == "Times New Roman"
    assert report.size(title) == 44
    assert report.attr(title, "w:pPr/w:jc", "val") == "center"
    lines = "".join(
        "\n" if el.tag == w("br") else el.text or "" for el in title.iter(w("t"), w("br"))
    ).split("\n")
    assert lines == ["区城市管理局关于背街小巷环境提升", "与夜间照明改造工作进展情况的汇报"]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        (
            "区市场监管局关于食品安全示范街区创建工作推进情况的报告",
            ["区市场监管局关于食品安全", "示范街区创建工作推进情况的报告"],
        ),
        (
            "县人民政府办公室关于2024年度农村人居环境整治提升工作情况的报告",
            ["县人民政府办公室关于2024年度", "农村人居环境整治提升工作情况的报告"],
        ),
        (
            "某某街道党工委关于开展“我为群众办实事”实践活动情况的汇报",
            ["某某街道党工委关于开展", "“我为群众办实事”实践活动情况的汇报"],
        ),
        ("关于做好防汛工作的通知", ["关于做好防汛工作的通知"]),
    ],
)
def test_title_breaks_at_words_upper_line_shorter(title: str, lines: list[str]) -> None:
    edges = [0, *title_breaks(title, 20), len(title)]
    assert [title[a:b] for a, b in itertools.pairwise(edges)] == lines


def test_title_with_explicit_breaks_is_kept() -> None:
    assert title_breaks("某某局关于\n某项工作的报告", 5) == []


def test_body(report: Docx) -> None:
    body = report.paragraph("今年以来")
    assert report.style_name(body) == "RG Body"
    assert report.font(body, "eastAsia") == "仿宋_GB2312"
    assert report.font(body, "ascii") == report.font(body, "hAnsi") == "Times New Roman"
    assert report.size(body) == 32
    assert report.attr(body, "w:pPr/w:ind", "firstLineChars") == "200"
    assert 600 <= int(report.attr(body, "w:pPr/w:ind", "firstLine")) <= 640
    assert report.attr(body, "w:pPr/w:jc", "val") == "both"


@pytest.mark.parametrize(
    ("start", "level", "font"),
    [
        ("一、坚持", 1, "黑体"),
        ("（一）建立", 2, "楷体_GB2312"),
        ("1.分类", 3, "仿宋_GB2312"),
        ("（1）照明", 4, "仿宋_GB2312"),
    ],
)
def test_headings(report: Docx, start: str, level: int, font: str) -> None:
    heading = report.paragraph(start)
    assert report.style_name(heading) == f"RG Heading {level}"
    assert report.font(heading, "eastAsia") == font
    assert report.font(heading, "ascii") == "Times New Roman"
    assert report.size(heading) == 32
    assert report.attr(heading, "w:pPr/w:outlineLvl", "val") == str(level - 1)


def test_recipient_after_one_blank_line_flush_left_with_colon(report: Docx) -> None:
    paragraphs = report.paragraphs
    assert report.text(paragraphs[1]) == ""
    recipient = paragraphs[2]
    assert report.text(recipient) == "区委城市工作领导小组办公室："
    assert report.attr(recipient, "w:pPr/w:jc", "val") == "left"
    assert report.attr(recipient, "w:pPr/w:ind", "firstLine") == "0"


@pytest.mark.parametrize("given", ["市委办公室", "市委办公室:", "市委办公室："])
def test_recipient_colon_is_full_width_once(given: str) -> None:
    document = Document(
        "report",
        "t",
        "a",
        dt.date(2024, 1, 2),
        (
            Block("title", (Span("关于某事的报告"),)),
            Block("recipient", (Span(given),)),
        ),
    )
    docx = Docx(docx_bytes(document))
    assert docx.text(docx.paragraphs[2]) == "市委办公室："


def test_signature_centred_over_date_on_the_right(report: Docx) -> None:
    texts = [report.text(p) for p in report.paragraphs]
    at = texts.index("区城市管理局")
    assert texts[at - 2 : at] == ["", ""]
    signature, date = report.paragraphs[at], report.paragraphs[at + 1]
    assert report.text(date) == "2024年3月8日"
    for p in (signature, date):
        assert report.attr(p, "w:pPr/w:jc", "val") == "right"
    assert report.attr(date, "w:pPr/w:ind", "rightChars") == "400"
    # 区城市管理局: 6 characters; 2024年3月8日: 3 + 6 half-width = 6 characters → same centre.
    assert report.attr(signature, "w:pPr/w:ind", "rightChars") == "400"
    document = Document(
        "report",
        "t",
        "a",
        dt.date(2024, 1, 2),
        (
            Block("signature", (Span("区局"),)),
            Block("date", (Span("2024年12月20日"),)),
        ),
    )
    docx = Docx(docx_bytes(document))
    sig, day = docx.paragraph("区局"), docx.paragraph("2024")
    assert docx.attr(day, "w:pPr/w:ind", "rightChars") == "400"
    assert docx.attr(sig, "w:pPr/w:ind", "rightChars") == "650"  # 4 + (7 - 2) / 2


def test_placeholders_highlighted_yellow_and_nothing_else(report: Docx) -> None:
    runs = [r for p in report.paragraphs for r in p.findall("w:r", NS)]
    marked = {
        "".join(t.text for t in r.iter(w("t")))
        for r in runs
        if r.find("w:rPr/w:highlight[@w:val='yellow']", NS) is not None
    }
    assert marked == {"**", "*.*万"}


def test_ambiguous_punctuation_uses_the_chinese_font(report: Docx) -> None:
    for run in report.document.iter(w("r")):
        if run.find("w:t", NS) is not None:
            assert run.find("w:rPr/w:rFonts", NS).get(w("hint")) == "eastAsia"


# --- footers ---------------------------------------------------------------------------------


def test_page_numbers_odd_right_even_left(report: Docx) -> None:
    assert report.settings.find("w:evenAndOddHeaders", NS) is not None
    sect = report.document.find("w:body/w:sectPr", NS)
    rels = etree.fromstring(report.parts["word/_rels/document.xml.rels"])
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    refs = {
        ref.get(w("type")): targets[
            ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        ]
        for ref in sect.findall("w:footerReference", NS)
    }
    assert set(refs) == {"default", "even"}
    for kind, side in (("default", "right"), ("even", "left")):
        footer = report.xml(f"word/{refs[kind]}")
        (p,) = footer.findall("w:p", NS)
        assert report.text(p) == "— 1 —"
        assert "".join(i.text for i in p.iter(w("instrText"))).strip() == "PAGE"
        assert [f.get(w("fldCharType")) for f in p.iter(w("fldChar"))] == [
            "begin",
            "separate",
            "end",
        ]
        assert p.find("w:pPr/w:jc", NS).get(w("val")) == side
        assert p.find("w:pPr/w:ind", NS).get(w(f"{side}Chars")) == "100"
        assert report.style_name(p) == "RG Page Number"
        assert report.font(p, "eastAsia") == "宋体"
        assert report.size(p) == 28


# --- brief -----------------------------------------------------------------------------------


def test_brief_masthead_and_distribution(brief: Docx) -> None:
    name = brief.paragraphs[0]
    assert brief.text(name) == "城市更新工作简报"
    assert brief.attr(name, "w:rPr/w:color", "val") == "FF0000"
    assert 72 <= brief.size(name) <= 84
    assert brief.attr(name, "w:pPr/w:jc", "val") == "center"
    issue = brief.paragraphs[1]
    assert brief.text(issue) == "第7期"
    assert brief.attr(issue, "w:pPr/w:jc", "val") == "center"
    meta = brief.paragraphs[2]
    assert brief.text(meta) == "区城市更新工作专班办公室编2024年5月16日"
    assert meta.find("w:r/w:tab", NS) is not None
    assert brief.attr(meta, "w:pPr/w:tabs/w:tab", "val") == "right"
    assert brief.attr(meta, "w:pPr/w:tabs/w:tab", "pos") == "8845"
    assert brief.attr(meta, "w:pPr/w:pBdr/w:bottom", "color") == "FF0000"
    # The 报尾 sits in a text box anchored to the foot of the 版心, like a 版记 (7.4.1): one
    # table row per element, rules across the whole 版心, thick first and last, thin between.
    anchor = brief.document.find(".//wp:anchor/wp:positionV", {**NS, "wp": WP})
    assert anchor is not None and anchor.get("relativeFrom") == "margin"
    assert anchor.findtext("wp:align", namespaces={"wp": WP}) == "bottom"
    rows = brief.document.findall(".//w:txbxContent/w:tbl/w:tr", NS)
    assert ["".join(t.text or "" for t in r.iter(w("t")))[:2] for r in rows] == [
        "报：",
        "送：",
        "发：",
    ]
    widths = [brief.attr(r, "w:tc/w:tcPr/w:tcW", "w") for r in rows]
    assert widths == ["8845"] * 3
    rules = [
        (brief.attr(r, "w:tc/w:tcPr/w:tcBorders/w:top", "sz"),
         brief.attr(r, "w:tc/w:tcPr/w:tcBorders/w:bottom", "sz"))
        for r in rows
    ]  # fmt: skip
    assert rules[0][0] == rules[-1][1] and int(rules[0][0]) > int(rules[0][1])
    assert brief.text(brief.paragraph("老旧街区")) == "老旧街区微改造项目集中开工"


# --- determinism ------------------------------------------------------------------------------


def test_same_document_same_bytes_fixed_zip_and_properties(report: Docx) -> None:
    again = docx_bytes(documents.report_document())
    assert again == report.data
    with zipfile.ZipFile(io.BytesIO(again)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    core = report.parts["docProps/core.xml"].decode()
    assert "<dc:title>区城市管理局关于背街小巷" in core
    assert "<dc:creator>区城市管理局</dc:creator>" in core
    assert re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core) == [
        "2024-03-08T00:00:00Z",
        "2024-03-08T00:00:00Z",
    ]
    assert "<cp:revision>1</cp:revision>" in core
    for data in report.parts.values():
        assert b"w:rsid" not in data and b"w14:paraId" not in data


def test_bytes_do_not_depend_on_process_time_zone_or_hash_seed(report: Docx) -> None:
    script = (
        "import sys, importlib.util\n"
        f"spec = importlib.util.spec_from_file_location('d', {str(ROOT / 'tests/fixtures/render/documents.py')!r})\n"
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)\n"
        "from reportgen.docx.write import docx_bytes\n"
        "sys.stdout.buffer.write(docx_bytes(m.report_document()))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Asia/Tokyo"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=True, env=env
    ).stdout
    assert out == report.data


def test_committed_template_is_what_the_script_builds() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_reference_docx.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


# --- writing and templates -------------------------------------------------------------------


def test_render_writes_whole_file_and_nothing_else(tmp_path: Path) -> None:
    out = tmp_path / "报告.docx"
    render_docx(documents.report_document(), out)
    assert out.read_bytes() == docx_bytes(documents.report_document())
    assert os.listdir(tmp_path) == ["报告.docx"]


def test_failed_write_keeps_existing_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous version")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(UsageError):
        render_docx(documents.report_document(), out)
    assert out.read_bytes() == b"previous version"
    assert os.listdir(tmp_path) == ["out.docx"]


def test_missing_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="输出文件夹不存在"):
        render_docx(documents.report_document(), tmp_path / "nope" / "out.docx")


@pytest.mark.parametrize("content", [b"not a zip at all", package_bytes([("a.txt", b"x")])])
def test_unreadable_template_is_a_usage_error(tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "模板.docx"
    template.write_bytes(content)
    out = tmp_path / "out.docx"
    with pytest.raises(UsageError, match="不是可读的 Word 文档") as info:
        render_docx(documents.report_document(), out, template)
    assert info.value.exit_code == 2
    assert not out.exists()


def test_missing_template_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="找不到模板文件"):
        docx_bytes(documents.report_document(), tmp_path / "none.docx")


def _edited_template(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    parts = read_zip((ROOT / "templates" / "docx" / "reference.docx").read_bytes())
    parts["word/styles.xml"] = edit(parts["word/styles.xml"].decode()).encode()
    path = tmp_path / "edited.docx"
    path.write_bytes(package_bytes(parts.items()))
    return path


def test_template_without_a_style_names_it(tmp_path: Path) -> None:
    template = _edited_template(
        tmp_path, lambda xml: xml.replace('w:val="RG Heading 2"', 'w:val="Something Else"')
    )
    with pytest.raises(UsageError, match="RG Heading 2"):
        docx_bytes(documents.report_document(), template)


def test_template_resaved_by_word_still_works(tmp_path: Path) -> None:
    """Word renames styleIds and adds theme fonts; styles are found by name, themes dropped."""

    def word_like(xml: str) -> str:
        xml = xml.replace('w:styleId="RGBody"', 'w:styleId="RGBody0"')
        xml = xml.replace('w:val="RGBody"', 'w:val="RGBody0"')
        return xml.replace("<w:rFonts ", '<w:rFonts w:eastAsiaTheme="minorEastAsia" ', 1)

    docx = Docx(docx_bytes(documents.report_document(), _edited_template(tmp_path, word_like)))
    body = docx.paragraph("今年以来")
    assert docx.style_name(body) == "RG Body"
    assert b"Theme=" not in docx.parts["word/styles.xml"]


def test_packaged_template_is_found_as_package_data() -> None:
    from importlib import resources

    packaged = resources.files("reportgen.templates") / "docx" / "reference.docx"
    assert packaged.read_bytes()[:2] == b"PK"
