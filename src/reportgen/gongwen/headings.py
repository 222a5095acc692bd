"""The four levels of 公文 headings — 一、 （一） 1. （1） — written and read back.

GB/T 9704-2012 7.3.3: 结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注. Levels count from 1.
Two readings: :func:`match_label` knows the labels as the standard writes them (lint checks
their sequence); :func:`draft_label_level` and :func:`split_draft_label` also take what drafts
type instead (``一.``, ``第一部分``), for import.
"""

from typing import NamedTuple

from reportgen import patterns
from reportgen.gongwen.numerals import DIGITS, chinese_number, parse_count

#: The first label of each level, as messages name the levels.
LABELS = ("一、", "（一）", "1.", "（1）")


def heading_number(level: int, n: int) -> str:
    """The label of the ``n``-th heading at ``level`` (1–4)."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"公文 headings have four levels, not {level}")


class Label(NamedTuple):
    """A heading label found in text: its level (1–4), its number, and where it stands."""

    level: int
    number: int
    start: int
    end: int
    text: str


_HAN = "一二三四五六七八九十"
# As the standard writes them. ``1.5亿元`` is no heading: no digit after the dot.
_STANDARD = (
    patterns.compile(rf"([{_HAN}]{{1,3}})、"),
    patterns.compile(rf"[（(]([{_HAN}]{{1,3}})[）)]"),
    patterns.compile(r"(\d{1,2})(?:[.．](?!\d)|、)"),
    patterns.compile(r"[（(](\d{1,2})[）)]"),
)


def match_label(text: str, pos: int = 0, endpos: int | None = None) -> Label | None:
    """The heading label standing at ``pos`` of ``text``, as the standard writes it."""
    end = len(text) if endpos is None else endpos
    for level, pattern in enumerate(_STANDARD, start=1):
        found = pattern.match(text, pos, end)
        if found:
            number = parse_count(found.group(1)) or 0
            return Label(level, number, found.start(), found.end(), found.group())
    return None


_DRAFT_CN = f"{DIGITS[1:]}十百零〇"
# As drafts write them: also 一. and 一． and 第一部分 / 第二章 for the first level.
_DRAFT = (
    # 一、2025年工作回顾 is a heading (a year may follow 、, not a dot: 一.5 is no number);
    # 第一部分 needs a break before its heading: 第一部分正文。 is a sentence.
    (1, patterns.compile(rf"^[{_DRAFT_CN}]+(?:、|[．.](?!\d))")),
    (1, patterns.compile(rf"^第[{_DRAFT_CN}\d]+(?:部分|章)(?:[、：:\s　]+|$)")),
    (2, patterns.compile(rf"^[（(][{_DRAFT_CN}]+[）)]")),
    (3, patterns.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, patterns.compile(r"^[（(]\d{1,2}[）)]")),
)


def draft_label_level(label: str) -> int | None:
    """The level (1–4) of a heading number as a draft writes it, None if ``label`` is none."""
    for level, pattern in _DRAFT:
        if pattern.match(label):
            return level
    return None


def split_draft_label(text: str) -> tuple[str, str]:
    """A typed heading number and the rest: ``"（一）加强领导"`` → ``("（一）", "加强领导")``."""
    for _, pattern in _DRAFT:
        found = pattern.match(text)
        if found and found.end() < len(text):
            return found.group(), text[found.end() :].lstrip(" 　\t")
    return "", text
