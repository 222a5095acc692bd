"""Rule ``number-form``: number forms GB/T 15835 asks for."""

# ruff: noqa: RUF002, RUF003  (full-width and Chinese numeral signs are the subject)

from __future__ import annotations

from collections.abc import Iterator

from reportgen import patterns
from reportgen.gongwen.numerals import DIGITS
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_HAN_DIGITS = f"零{DIGITS}"
# A date half in Chinese numerals, half in Arabic: 二〇二五年8月, 2025年八月.
# (Patterns start with a literal where they can, so the regex engine jumps from one to the
# next instead of trying a class at every character: the four Chinese digits before 年8月 and
# the Arabic year before 年八月 are checked on the few candidates.)
_ARABIC_MONTH = patterns.compile(r"年\d{1,2}月")
_HAN_DIGIT_SET = frozenset(_HAN_DIGITS)
_HAN_MONTH = patterns.compile(rf"年[十{_HAN_DIGITS}]{{1,3}}月(?:[十{_HAN_DIGITS}]{{1,3}}日)?")
# A range whose first number lacks the magnitude or percent sign: 9～16亿, 15～30%.
_RANGE = patterns.compile(r"(\d\d*(?:\.\d+)?)([～~－—\-至到])(\d+(?:\.\d+)?)(万亿|亿|万|%|％)")
# 26年3月: a year cut to two digits (a bare 26年 is a duration: 工作26年).
_SHORT_YEAR = patterns.compile(r"年(?=\d{1,2}月)")  # after two digits, checked on the candidates
# 3月5号: a day written 号 (3月5号楼 is a building).
_DAY_HAO = patterns.compile(r"月(\d{1,2})号(?![楼线院文令房室馆仓库门])")
# 08月, 05日: a leading zero.
_LEADING_ZERO = patterns.compile(r"0(\d)(?=[月日])")
_TIMESTAMP = patterns.compile(r"(?:\d{1,2}日)?[ \u3000]*\d{1,2}[:：]\d\d")
_FULL_WIDTH_DIGITS = patterns.compile(r"[０-９][０-９．]*")


class NumberFormRule(Rule):
    """Finds number forms that GB/T 15835 (出版物上数字用法) does not allow.

    * A date written half in Chinese numerals and half in Arabic ones (``二〇二五年8月``):
      write it all in one form, in 公文 Arabic (``2025年8月``).
    * A range whose first number lacks ``万``/``亿``/``%`` (``9～16亿``): the first figure
      reads as a plain 9; write ``9亿～16亿``, ``15%～30%``.
    * A year cut short (``26年3月`` → 2026年3月), a day written 号 (``3月5号`` → 3月5日),
      a leading zero (``08月`` → 8月), full-width digits (``２０２５`` → 2025).

    All but the short year are fixed mechanically by ``lint --fix``.

    Why: 公文 are checked against these standards; a range without its magnitude is also
    a real ambiguity.

    Example: ``总投资9～16亿元`` → ``9～16亿`` (write ``9亿～16亿元``).
    """

    id = "number-form"
    severity = "warning"
    title = "数字用法"
    source_level = "GB/T 15835"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        dates = [
            (match.start() - 4, match.end())
            for match in _ARABIC_MONTH.finditer(text)
            if match.start() >= 4
            and _HAN_DIGIT_SET.issuperset(text[match.start() - 4 : match.start()])
        ]
        for match in _HAN_MONTH.finditer(text):
            year = match.start() - 4
            if year >= 0 and text[year : match.start()].isdecimal():
                dates.append((year, match.end()))
        hits = [
            Hit(
                start,
                end,
                f"日期“{text[start:end]}”混用汉字和阿拉伯数字：请统一，公文中用阿拉伯数字",
            )
            for start, end in dates
        ]
        for match in _RANGE.finditer(text):
            if match.start() and text[match.start() - 1] in "0123456789.":
                continue  # inside a longer number (the regex starts mid-number)
            low, dash, high, unit = match.groups()
            fixed = f"{low}{unit}{dash}{high}{unit}"
            hits.append(
                Hit(
                    match.start(),
                    match.end(),
                    f"数值范围“{match.group()}”前一个数缺少“{unit}”：请写作“{fixed}”",
                    fixed,
                )
            )
        hits.extend(_more_forms(text))
        yield from sorted(hits, key=lambda hit: hit.start)


def _more_forms(text: str) -> list[Hit]:
    """Short years, 号 for 日, leading zeros, full-width digits (with mechanical fixes)."""
    hits = []
    for match in _SHORT_YEAR.finditer(text):
        start = match.start() - 2  # where the two digits of the year start
        if start < 0 or not text[start : match.start()].isdecimal():
            continue
        if start and text[start - 1].isdigit():
            continue
        year = text[start : match.end()]
        hits.append(
            Hit(start, match.end(), f"年份“{year}”应写全，如“20{year}”（GB/T 15835：年份不能简写）")
        )
    for match in _DAY_HAO.finditer(text):
        start, end = match.start(1), match.end()
        hits.append(
            Hit(start, end, f"“{text[start:end]}”应写作“{match.group(1)}日”", f"{match.group(1)}日")
        )
    for match in _LEADING_ZERO.finditer(text):
        if match.start() and text[match.start() - 1].isdigit():
            continue
        if _TIMESTAMP.match(text, match.end() + 1):
            continue  # 2024年04月06日 16:40: a system's time stamp, not prose
        hits.append(
            Hit(
                match.start(),
                match.end(),
                f"“{match.group()}”前面的 0 应删去，写作“{match.group(1)}”",
                match.group(1),
            )
        )
    if not any(digit in text for digit in "０１２３４５６７８９"):
        return hits  # (a test per digit is many times faster than the engine's scan)
    for match in _FULL_WIDTH_DIGITS.finditer(text):
        half = match.group().translate(_HALF_WIDTH)
        hits.append(
            Hit(match.start(), match.end(), f"全角数字“{match.group()}”应写作半角“{half}”", half)
        )
    return hits


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
