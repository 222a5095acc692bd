"""The structure tier on 主送机关, 署名, 成文日期 and the 版记 (GB/T 9704 7.3.2, 7.3.5, 7.4), and the
measured tier's lines per page: our formal output passes, a copy edited as a clerk would in Word
is reported with the clause it breaks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from reportgen import api
from reportgen.check import check_files
from reportgen.check.measured import BOTTOM, LEFT, PITCH, RIGHT, TOP, DocText, measure
from reportgen.check.pdftext import PT_PER_MM, Line

ROOT = Path(__file__).resolve().parent.parent
TITLE_END = "小区加装电梯工作进展情况的报告</w:t></w:r></w:p>"
BLANK = '<w:p><w:pPr><w:pStyle w:val="RGBody"/></w:pPr></w:p>'
SIGNATURE = '<w:pStyle w:val="RGSignature"/><w:ind w:rightChars="200" w:right="630"/>'
IMPRINT_ROW = '<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/>'


@pytest.fixture(scope="module")
def baogao(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("placement")
    return Path(api.render(ROOT / "examples" / "baogao.yaml", folder / "baogao.docx").output)


def _edited(source: Path, target: Path, *edits: tuple[str, str]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                text = data.decode()
                for old, new in edits:
                    assert text.count(old) == 1, old
                    text = text.replace(old, new)
                data = text.encode()
            zout.writestr(info, data)
    return target


def _found(path: Path) -> set[tuple[str, str]]:
    (result,) = check_files([path], measured=False)
    return {(f.rule, f.clause) for f in result.findings}


def test_our_formal_output_places_everything_as_the_standard_says(baogao: Path) -> None:
    assert _found(baogao) == set()


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [("青川市人民政府：", "　　青川市人民政府:")],
            {("recipient-colon", "7.3.2"), ("recipient-indent", "7.3.2")},
            id="recipient-indented-with-half-width-colon",
        ),
        pytest.param(
            [(TITLE_END + BLANK, TITLE_END)],
            {("recipient-spacing", "7.3.2")},
            id="no-blank-line-under-the-title",
        ),
        pytest.param(
            [(SIGNATURE, '<w:pStyle w:val="RGSignature"/><w:jc w:val="center"/>')],
            {("signature-placement", "7.3.5")},
            id="signature-centred-on-the-page",
        ),
        pytest.param(
            [(IMPRINT_ROW, IMPRINT_ROW.replace('w:sz="8"', 'w:sz="4"'))],
            {("imprint-rule-width", "7.4.1")},
            id="first-imprint-rule-thin",
        ),
        pytest.param(
            [('<w:tblW w:w="8845" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout',
              '<w:tblW w:w="7000" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout')],
            {("imprint-rule-length", "7.4.1")},
            id="imprint-rules-shorter-than-the-text-block",
        ),
        pytest.param(
            [('<w:ind w:left="280" w:firstLineChars="0" w:firstLine="0" w:right="280"/>',
              '<w:ind w:left="0" w:firstLineChars="0" w:firstLine="0" w:right="280"/>')],
            {("imprint-indent", "7.4.2")},
            id="imprint-text-not-indented",
        ),
        pytest.param(
            [('<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align>',
              '<wp:positionV relativeFrom="margin"><wp:align>top</wp:align>')],
            {("imprint-position", "7.4.1")},
            id="imprint-box-at-the-top",
        ),
    ],
)  # fmt: skip
def test_a_hand_edited_copy_is_reported_with_its_clause(
    baogao: Path, tmp_path: Path, edits: list[tuple[str, str]], expected: set[tuple[str, str]]
) -> None:
    assert _found(_edited(baogao, tmp_path / "edited.docx", *edits)) == expected


def test_an_imprint_without_rules_is_reported_except_in_a_letter(
    baogao: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(baogao) as archive:
        text = archive.read("word/document.xml").decode()
    borders = re.findall(r"<w:tcBorders>.*?</w:tcBorders>", text)
    assert len(borders) == 2
    plain = _edited(baogao, tmp_path / "plain.docx", *((b, "") for b in borders))
    assert ("imprint-rules", "7.4.1") in _found(plain)
    letter = Path(api.render(ROOT / "examples" / "han.yaml", tmp_path / "han.docx").output)
    assert _found(letter) == set()  # 10.1: a 信函's 版记 has no rules


def _page(rows: int, pitch: float = PITCH, indent_first: bool = True) -> list[Line]:
    lines = []
    for row in range(rows):
        top = TOP + row * pitch
        left = LEFT + (2 * 15.75 if indent_first and row == 0 else 0)
        lines.append(Line(1, left, RIGHT, top, top + 20.8, "城" * 28))
    return lines


def _lines_per_page(*pages: list[Line]) -> list[str]:
    doc = DocText("", "", "", ())
    findings, _ = measure(list(pages), doc)
    return [f.message for f in findings if f.rule == "lines-per-page"]


def test_a_page_of_other_than_22_lines_is_reported() -> None:
    assert _lines_per_page(_page(22), _page(3)) == []
    (dense,) = _lines_per_page(_page(23, pitch=27.6), _page(3))
    assert "每页排 23 行" in dense
    # A paragraph carried to the next page with rows left empty (Word's widow control) …
    (early,) = _lines_per_page(_page(20), _page(3, indent_first=False))
    assert "排了 20 行" in early
    # … but a page may end early where a paragraph ends (a page break, 署名 kept with its text).
    assert _lines_per_page(_page(20), _page(3)) == []
    assert BOTTOM > TOP + 21 * PITCH and PT_PER_MM > 0


def test_a_placeholder_broken_across_lines_is_reported() -> None:
    def line(row: int, text: str) -> Line:
        return Line(1, LEFT, RIGHT, TOP + row * PITCH, TOP + row * PITCH + 20.8, text)

    doc = DocText("", "", "", ())
    split = [line(0, "城" * 26 + "共有*."), line(1, "**万个小区。")]
    whole = [line(0, "城" * 25 + "共有。"), line(1, "*.**万个小区。")]
    found = [f for f in measure([split], doc)[0] if f.rule == "placeholder-split"]
    assert [f.severity for f in found] == ["warning"] and "*.**" in found[0].message
    assert not [f for f in measure([whole], doc)[0] if f.rule == "placeholder-split"]
    # A long to-do in words may wrap like any text.
    todo = [line(0, "城" * 24 + "【待补：未整"), line(1, "改隐患的措施】")]
    assert not [f for f in measure([todo], doc)[0] if f.rule == "placeholder-split"]


def _imprint_findings(pages: int, imprint: tuple[str, ...], letter: bool = False) -> list[str]:
    """The measured 版记 findings when the 版记 stands at the foot of page ``pages``."""
    laid_out = [_page(22) for _ in range(pages - 1)]
    foot = BOTTOM - len(imprint) * PITCH
    laid_out.append([Line(pages, LEFT, RIGHT, foot + row * PITCH, foot + row * PITCH + 18, text)
                     for row, text in enumerate(imprint)])  # fmt: skip
    findings, _ = measure(laid_out, DocText("", "", "", imprint), letter=letter)
    return [f.rule for f in findings if f.rule.startswith("imprint")]


def test_a_formal_imprint_on_an_odd_page_is_reported() -> None:
    """7.4 with 6.2: a 公文 is printed on both sides; its 版记 (ending with the 印发 line) is on
    the back of the last sheet, an even page."""
    formal = ("抄送：青川市应急管理局。", "青川市住房和城乡建设局办公室2026年4月2日印发")
    assert _imprint_findings(3, formal) == ["imprint-odd-page"]
    assert _imprint_findings(1, formal) == ["imprint-odd-page"]
    assert _imprint_findings(2, formal) == []
    assert _imprint_findings(4, formal) == []
    # A 信函's 版记 has no 印发 line (10.1), nor a 简报's 报尾: neither is held to an even page.
    assert _imprint_findings(1, formal[:1], letter=True) == []
    assert _imprint_findings(3, ("报：市民生实事工作领导小组", "发：局属各单位、各科室")) == []


def test_the_imprint_is_read_from_a_text_box_or_a_table() -> None:
    """Ours is a text box anchored to the foot; a 版记 made by hand in Word is often a table."""
    from types import SimpleNamespace

    from reportgen.check.measured import doc_text

    def para(location: str, text: str) -> SimpleNamespace:
        return SimpleNamespace(location=location, text=text, style="", label="")

    for location in ("文本框", "表格3"):
        paragraphs = [
            para("正文", "正文一段。"),
            para("表格1", "已印发"),  # a 附件 table's cell, not a 版记 (7.4.3: date + 印发)
            para(location, "抄送：青川市应急管理局。"),
            para(location, "青川市住房和城乡建设局办公室\t2026年4月2日印发"),
            para("页脚", "— 1 —"),
        ]
        doc = doc_text(paragraphs)
        assert doc.imprint == (
            "抄送：青川市应急管理局。",
            "青川市住房和城乡建设局办公室2026年4月2日印发",
        )
        assert doc.body == "正文一段。"
