"""Unfilled slots of real templates and drafts, in every format lint reads (issue 9)."""

# ruff: noqa: RUF001

from __future__ import annotations

from pathlib import Path

import pytest

from docx_builders import DocxBuilder, para, run, table, text_box
from reportgen.lint import LintOptions, run_lint

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
LONG_NOTE = (
    "【待补：用两三段写清本单位开展主题教育的主要做法、取得的成效和群众评价，"
    "每段不少于三百字，数据写到个位。】"
)
SLOTS_TXT = [
    "XX", LONG_NOTE, "XX", "XXX", "XXX", "XXX", "XXX", "（单位名称）", "（具体内容）",
    "[此处输入标题]", "□□□", "〔2020〕号", "第  号", "XX", "XXXX年XX月XX日",
    "｛｛ 解决问题 ｝｝", "{ 解决问题 }", "{{ 满意率 }}", "“%”", "X,XXX",
]  # fmt: skip


def matches(path: Path) -> list[str]:
    run = run_lint([str(path)], LintOptions(select=["placeholder"]))
    assert not run.problems
    return [finding.match for finding in run.findings]


def test_txt_has_every_slot_once() -> None:
    assert matches(FIXTURES / "slots.txt") == SLOTS_TXT


def test_markdown_has_every_slot_once_and_no_emphasis() -> None:
    assert matches(FIXTURES / "slots.md") == [
        "*", "XX", LONG_NOTE, "XX", "XXX", "XXX", "XXX", "XXX", "（单位名称）", "（具体内容）",
        "[此处输入标题]", "□□□", "〔2020〕号", "第  号", "XX", "XXXX年XX月XX日",
        "｛｛ 解决问题 ｝｝", "{ 解决问题 }", "{{ 满意率 }}", "“%”", "X,XXX",
    ]  # fmt: skip


def test_yaml_has_every_slot_once() -> None:
    assert matches(FIXTURES / "slots.yaml") == [
        "XX", LONG_NOTE.replace("，数据写到个位", ""), "XXX", "〔2020〕号", "XXXX年XX月XX日",
        "｛｛ 解决问题 ｝｝", "{ 解决问题 }",
    ]  # fmt: skip


@pytest.mark.parametrize("name", ["slot-traps.txt", "slot-traps.md"])
def test_look_alikes_are_not_slots(name: str) -> None:
    assert matches(FIXTURES / name) == []


def test_docx_body_tables_headers_and_text_boxes(tmp_path: Path) -> None:
    lines = (FIXTURES / "slots.txt").read_text(encoding="utf-8").splitlines()
    traps = (FIXTURES / "slot-traps.txt").read_text(encoding="utf-8").splitlines()
    path = (
        DocxBuilder()
        .header(para(run(lines[0])))
        .add(
            *(para(run(line)) for line in lines[1:8]),
            table(*([para(run(line))] for line in lines[8:12])),
            para(run("正文"), text_box(*(para(run(line)) for line in lines[12:]))),
            *(para(run(line)) for line in traps),
        )
        .save(tmp_path / "模板.docx")
    )
    run_ = run_lint([str(path)], LintOptions(select=["placeholder"]))
    found = sorted(finding.match for finding in run_.findings)
    assert found == sorted(SLOTS_TXT)
    places = {finding.match: finding.location for finding in run_.findings}
    assert (places["XX"], places["□□□"], places["X,XXX"]) == ("页眉", "表格1", "文本框")


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "yixue-cugan.yaml"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("recipient: 区委", "recipient: XX", "XX"),
        ("preamble:\n", f"preamble:\n  - {LONG_NOTE}\n", "【待补："),
        ("preamble:\n", "preamble:\n  - 共开展｛｛ 解决问题 ｝｝次。\n", "｛｛ 解决问题 ｝｝"),
        ("preamble:\n", "preamble:\n  - 共开展{ 解决问题 }次。\n", "{ 解决问题 }"),
        ("unit: 种}", "unit: “%”}", "中文引号"),
    ],
)
def test_render_strict_refuses_every_slot_that_reaches_the_document(
    tmp_path: Path, cli, old: str, new: str, said: str
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    draft = tmp_path / "汇报.yaml"
    draft.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = cli("render", draft, "--strict")
    assert result.code == 1 and said in result.stderr
    assert not (tmp_path / "汇报.docx").exists()
