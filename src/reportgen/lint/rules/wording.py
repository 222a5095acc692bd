"""Reviewers' rules on wording: doubled characters, a 报告 asking for approval, and the
off-by-default rules of taste (relative time words, 套话). Word lists live in ``data/``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from reportgen import patterns
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_DATA = Path(__file__).resolve().parent.parent / "data"
_DOUBLE = patterns.compile(r"([\u4e00-\u9fff])\1")
_HAN_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两")


def _words(name: str) -> list[str]:
    """A word list: one entry a line, ``#`` comments, blank lines ignored."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


class DoubledCharacterRule(Rule):
    """Finds a character typed twice where once is meant: ``的的``, ``是是``, ``在在``.

    Why: a doubled character is the commonest slip of pinyin input, and spell checkers pass
    it. Chinese doubles many words on purpose (谢谢, 看看, 常常, 层层, 实实在在) and two words
    often meet on the same character (供水水质), so only characters that almost never double
    are suspects (``data/doubled_suspect.txt``: 的 了 是 在 们 …), and even those are fine in the
    words of ``data/doubled_ok.txt`` (the whitelist: 谢谢, 看看, 常常 …, and longer words such
    as 不了了之, 为了了解, 目的的 that hold a legitimate double) and in AABB forms (的的确确).
    Removing the second character is mechanical (``lint --fix``).

    Example: ``是全区的的重点工作`` → ``的的`` (write 的).
    """

    id = "doubled-character"
    severity = "warning"
    title = "重复的字"

    @cached_property
    def allowed(self) -> tuple[frozenset[str], frozenset[str], list[str]]:
        words = _words("doubled_ok.txt")
        suspects = frozenset("".join(_words("doubled_suspect.txt")))
        return (
            suspects,
            frozenset(w for w in words if len(w) == 2),
            [w for w in words if len(w) > 2],
        )

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        suspects, pairs, longer = self.allowed
        for match in _DOUBLE.finditer(text):
            start, double = match.start(), match.group()
            if double[0] not in suspects or double in pairs or double[0] in _HAN_NUMERALS:
                continue
            if _in_aabb(text, start) or _in_longer(text, start, double, longer):
                continue
            yield Hit(
                start,
                match.end(),
                f"“{double}”疑为多打了一个字：应为“{double[0]}”",
                fix=double[0],
            )


def _in_aabb(text: str, start: int) -> bool:
    """扎扎实实 / 实实在在: a double right before or after another double."""
    return (start >= 2 and text[start - 2] == text[start - 1] != text[start]) or (
        start + 3 < len(text) and text[start + 2] == text[start + 3] != text[start]
    )


def _in_longer(text: str, start: int, double: str, longer: list[str]) -> bool:
    for word in longer:
        inner = word.find(double)
        while inner >= 0:
            if text.startswith(word, start - inner):
                return True
            inner = word.find(double, inner + 1)
    return False


class ReportAsksApprovalRule(Rule):
    """Finds a 报告 that asks for approval: ``妥否，请批示`` and the like.

    Why: 《党政机关公文处理工作条例》 keeps the two apart: a 报告 reports and does not ask
    (“不得夹带请示事项”); what needs an answer goes in a 请示. Only documents whose title
    (first paragraph) is a 报告 — not a 请示 — are checked.

    Example: title ``关于2025年工作情况的报告``, last line ``妥否，请批示。`` → ``请批示``.
    """

    id = "report-asks-approval"
    severity = "warning"
    title = "报告中夹带请示"

    _ASK = patterns.compile(
        r"(?:(?:妥否|当否|可否)[，,]?)?请(?:批示|审批|批复|予批准|予审批|核准|审定)|妥否|当否"
    )

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        title = next(
            (
                text[p.start : p.end].strip()
                for p in source.paragraphs[:3]
                if "报告" in text[p.start : p.end]
            ),
            "",
        )
        if not title.endswith(("报告", "报告》")) or "请示" in title:
            return
        for match in self._ASK.finditer(text):
            yield Hit(
                match.start(),
                match.end(),
                f"报告中不应夹带请示事项（“{match.group()}”）：需要上级批复的事项请另行请示",
            )


class _WordListRule(Rule):
    """A rule of taste: words from a data file, off unless selected."""

    default_on = False
    severity = "info"
    list_name = ""
    advice = ""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        words = sorted(_words(self.list_name), key=len, reverse=True)
        return patterns.compile("|".join(map(re.escape, words)))

    def check(self, source: Source) -> Iterator[Hit]:
        for match in self.pattern.finditer(source.text):
            yield Hit(match.start(), match.end(), f"“{match.group()}”{self.advice}")


class RelativeTimeRule(_WordListRule):
    """Finds relative time words (今年, 近日, 上月 …) from ``data/relative_time.txt``.

    Why: a 公文 is read long after it is written and filed; 今年 means nothing in the archive.
    Off by default (``--select relative-time``): reports to the next office up use them freely.

    Example: ``今年以来，全区…`` → ``今年`` (write 2026年).
    """

    id = "relative-time"
    title = "相对时间词"
    list_name = "relative_time.txt"
    advice = "是相对时间：建议写明具体日期，如“2026年以来”"


class ClicheRule(_WordListRule):
    """Finds 套话 from ``data/cliches.txt`` (取得了显著成效, 高度重视 …).

    Why: reviewers strike phrases that say nothing checkable; a figure or a fact says more.
    Off by default (``--select cliche``); the list is data, add a line to add a phrase.

    Example: ``取得了显著成效`` → the phrase (say what changed, with a figure).
    """

    id = "cliche"
    title = "套话"
    list_name = "cliches.txt"
    advice = "是套话：建议换成具体做法或数据"
