"""YAML slips a Chinese keyboard makes, each reported on its own line and column with a fix."""

from __future__ import annotations

import pytest

from reportgen import api
from reportgen.errors import InputError

GOOD = """kind: yixue-cugan
title: 区水务局关于主题教育开展情况的汇报
recipient: 区委主题教育领导小组办公室
preamble: |
  主题教育开展以来：坚持学思用贯通。
  现将有关情况汇报如下：
sections:
  study: {heading: 以学促干，基础在学习, paragraphs: [全体党员逐篇研读。]}
  research: {heading: 以学促干，破题在调研, paragraphs: [深入基层调研。]}
  practice:
    heading: 以学促干，关键在实干
    paragraphs:
      - 一是：整治积水点。
  results: {heading: 以学促干，落点在效果, paragraphs: ["群众满意率达到{{ 满意率 }}。"]}
issuer: 区水务局
date: 2023-11-15
figures:
  满意率: {value: 96.8, unit: "%", precision: 1}
"""


def problem_of(text: str):
    with pytest.raises(InputError) as caught:
        api.parse_report(text, "汇报.yaml", api.load_kinds())
    return caught.value.problems[0]


def test_the_good_file_parses() -> None:
    """Full-width colons in text (a block scalar, a list item) are the clerk's words."""
    assert api.parse_report(GOOD, "汇报.yaml", api.load_kinds()).report.issuer == "区水务局"


@pytest.mark.parametrize(
    ("old", "new", "line", "column", "fix"),
    [
        ("issuer: 区水务局", "issuer：区水务局", 15, 7, "issuer: "),
        ("recipient: 区委", "recipient：区委", 3, 10, "recipient: "),
        (
            "      - 一是：整治积水点。",
            "      - 一是：整治积水点。\n    subsections:\n      - heading：积水点\n        paragraphs: [整治。]",
            15,
            16,
            "heading: ",
        ),
        ("  满意率: {value", "  满意率：{value", 18, 6, "满意率: "),
        ("issuer: 区水务局", "issuer:区水务局", 15, 7, "issuer: 区水务局"),
        (
            "    heading: 以学促干，关键在实干",
            "    heading:以学促干，关键在实干",
            11,
            12,
            "heading: ",
        ),
    ],
)
def test_a_colon_slip_is_named_where_it_is(old, new, line, column, fix) -> None:
    problem = problem_of(GOOD.replace(old, new))
    assert (problem.line, problem.column) == (line, column)
    assert "冒号" in problem.message
    assert fix in (problem.hint or "")


@pytest.mark.parametrize(
    ("old", "new", "column", "what"),
    [
        (
            "    heading: 以学促干，关键在实干",
            "\u3000\u3000heading: 以学促干，关键在实干",
            1,
            "全角空格",
        ),
        (
            "    heading: 以学促干，关键在实干",
            "  \u3000 heading: 以学促干，关键在实干",
            3,
            "全角空格",
        ),
        ("    heading: 以学促干，关键在实干", "\theading: 以学促干，关键在实干", 1, "制表符"),
    ],
)
def test_indentation_that_is_not_half_width_spaces(old, new, column, what) -> None:
    problem = problem_of(GOOD.replace(old, new))
    assert (problem.line, problem.column) == (11, column)
    assert what in problem.message
    assert "半角空格" in (problem.hint or "")


def test_other_syntax_errors_keep_their_words() -> None:
    problem = problem_of(
        GOOD.replace("paragraphs: [深入基层调研。]}", "paragraphs: [深入基层调研。}")
    )
    assert "括号" in problem.message


@pytest.mark.parametrize("unit", ["“%”", "‘个’", "'\"%\"'"])
def test_quotes_around_a_unit_are_named_where_they_are(unit: str) -> None:
    text = GOOD.replace('unit: "%"', f"unit: {unit}")
    problem = problem_of(text)
    assert (problem.line, problem.column) == (18, text.split("\n")[17].index("unit:") + 7)
    assert "引号，成稿中会印成" in problem.message
    assert 'unit: "' in problem.message


def test_a_unit_in_plain_or_quoted_yaml_is_fine() -> None:
    for unit in ('"%"', "'%'", "万个", '"个百分点"'):
        text = GOOD.replace('unit: "%"', f"unit: {unit}")
        assert api.parse_report(text, "汇报.yaml", api.load_kinds()).report.figures
