"""Paragraph text that would run away (template loops, huge products and powers, recursion) and
titles that would take cubic time to break (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import attempt, line_of, refused, report, run

RUNAWAY = [
    "{% for i in range(99999) %}{% for j in range(99999) %}甲{% endfor %}{% endfor %}",
    "{{ [1] * (10 ** 8) }}",
    "{{ 10 ** (10 ** 7) }}",
    "{{ 'a' * 10 ** 9 }}",
    "{{ range(10 ** 9) | list }}",
    "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}",
    "{{ '甲' | center(10 ** 9) }}",
    "{% if 1 %}" * 3000 + "甲" + "{% endif %}" * 3000,
]


@pytest.mark.parametrize(
    "paragraph",
    RUNAWAY,
    ids=[
        "nested-for",
        "list-product",
        "huge-power",
        "string-product",
        "range-list",
        "macro",
        "center",
        "deep-if",
    ],
)
def test_runaway_template_in_a_paragraph(tmp_path: Path, paragraph: str) -> None:
    text = report(paragraph)
    (tmp_path / "r.yaml").write_text(text, "utf-8")
    line = line_of(text, "      - '")
    attempt(tmp_path, "render", "r.yaml", needles=(f"r.yaml:{line}",))


def test_runaway_template_in_a_kind_example(tmp_path: Path) -> None:
    kinds = tmp_path / "k"
    kinds.mkdir()
    example = Path(__file__).resolve().parent.parent / "examples/kinds/anquan-jiancha.yaml"
    text = example.read_text("utf-8").replace(
        "example: 共排查隐患", "example: " + RUNAWAY[0] + "共排查隐患", 1
    )
    (kinds / "anquan.yaml").write_text(text, "utf-8")
    created = run("new", "anquan-jiancha", "-o", "r.yaml", "--kinds", "k", cwd=tmp_path)
    if created.code:
        refused(created, "anquan.yaml")
        return
    attempt(tmp_path, "render", "r.yaml", "--kinds", "k", needles=("r.yaml:",))


@pytest.mark.parametrize("length", [200, 1000])
def test_long_title_is_broken_in_bounded_time(tmp_path: Path, length: int) -> None:
    title = ("区水务局关于进一步加强城市排水防涝工作的汇报" * 100)[:length]
    (tmp_path / "r.yaml").write_text(
        report(replace={"title: 区水务局关于": f"title: {title}\n_x: 区水务局关于"}).replace(
            "_x: 区水务局关于党员干部主题教育以学促干工作情况的汇报\n", ""
        ),
        "utf-8",
    )
    outcome = run("render", "r.yaml", cwd=tmp_path, cpu=10, wall=20)
    refused(outcome, codes=(0, 1))
    assert outcome.code == 1 or (tmp_path / "r.docx").is_file()


def test_long_titles_in_a_batch_column(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    title = ("区水务局关于进一步加强城市排水防涝工作的汇报" * 10)[:200]
    rows = "".join(f"单位{i},{title}{i}\n" for i in range(3))
    (tmp_path / "b.csv").write_text("单位,title\n" + rows, "utf-8")
    outcome = run("render", "r.yaml", "--batch", "b.csv", "-j", "1", cwd=tmp_path, cpu=10, wall=20)
    refused(outcome, codes=(0, 1))
