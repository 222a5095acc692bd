"""A plain scalar whose first character no resolver rule starts with is read as text without
asking ruamel's resolver (most of a report's resolving time): the resolver agrees for every
first character of the Basic Multilingual Plane, and typed scalars still resolve."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reportgen.yamlio import compose
from reportgen.yamlio.source import parse_yaml


def test_the_resolver_reads_every_other_first_character_as_text() -> None:
    resolver = compose._parser().resolver
    node = compose._scalar_node()
    starts = compose._typed_starts()
    assert {"t", "1", "~", ".", "-"} <= starts
    for code in range(0x20, 0xD800):
        char = chr(code)
        if char in starts:
            continue
        for value in (char, f"{char}rue 12"):
            tag = str(resolver.resolve(node, value, (True, False)))
            assert tag == "tag:yaml.org,2002:str", (value, tag)


def test_typed_and_untyped_scalars_compose_as_before() -> None:
    text = (
        "a: true\nb: 12\nc: 1.5\nd: ~\ne: 2023-10-20\nf: 情况\ng: '12'\nh: null\n"
        "i: Yes\nj: .inf\nk: -3\nl: 0x1F\nm: 一二\nn: 'true'\no: 标题 12\n"
    )
    data, _ = parse_yaml(text, "x.yaml")
    assert data == {
        "a": True,
        "b": 12,
        "c": 1.5,
        "d": None,
        "e": "2023-10-20",
        "f": "情况",
        "g": "12",
        "h": None,
        "i": "Yes",
        "j": float("inf"),
        "k": -3,
        "l": 31,
        "m": "一二",
        "n": "true",
        "o": "标题 12",
    }


def _flow_depth_char_by_char(text: str, limit: int) -> int | None:
    """The bracket depth check as it was first written: one step per character."""
    depth, line = 0, 1
    for char in text:
        if char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n":
            line += 1
    return None


@given(st.text(st.sampled_from("[]{}\nab: -"), max_size=60), st.integers(0, 8))
def test_the_flow_depth_check_finds_the_line_a_character_walk_finds(text: str, limit: int) -> None:
    assert compose.flow_depth_line(text, limit) == _flow_depth_char_by_char(text, limit)
