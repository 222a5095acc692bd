"""``lint --fix -o OUT``: mechanical fixes only, into a new file, each one listed (issue 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docx_builders import DocxBuilder, para, run, table
from reportgen.docx import read_docx
from reportgen.errors import UsageError
from reportgen.lint import LintOptions, run_lint

DRAFT = (
    "区住建局关于工作情况的报告\n"
    "（一）、加强领导,压实责任，，推进3月5号会议。\n"
    "1.甲\n"
    "2、乙\n"
    "是全区的的重点，党中央国务院部署，增长5～10%。，其它事项另行通知。\n"
    "共*项。\n"
)
FIXED = (
    "区住建局关于工作情况的报告\n"
    "（一）加强领导，压实责任，推进3月5日会议。\n"
    "1.甲\n"
    "2.乙\n"
    "是全区的重点，党中央、国务院部署，增长5%～10%。，其它事项另行通知。\n"
    "共*项。\n"
)


def fix(path: Path, out: Path) -> tuple[int, str]:
    result = run_lint([str(path)], LintOptions(fix=True, output=out))
    return result.exit_code, result.output


def test_text_gets_only_the_mechanical_fixes(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    code, listing = fix(draft, tmp_path / "改.txt")
    assert (tmp_path / "改.txt").read_text(encoding="utf-8") == FIXED
    assert draft.read_text(encoding="utf-8") == DRAFT  # the source is never touched
    assert "2:14: “，，” → “，”（double-punctuation）" in listing
    assert "5:20: “5～10%” → “5%～10%”（number-form）" in listing
    # left to judgement: which of 。， to keep, 其它 (not marked safe), the missing figure
    assert "另有 3 处需要人工判断" in listing and code == 1


def test_docx_keeps_its_runs_and_formatting(tmp_path: Path) -> None:
    draft = (
        DocxBuilder()
        .add(
            para(run("加强领导"), run(",", bold=True), run("压实责任，"), run("，推进工作。")),
            table([para(run("3月5号召开"))]),
        )
        .save(tmp_path / "草稿.docx")
    )
    before = draft.read_bytes()
    code, listing = fix(draft, tmp_path / "改.docx")
    assert draft.read_bytes() == before
    texts = [p.text for p in read_docx(tmp_path / "改.docx")]
    assert texts[:2] == ["加强领导，压实责任，推进工作。", "3月5日召开"]
    assert "（表格1，" in listing and code == 0
    xml = _document_xml(tmp_path / "改.docx")
    assert "<w:b/></w:rPr><w:t>，</w:t>" in xml.replace(' xml:space="preserve"', "")


def _document_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_yaml_is_fixed_at_its_own_lines_and_columns(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.yaml"
    draft.write_text("a:\n  b: 加强领导,压实责任\n  c: |\n    推进工作，，落实\n", "utf-8")
    fix(draft, tmp_path / "改.yaml")
    assert (tmp_path / "改.yaml").read_text(encoding="utf-8") == (
        "a:\n  b: 加强领导，压实责任\n  c: |\n    推进工作，落实\n"
    )


@pytest.mark.parametrize(
    ("paths", "out", "said"),
    [
        (["a.txt", "b.txt"], "c.txt", "一个文件"),
        (["a.txt"], None, "-o"),
        (["a.txt"], "a.txt", "已存在"),
        (["a.txt"], "c.docx", ".txt"),
    ],
)
def test_wrong_fix_calls_are_refused(tmp_path: Path, paths, out, said) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("内容", encoding="utf-8")
    with pytest.raises(UsageError, match=said):
        run_lint(
            [str(tmp_path / p) for p in paths],
            LintOptions(fix=True, output=tmp_path / out if out else None),
        )


def test_only_confusables_marked_safe_are_replaced(tmp_path: Path) -> None:
    draft = tmp_path / "草稿.txt"
    draft.write_text("统一布署，截止目前群众反应的问题已解决。\n", encoding="utf-8")
    fix(draft, tmp_path / "改.txt")
    # 布署 and 截止目前 are wrong anywhere; 群众反应 may be right (群众反应热烈) and is left
    assert (tmp_path / "改.txt").read_text(
        encoding="utf-8"
    ) == "统一部署，截至目前群众反应的问题已解决。\n"
