"""Rules ``double-punctuation`` and ``punctuation-width``: punctuation slips (GB/T 15834)."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen import patterns
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

# Sentence-internal and sentence-final marks; ellipses and dashes (……, ——) are not among them.
_MARKS = "，。、；：？！"
_DOUBLE = patterns.compile(rf"[{_MARKS}][{_MARKS},.;:?!]+|[,;:?!][{_MARKS}]+")
# GB/T 15834 lets only question and exclamation marks stand together (？！ ！？ ？？？).
_ALLOWED = patterns.compile(r"[？！?!]+")

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
# The pattern starts with the mark itself, so the engine finds candidates by a fast scan; the
# Chinese character before it is checked on the (rare) candidates, not at every position.
_HALF_WIDTH = patterns.compile(rf"[,;:?!](?= ?[{_CJK}“‘（《])")
_CJK_CHAR = patterns.compile(rf"[{_CJK}]")
_FULL_FORM = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


class DoublePunctuationRule(Rule):
    """Finds two punctuation marks standing together where one is meant: ``。，``, ``，，``.

    Why: a doubled mark is a typing or editing slip (a sentence cut and pasted, a figure
    deleted before ``%。，``); GB/T 15834 allows only ``？！``-style pairs, and ``……``/``——``
    which are marks of their own.

    Example: ``分别达93.1%。，“红色物业”实现`` → ``。，``.
    """

    id = "double-punctuation"
    severity = "warning"
    title = "标点连用"
    source_level = "GB/T 15834"

    def check(self, source: Source) -> Iterator[Hit]:
        for match in _DOUBLE.finditer(source.text):
            marks = match.group()
            if _ALLOWED.fullmatch(marks):
                continue
            # the same mark twice (，， 。。) is fixed mechanically; 。， needs a choice
            same = len(set(marks)) == 1
            yield Hit(
                match.start(),
                match.end(),
                f"标点“{marks}”连用：请保留一个合适的标点，删去多余的"
                "（只有“？！”“！？”这类可以连用）",
                marks[0] if same else None,
            )


class PunctuationWidthRule(Rule):
    """Finds half-width ``, ; : ? !`` between Chinese characters.

    Why: Chinese text takes full-width marks; a half-width comma looks cramped in print and
    shows the text was typed with the wrong input mode. Marks in URLs, times (``10:30``) and
    numbers (``1,234``) have no Chinese character on both sides and are left alone.

    Example: ``加强组织领导,深入开展学习`` → ``,`` (write ``，``).
    """

    id = "punctuation-width"
    severity = "warning"
    title = "中文里的半角标点"
    source_level = "GB/T 15834"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        for match in _HALF_WIDTH.finditer(text):
            if not match.start() or not _CJK_CHAR.match(text, match.start() - 1):
                continue
            mark = match.group()
            yield Hit(
                match.start(),
                match.end(),
                f"汉字之间用了半角“{mark}”：请改为全角“{_FULL_FORM[mark]}”",
                _FULL_FORM[mark],
            )
