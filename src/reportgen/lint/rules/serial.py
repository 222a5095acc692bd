"""Rule ``serial-punctuation``: the marks after heading and list numbers (序号)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen import patterns
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_HAN = "一二三四五六七八九十"
_LEAD = patterns.compile(r"[ \t\u3000]*(?:#+[ \t]*)?(?:[-*+][ \t]+)?(?:\*\*|__)?")
# (what was written, what it should be) at the start of a paragraph
_SHAPES = (
    (patterns.compile(rf"[（(]([{_HAN}]{{1,3}}|\d{{1,2}})[）)][、，,．.]"), "bracket-extra"),
    (patterns.compile(rf"\(([{_HAN}]{{1,3}}|\d{{1,2}})\)"), "half-width"),
    (patterns.compile(rf"([{_HAN}]{{1,3}})[.．,，](?!\d)"), "han-dot"),
    (patterns.compile(r"(\d{1,2})、"), "arabic-comma"),
)
_ARABIC_DOT = patterns.compile(r"\d{1,2}[.．](?!\d)")


class SerialPunctuationRule(Rule):
    """Finds wrong marks after 序号 at the start of a paragraph.

    GB/T 15834 and GB/T 9704 write 一、 （一） 1. （1）: a Chinese numeral takes 、, an Arabic
    numeral a full stop ``.``, a number in brackets nothing more, and the brackets are
    full-width. So ``（一）、`` → ``（一）``, ``(一)`` → ``（一）``, ``一.`` → ``一、``, ``1、`` → ``1.``.
    ``1、`` is so common in practice that it is reported only where the same document also
    numbers with ``1.`` (mixed forms). All four are mechanical and fixed by ``lint --fix``.
    ``1.5亿元`` is no 序号.

    Why: the 序号 marks are the first thing a reviewer checks on a page; mixed forms show the
    draft was pasted together.

    Example: ``（一）、加强组织领导`` → ``（一）、`` (write ``（一）``).
    """

    id = "serial-punctuation"
    severity = "warning"
    title = "序号标点"
    source_level = "GB/T 15834"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        found_shapes: list[tuple[re.Match[str], str]] = []
        arabic_dot = False
        for paragraph in source.paragraphs:
            lead = _LEAD.match(text, paragraph.start, paragraph.end)
            begin = lead.end() if lead else paragraph.start
            arabic_dot = arabic_dot or _ARABIC_DOT.match(text, begin, paragraph.end) is not None
            for pattern, shape in _SHAPES:
                found = pattern.match(text, begin, paragraph.end)
                if found:
                    found_shapes.append((found, shape))
                    break
        for found, shape in found_shapes:
            # 1、 is common usage; it is a slip where the same document numbers 1. elsewhere
            if shape != "arabic-comma" or arabic_dot:
                yield _hit(found, shape)


def _hit(found: re.Match[str], shape: str) -> Hit:
    number = found.group(1)
    written = found.group()
    if shape in ("bracket-extra", "half-width"):
        right = f"（{number}）"
    elif shape == "han-dot":
        right = f"{number}、"
    else:
        right = f"{number}."
    return Hit(
        found.start(),
        found.end(),
        f"序号“{written}”应写作“{right}”（GB/T 15834：一、（一）1.（1））",
        fix=right,
    )
