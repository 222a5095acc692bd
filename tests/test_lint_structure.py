"""Structure rules know where a paragraph stands: body, 附件, tables, text boxes (issue 9)."""

from __future__ import annotations

from pathlib import Path

from docx_builders import DocxBuilder, para, run, table, text_box
from reportgen.lint import LintOptions, lint_text, run_lint


def findings(path: Path, rule: str) -> list[tuple[str, str | None]]:
    run_ = run_lint([str(path)], LintOptions(select=[rule]))
    return [(finding.match, finding.location) for finding in run_.findings]


def test_numbered_tables_are_apart_from_the_body(tmp_path: Path) -> None:
    path = (
        DocxBuilder()
        .add(
            para(run("一、总体情况")),
            table(
                [para(run("1.指标")), para(run("一、人口"))],
                [para(run("2.指标")), para(run("二、经济"))],
            ),
            para(run("二、存在问题")),
            table([para(run("1.甲"))], [para(run("3.丙"))]),  # a real gap inside a table
            para(run("正文"), text_box(para(run("一、框内")))),
            para(run("三、下一步")),
        )
        .save(tmp_path / "报告.docx")
    )
    assert findings(path, "heading-sequence") == [("3.", "表格2")]


def test_each_appendix_and_each_parent_restarts_numbering() -> None:
    text = "一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n附件1\n一、表\n二、表\n附件2\n一、表\n（一）细"
    assert lint_text(text, "a.txt", select=["heading-sequence"]) == []
    wrong = "一、甲\n（一）子\n二、乙\n（二）子"
    assert [f.match for f in lint_text(wrong, "a.txt", select=["heading-sequence"])] == ["（二）"]


def test_a_number_inside_a_line_completes_the_sequence() -> None:
    text = "1、报头。\n【格式】2、报身。\n3、报尾。"
    assert lint_text(text, "a.txt", select=["heading-sequence"]) == []


def test_repeated_cells_are_no_repeated_paragraphs(tmp_path: Path) -> None:
    path = (
        DocxBuilder()
        .add(
            para(run("加强组织领导")),
            table([para(run("是")), para(run("是"))], [para(run("合计")), para(run("合计"))]),
            para(run("压实工作责任")),
            para(run("压实工作责任")),
        )
        .save(tmp_path / "报告.docx")
    )
    assert findings(path, "duplicate-paragraph") == [("压实工作责任", "正文")]


def test_a_line_of_lone_marks_is_read_in_one_pass() -> None:
    """Unpaired marks are matched across lines by bisection: fifty thousand lone marks on one
    line and their closers on the next would take hours if each looked at all the others."""
    text = "《" * 50_000 + "\n" + "》" * 50_000
    assert lint_text(text, "a.txt", select=["unpaired-punctuation"]) == []
