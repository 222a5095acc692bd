"""Figure references: the direct substitution of plain ``{{ 名称 }}`` gives what Jinja2 gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reportgen.report.textfill as textfill
from reportgen.errors import InputError
from reportgen.kinds.figure import Figure
from reportgen.report.textfill import TextFiller

FIGURES = {
    "甲": Figure(value=1.5, unit="万个", precision=1),
    "b_2": Figure(unit="%", precision=1),
    "乙": Figure(value=3, unit="项"),
}


def spans_by_jinja(text: str, monkeypatch) -> tuple:
    with monkeypatch.context() as patch:
        patch.setattr(textfill, "_plain_references", lambda *args: None)
        return TextFiller(FIGURES, "r.yaml").spans(text, 7)


@pytest.mark.parametrize(
    "text",
    [
        "共{{ 甲 }}，其中{{b_2}}和{{  乙  }}。",
        "{{甲}}{{甲}}",
        "没有引用*.**万个",
        "共{{ 甲 }}{% if true %}，增长{{ b_2 }}{% endif %}",
        "{{ 甲|string }}",
        "前{{ 甲 }}后 {# 注释 #}",
    ],
)
def test_direct_substitution_equals_jinja(text, monkeypatch):
    assert TextFiller(FIGURES, "r.yaml").spans(text, 7) == spans_by_jinja(text, monkeypatch)


@given(
    st.lists(
        st.sampled_from(["{{ 甲 }}", "{{b_2}}", "{{ 乙 }}", "，", "共", "*.*", "%", " "]),
        max_size=12,
    )
)
def test_any_mix_of_references_and_text(parts):
    text = "".join(parts)
    direct = TextFiller(FIGURES, "r.yaml").spans(text, 1)
    original = textfill._plain_references
    textfill._plain_references = lambda *args: None
    try:
        jinja = TextFiller(FIGURES, "r.yaml").spans(text, 1)
    finally:
        textfill._plain_references = original
    assert direct == jinja


def test_undeclared_name_is_the_same_error_either_way():
    with pytest.raises(InputError) as caught:
        TextFiller(FIGURES, "r.yaml").spans("共{{ 丙 }}个", 9)
    assert "r.yaml:9: 引用了未声明的数据“丙”" in str(caught.value)


def test_unfilled_figures_are_listed_with_their_declaration_line():
    filler = TextFiller(FIGURES, "r.yaml", {"b_2": 30})
    filler.spans("增长{{ b_2 }}，另有*项", 12)
    assert [(u.line, u.text, u.figure, u.declared_line) for u in filler.unfilled] == [
        (12, "**.*%", "b_2", 30),
        (12, "*", None, None),
    ]


def test_a_text_met_again_reports_its_placeholders_at_each_line():
    """A paragraph's placeholders are found once per process (a batch renders the same text
    for every row); each paragraph still reports them at its own line."""
    text = "共*.**万个，另有【待补】"
    filler = TextFiller(FIGURES, "r.yaml")
    first, second = filler.spans(text, 3), filler.spans(text, 9)
    assert first == second
    assert [span.text for span in first if span.placeholder] == ["*.**", "【待补】"]
    assert [(u.line, u.text) for u in filler.unfilled] == [
        (3, "*.**"),
        (3, "【待补】"),
        (9, "*.**"),
        (9, "【待补】"),
    ]
    assert textfill._literal_spans.cache_info().hits >= 1
