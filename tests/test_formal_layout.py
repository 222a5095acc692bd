"""The formal 公文 formats laid out by LibreOffice and measured on the PDF (GB/T 9704-2012).

One soffice call for all documents; skipped where soffice is missing, except in CI."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLES
from pdfmeasure import Line, ink_top, rules, text_lines
from reportgen import api
from test_render_libreoffice import _require

pytestmark = pytest.mark.layout

TEXT_TOP, TEXT_BOTTOM, TEXT_LEFT, TEXT_WIDTH = 37.0, 262.0, 28.0, 156.0

JOINT = """\
kind: qingshi
copy_no: 12
secrecy: 机密
secrecy_period: 1年
urgency: 特急
mark: [青川市住房和城乡建设局, 青川市财政局]
doc_number: 青建发〔2026〕30号
signers: [林志远, 张国华]
title: 关于申请保障性住房补助资金的请示
recipient: 青川市人民政府
sections:
  - heading: 请示的缘由
    paragraphs:
{paragraphs}
closing: 妥否，请批示。
issuer: 青川市住房和城乡建设局
date: 2026-05-06
copy_to: 青川市发展和改革委员会
printer: 青川市住房和城乡建设局办公室
"""
# Enough text that the 署名 would fall alone at the top of page 2 if it were not kept with it.
FILLER = "      - 今年全市新开工保障性住房一千二百套，资金缺口较大，需要市级财政给予补助支持。"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    soffice = _require("soffice")
    _require("pdftotext")
    _require("pdftoppm")
    folder = tmp_path_factory.mktemp("formal")
    joint = folder / "joint.yaml"
    joint.write_text(JOINT.format(paragraphs="\n".join([FILLER] * 5)), "utf-8")
    # Two paragraphs: the 署名 would start page 2 unless the spacing closes up (7.3.5.5).
    tight = folder / "tight.yaml"
    tight.write_text(JOINT.format(paragraphs="\n".join([FILLER] * 2)), "utf-8")
    # Ten: the text ends low on page 2, an even page with no room left for the 版记.
    full = folder / "full.yaml"
    full.write_text(JOINT.format(paragraphs="\n".join([FILLER] * 10)), "utf-8")
    yixue = folder / "yixue.yaml"
    text = (EXAMPLES / "yixue-cugan.yaml").read_text("utf-8")
    yixue.write_text(
        text.replace("kind: yixue-cugan\n", "kind: yixue-cugan\nformat: formal\n"), "utf-8"
    )
    jobs = {
        "baogao": (EXAMPLES / "baogao.yaml", "printed"),
        "preprinted": (EXAMPLES / "baogao.yaml", "preprinted"),
        "han": (EXAMPLES / "han.yaml", "printed"),
        "jiyao": (EXAMPLES / "jiyao.yaml", "printed"),
        "joint": (joint, "printed"),
        "tight": (tight, "printed"),
        "full": (full, "printed"),
        "tongzhi": (EXAMPLES / "tongzhi.yaml", "printed"),
        "yixue": (yixue, "printed"),
    }
    for name, (source, letterhead) in jobs.items():
        api.render(source, folder / f"{name}.docx", letterhead=letterhead)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            # Blank pages too: the one before a 版记 page is part of the document (7.5).
            'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in jobs),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: folder / f"{name}.pdf" for name in jobs}


def _find(lines: list[Line], pattern: str) -> Line:
    return next(line for line in lines if re.search(pattern, line.text))


def _page_number(lines: list[Line]) -> int | None:
    for line in lines:
        match = re.fullmatch(r"—\s*(\d+)\s*—", line.text.strip())
        if match and line.top > TEXT_BOTTOM:
            return int(match.group(1))
    return None


@pytest.mark.parametrize(("name", "lines_above"), [("yixue", 0), ("baogao", 2), ("joint", 3)])
def test_mark_top_edge_is_35mm_below_the_text_block(pdfs, name, lines_above, tmp_path):
    """7.2.4: whatever stands above it (份号, 密级, 紧急程度), the mark starts 35 mm down."""
    page = text_lines(pdfs[name])[0]
    black_above = [line for line in page if line.bottom < TEXT_TOP + 35]
    assert len(black_above) == lines_above
    assert ink_top(pdfs[name], 1, tmp_path) - TEXT_TOP == pytest.approx(35, abs=1)


@pytest.mark.parametrize("name", ["yixue", "baogao", "joint", "jiyao"])
def test_red_rule_4mm_below_the_doc_number_across_the_text_block(pdfs, name, tmp_path):
    page = text_lines(pdfs[name])[0]
    red = [rule for rule in rules(pdfs[name], 1, tmp_path) if rule.colour == "red"]
    assert len(red) == 1
    (rule,) = red
    assert rule.length == pytest.approx(TEXT_WIDTH, abs=0.5)
    assert rule.left == pytest.approx(TEXT_LEFT, abs=0.5)
    if name != "yixue":  # yixue has no 发文字号: the rule stands where it would be
        number = _find(page, "〔2026〕")
        assert rule.top - number.em_bottom == pytest.approx(4, abs=1)
    title = next(line for line in page if line.top > rule.bottom)
    assert title.em_top - rule.bottom > 2 * 10  # 7.3.1: two lines below the rule


def test_signers_share_the_doc_number_line(pdfs):
    page = text_lines(pdfs["joint"])[0]
    number = _find(page, "〔2026〕30号")
    last_signer = _find(page, "张国华")
    first_signer = _find(page, "签发人")
    assert abs(number.baseline - last_signer.baseline) < 1  # 文号 aligns with the last signer
    assert first_signer.baseline < number.baseline
    assert number.left == pytest.approx(TEXT_LEFT + 5.6, abs=1.5)  # left 空一字
    assert TEXT_LEFT + TEXT_WIDTH - last_signer.right == pytest.approx(5.6, abs=1.5)


@pytest.mark.parametrize("name", ["baogao", "joint", "jiyao", "tongzhi", "tight", "full"])
def test_imprint_last_rule_lies_on_the_last_line_of_the_last_page(pdfs, name, tmp_path):
    pages = text_lines(pdfs[name])
    found = [rule for rule in rules(pdfs[name], len(pages), tmp_path) if rule.colour == "black"]
    assert len(found) >= 2
    assert found[-1].bottom == pytest.approx(TEXT_BOTTOM, abs=0.5)
    assert all(rule.length == pytest.approx(TEXT_WIDTH, abs=0.5) for rule in found)
    imprint = _find(pages[-1], "印发$")
    assert found[-2].bottom < imprint.top < imprint.bottom < found[-1].top + 0.5
    for page in pages[:-1]:
        assert not _find_optional(page, "印发$")


def _find_optional(lines: list[Line], pattern: str) -> Line | None:
    return next((line for line in lines if re.search(pattern, line.text)), None)


@pytest.mark.parametrize(
    ("name", "text_pages", "pages"),
    [("baogao", 4, 4), ("joint", 2, 2), ("tongzhi", 3, 4), ("tight", 1, 2), ("full", 2, 4)],
)
def test_imprint_on_the_last_even_page_unnumbered_when_alone(pdfs, name, text_pages, pages):
    """7.4, 7.5: the 版记 is on the back of the last sheet, an even page; when the text ends on
    an odd page it has a page of its own, and when the text ends on an even page without room
    for it a blank page comes first. Neither of those carries a page number; the text's pages
    are numbered on."""
    laid_out = text_lines(pdfs[name])
    assert len(laid_out) == pages
    numbers = [_page_number(page) for page in laid_out]
    assert numbers == [*range(1, text_pages + 1), *[None] * (pages - text_pages)]
    for page in laid_out[text_pages:]:
        body = [line for line in page if line.top < TEXT_BOTTOM]
        assert all(line.top > TEXT_BOTTOM - 30 for line in body)  # the 版记 at the foot only
    assert all(not _find_optional(page, "印发$") for page in laid_out[:-1])


def test_signature_closes_up_rather_than_leave_the_text(pdfs):
    """7.3.5.5: when the 署名 and 日期 would start a page, the spacing tightens so they stay on
    the text's page, instead of the last paragraph moving along with them."""
    first = text_lines(pdfs["tight"])[0]
    for pattern in ("妥否，请批示", "^青川市住房和城乡建设局$", "2026年5月6日$"):
        assert _find_optional(first, pattern), pattern
    date = _find(first, "2026年5月6日$")
    assert date.bottom <= TEXT_BOTTOM + 0.5


def test_signature_stays_with_the_last_body_line(pdfs):
    """7.3.5.5: the 署名 and 日期 never stand alone on a page."""
    pages = text_lines(pdfs["joint"])
    signature_page = next(
        i for i, page in enumerate(pages) if _find_optional(page, "^青川市住房和城乡建设局$")
    )
    assert _find_optional(pages[signature_page], "妥否，请批示")
    assert _find_optional(pages[signature_page], "2026年5月6日")


def test_page_numbers_continue_through_the_attachments(pdfs):
    pages = text_lines(pdfs["baogao"])
    assert [_page_number(page) for page in pages] == list(range(1, len(pages) + 1))
    starts = [page[0].text for page in pages]
    assert starts[-2:] == ["附件1", "附件2"]  # each 附件 on a new page
    for page in pages[-2:]:
        label, title = page[0], page[1]
        assert label.left == pytest.approx(TEXT_LEFT, abs=0.5)  # 附件N 顶格, line 1
        assert label.em_top == pytest.approx(TEXT_TOP, abs=3)
        centre = (title.left + title.right) / 2
        assert centre == pytest.approx(TEXT_LEFT + TEXT_WIDTH / 2, abs=1)  # title centred


def test_attachment_note_wraps_under_the_name(pdfs):
    page = next(page for page in text_lines(pdfs["baogao"]) if _find_optional(page, "^附件：1"))
    first = _find(page, "^附件：1")
    second = _find(page, "^2\\.加装电梯")
    assert first.left == pytest.approx(TEXT_LEFT + 2 * 5.56, abs=1)  # 空二字
    assert second.left == pytest.approx(first.left + 3 * 5.56, abs=1.5)  # under “1.”


def test_letter_format(pdfs, tmp_path):
    """10.1: mark 30 mm from the paper's top, red double rules 170 mm, no first-page number."""
    pages = text_lines(pdfs["han"])
    assert _page_number(pages[0]) is None
    mark = _find(pages[0], "^青川市住房和城乡建设局$")
    assert mark.em_top == pytest.approx(30, abs=1)
    red = [rule for rule in rules(pdfs["han"], 1, tmp_path) if rule.colour == "red"]
    assert len(red) == 4
    assert all(rule.length == pytest.approx(170, abs=0.5) for rule in red)
    upper, lower = red[:2], red[2:]
    assert upper[0].top - mark.em_bottom == pytest.approx(4, abs=1)
    assert upper[0].bottom - upper[0].top > upper[1].bottom - upper[1].top  # 上粗下细
    assert lower[1].bottom - lower[1].top > lower[0].bottom - lower[0].top  # 上细下粗
    assert 297 - lower[1].bottom == pytest.approx(20, abs=0.5)
    number = _find(pages[0], "〔2026〕7号")
    assert TEXT_LEFT + TEXT_WIDTH - number.right < 1  # flush right under the rule
    assert number.em_top - upper[1].bottom == pytest.approx(16 * 7 / 8 * 25.4 / 72, abs=1)


def test_preprinted_letterhead_prints_what_is_under_it_in_place(pdfs, tmp_path):
    printed, blank = text_lines(pdfs["baogao"])[0], text_lines(pdfs["preprinted"])[0]
    assert not [rule for rule in rules(pdfs["preprinted"], 1, tmp_path) if rule.colour == "red"]
    assert not _find_optional(blank, "文件$")
    for pattern in ("〔2026〕15号", "^青川市人民政府"):
        assert _find(blank, pattern).top == pytest.approx(_find(printed, pattern).top, abs=1)


def test_minutes_attendance_labels_in_line(pdfs):
    page = next(page for page in text_lines(pdfs["jiyao"]) if _find_optional(page, "^出席："))
    labels = [_find(page, f"^{label}：") for label in ("出席", "请假", "列席")]
    assert all(line.left == pytest.approx(TEXT_LEFT + 2 * 5.56, abs=1) for line in labels)
    assert labels[0].top < labels[1].top < labels[2].top
