"""Rule ``number-form``: number forms GB/T 15835 asks for."""

# ruff: noqa: RUF002, RUF003  (full-width and Chinese numeral signs are the subject)

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.gongwen.numerals import DIGITS
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_HAN_DIGITS = f"零{DIGITS}"
# A date half in Chinese numerals, half in Arabic: 二〇二五年8月, 2025年八月.
# (Patterns start with one character class or a literal, not a repeat, so the regex engine
# can skip ahead fast; the Arabic year before 年八月 is checked on the few candidates.)
_HAN_YEAR_ARABIC_MONTH = re.compile(rf"[{_HAN_DIGITS}][{_HAN_DIGITS}]{{3}}年\d{{1,2}}月")
_HAN_MONTH = re.compile(rf"年[十{_HAN_DIGITS}]{{1,3}}月(?:[十{_HAN_DIGITS}]{{1,3}}日)?")
# A range whose first number lacks the magnitude or percent sign: 9～16亿, 15～30%.
_RANGE = re.compile(r"(\d\d*(?:\.\d+)?)([～~－—\-至到])(\d+(?:\.\d+)?)(万亿|亿|万|%|％)")


class NumberFormRule(Rule):
    """Finds number forms that GB/T 15835 (出版物上数字用法) does not allow.

    * A date written half in Chinese numerals and half in Arabic ones (``二〇二五年8月``):
      write it all in one form, in 公文 Arabic (``2025年8月``).
    * A range whose first number lacks ``万``/``亿``/``%`` (``9～16亿``): the first figure
      reads as a plain 9; write ``9亿～16亿``, ``15%～30%``.

    Why: 公文 are checked against these standards; a range without its magnitude is also
    a real ambiguity.

    Example: ``总投资9～16亿元`` → ``9～16亿`` (write ``9亿～16亿元``).
    """

    id = "number-form"
    severity = "warning"
    title = "数字用法"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        dates = [match.span() for match in _HAN_YEAR_ARABIC_MONTH.finditer(text)]
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
            hits.append(
                Hit(
                    match.start(),
                    match.end(),
                    f"数值范围“{match.group()}”前一个数缺少“{unit}”："
                    f"请写作“{low}{unit}{dash}{high}{unit}”",
                )
            )
        yield from sorted(hits, key=lambda hit: hit.start)
