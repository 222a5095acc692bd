"""read_docx on drafts built in Word's own shapes: exact texts, numbers, labels and locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from docx_builders import (
    OFFICIAL_LEVELS,
    DocxBuilder,
    footnote_mark,
    level,
    numbering,
    para,
    python_docx_draft,
    run,
    start_override,
    table,
    word_shapes,
)
from reportgen.docx import DocxParagraph, read_docx

EXPECTED = [
    ("关于全区老旧小区改造进展的报告", "正文"),
    ("已改造*.**万平方米", "正文"),
    ("完成投资**.*亿元", "正文"),
    ("新位置。", "正文"),
    ("详见第3页", "正文"),
    ("引用表一。", "正文"),
    ("批注不是正文（待核）", "正文"),
    ("链接统计公报。", "正文"),
    ("计划X月X日开工", "正文"),
    ("内容控件里的段落 *项", "内容控件"),
    ("见脚注和尾注", "正文"),
    ("甲\t乙\n丙", "正文"),
    ("锚定文本框", "正文"),
    ("框内 **.*%", "文本框"),
    ("指标", "表格1"),
    ("数值", "表格1"),
    ("户数", "表格1"),
    ("内层 *户", "表格2"),
    ("外层", "表格1"),
    ("第二张表", "表格3"),
    ("页眉 XX局", "页眉"),
    ("首页页眉", "页眉"),
    ("— 1 —", "页脚"),
    (" 数据来源：**统计局", "脚注1"),
    ("尾注内容", "尾注1"),
]


def test_reads_every_story_in_reading_order(tmp_path: Path) -> None:
    paragraphs = read_docx(word_shapes().save(tmp_path / "draft.docx"))
    assert [(p.text, p.location) for p in paragraphs] == EXPECTED
    assert [p.number for p in paragraphs] == list(range(1, len(EXPECTED) + 1))


def test_comments_field_codes_and_deletions_are_not_the_draft(tmp_path: Path) -> None:
    texts = "".join(p.text for p in read_docx(word_shapes().save(tmp_path / "draft.docx")))
    assert "请核实" not in texts
    assert "MERGEFORMAT" not in texts and "PAGEREF" not in texts
    assert "12.5" not in texts and "旧位置" not in texts


def test_styles_and_outline_levels(tmp_path: Path) -> None:
    first, second = read_docx(word_shapes().save(tmp_path / "draft.docx"))[:2]
    assert first == DocxParagraph(1, "关于全区老旧小区改造进展的报告", "", "正文", "Heading 1", 1)
    assert (second.style, second.outline_level) == ("Normal", None)


def test_text_box_stored_twice_is_read_once(tmp_path: Path) -> None:
    paragraphs = read_docx(word_shapes().save(tmp_path / "draft.docx"))
    assert sum("框内" in p.text for p in paragraphs) == 1


@pytest.mark.parametrize("spelling", [{"strict": True}, {"prefix": "ns0"}])
def test_strict_namespace_and_other_prefixes_read_the_same(tmp_path: Path, spelling: dict) -> None:
    paragraphs = read_docx(word_shapes().save(tmp_path / "draft.docx", **spelling))
    assert [(p.text, p.location) for p in paragraphs] == EXPECTED


def numbered(*paragraphs: str, nums: dict[int, tuple[int, str]] | None = None) -> DocxBuilder:
    levels = {0: OFFICIAL_LEVELS, 1: level(0, "decimalEnclosedCircle", "%1") +
              level(1, "ideographTraditional", "%1-%2.")}  # fmt: skip
    return (
        DocxBuilder()
        .numbering(numbering(levels, nums or {1: (0, ""), 2: (1, "")}))
        .add(*paragraphs)
    )


def labels(tmp_path: Path, builder: DocxBuilder) -> list[str]:
    return [p.label for p in read_docx(builder.save(tmp_path / "numbered.docx"))]


def test_official_outline_labels_restart_lower_levels(tmp_path: Path) -> None:
    builder = numbered(
        para(run("学习"), num=(1, 0)),
        para(run("正文")),
        para(run("调研"), num=(1, 0)),
        para(run("子项"), num=(1, 1)),
        para(run("子项"), num=(1, 1)),
        para(run("细目"), num=(1, 2)),
        para(run("细目"), num=(1, 3)),
        para(run("实干"), num=(1, 0)),
        para(run("子项"), num=(1, 1)),
        para(run("细目"), num=(1, 2)),
    )
    assert labels(tmp_path, builder) == [
        "一、", "", "二、", "（一）", "（二）", "1.", "（1）", "三、", "（一）", "1.",
    ]  # fmt: skip


def test_label_is_not_part_of_text(tmp_path: Path) -> None:
    paragraph = read_docx(numbered(para(run("学习"), num=(1, 0))).save(tmp_path / "n.docx"))[0]
    assert (paragraph.label, paragraph.text) == ("一、", "学习")


def test_numbering_through_paragraph_style(tmp_path: Path) -> None:
    builder = numbered(
        para(run("甲"), style="NumberedHeading"),
        para(run("乙"), style="NumberedHeading"),
    )
    paragraphs = read_docx(builder.save(tmp_path / "styled.docx"))
    assert [(p.label, p.style, p.outline_level) for p in paragraphs] == [
        ("一、", "编号标题", 1),
        ("二、", "编号标题", 1),
    ]


def test_lists_sharing_a_definition_continue_unless_overridden(tmp_path: Path) -> None:
    nums = {1: (0, ""), 3: (0, ""), 4: (0, start_override(0, 1)), 2: (1, "")}
    builder = numbered(
        para(run("a"), num=(1, 0)),
        para(run("b"), num=(3, 0)),  # another list of the same definition continues: 二、
        para(run("c"), num=(4, 0)),  # restarted by startOverride: 一、
        para(run("d"), num=(4, 0)),
        para(run("e"), num=(2, 0)),
        para(run("f"), num=(2, 1)),
        para(run("g"), num=(2, 0)),
        nums=nums,
    )
    assert labels(tmp_path, builder) == ["一、", "二、", "一、", "二、", "①", "①-甲.", "②"]


def test_chinese_counting_up_to_ninety_nine(tmp_path: Path) -> None:
    builder = numbered(*[para(run("项"), num=(1, 0)) for _ in range(99)])
    got = labels(tmp_path, builder)
    assert got[:3] == ["一、", "二、", "三、"]
    assert got[9:12] == ["十、", "十一、", "十二、"]
    assert got[19:21] == ["二十、", "二十一、"]
    assert got[-1] == "九十九、"


def test_numbered_paragraph_without_text_still_counts(tmp_path: Path) -> None:
    builder = numbered(para(num=(1, 0)), para(run("后"), num=(1, 0)))
    assert labels(tmp_path, builder) == ["一、", "二、"]


def test_python_docx_draft_keeps_runs_together(tmp_path: Path) -> None:
    path = python_docx_draft(
        tmp_path / "pd.docx",
        [[("增长", {}), ("*", {"bold": True}), (".", {"italic": True}), ("*%", {})]],
    )
    assert [p.text for p in read_docx(path)] == ["增长*.*%"]


def test_footnotes_numbered_in_order_of_their_marks(tmp_path: Path) -> None:
    builder = (
        DocxBuilder()
        .add(para(run("先"), footnote_mark(7), run("后"), footnote_mark(2)))
        .footnote(2, para(run("第二个")))
        .footnote(7, para(run("第一个")))
    )
    paragraphs = read_docx(builder.save(tmp_path / "notes.docx"))
    assert [(p.text, p.location) for p in paragraphs[1:]] == [
        ("第一个", "脚注1"),
        ("第二个", "脚注2"),
    ]


def test_field_spanning_paragraphs_shows_only_results(tmp_path: Path) -> None:
    builder = DocxBuilder().add(
        para(run("", extra='<w:fldChar w:fldCharType="begin"/>'),
             run("", extra='<w:instrText> TOC \\o "1-3" *.** </w:instrText>'),
             run("", extra='<w:fldChar w:fldCharType="separate"/>'), run("一、学习 1")),
        para(run("二、调研 2"), run("", extra='<w:fldChar w:fldCharType="end"/>')),
        para(run("正文")),
    )  # fmt: skip
    assert [p.text for p in read_docx(builder.save(tmp_path / "toc.docx"))] == [
        "一、学习 1", "二、调研 2", "正文",
    ]  # fmt: skip


def test_deleted_table_row_is_not_read(tmp_path: Path) -> None:
    row_deleted = '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr><w:tc><w:p><w:r><w:t>删</w:t></w:r></w:p></w:tc></w:tr>'
    xml = table([para(run("留"))]).replace("</w:tbl>", row_deleted + "</w:tbl>")
    paragraphs = read_docx(DocxBuilder().add(xml).save(tmp_path / "rows.docx"))
    assert [p.text for p in paragraphs] == ["留"]


def test_committed_fixture_is_current(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "docx" / "word_shapes.docx"
    assert fixture.read_bytes() == word_shapes().save(tmp_path / "fresh.docx").read_bytes()
    assert [(p.text, p.location) for p in read_docx(fixture)] == EXPECTED
