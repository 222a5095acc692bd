"""Dates in 公文: the 成文日期 as it is written (2023年10月20日), and dates as drafts write
them (2023年10月20日, 二〇二三年十月二十日, 2021-09-22, and RFC 2822 from mail and web pages), and
dates still to be filled in (XXXX年XX月XX日, 2024年X月X日, ____年__月__日, 　　年　月　日)."""

from __future__ import annotations

import datetime as dt

from reportgen import patterns
from reportgen.gongwen.numerals import DIGITS, ZERO_VARIANTS, parse_count, parse_digits


def chinese_date(year: int, month: int, day: int) -> str:
    """成文日期 in Arabic numerals without zero padding: 2023年10月20日 (GB/T 9704-2012 7.3.5.1)."""
    return f"{year}年{month}月{day}日"


_CN = f"{DIGITS}{ZERO_VARIANTS}十"

DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|[{_CN}]{{4}}\s*年\s*[{_CN}]{{1,3}}\s*月\s*[{_CN}]{{1,3}}\s*日"
    r"|\d{4}[-/.．]\d{1,2}[-/.．]\d{1,2})"
)
_PARTS = patterns.compile(
    rf"^([\d{_CN}]+)\s*[年\-/.．]\s*([\d{_CN}]+)\s*[月\-/.．]\s*([\d{_CN}]+)\s*日?$"
)
_LINE = patterns.compile(rf"^[\s　]*({DATE})[\s　]*$")
_BLANK = rf"[XＸxｘ×*＊_＿{ZERO_VARIANTS}{DIGITS[0]}\d\s　]"
#: A date a drafter left to fill in: at least one part of it is X, *, _ or blank.
PLACEHOLDER_DATE = (
    r"(?=.*[XＸxｘ×*＊_＿\s　].*日)" rf"{_BLANK}{{0,6}}年{_BLANK}{{0,4}}月{_BLANK}{{0,4}}日"
)
_PLACEHOLDER_LINE = patterns.compile(rf"^[\s　]*{PLACEHOLDER_DATE}[\s　]*$")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` writes, None if it is not one (or not a real day)."""
    text = text.strip(" 　")
    found = _PARTS.match(text)
    if found:
        year = parse_digits(found.group(1))
        month, day = parse_count(found.group(2)), parse_count(found.group(3))
        if year is None or month is None or day is None:
            return None
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def date_line(text: str) -> dt.date | None:
    """The date when ``text`` is a date and nothing else (成文日期 standing alone)."""
    found = _LINE.match(text)
    return parse_date(found.group(1)) if found else None


def placeholder_date_line(text: str) -> bool:
    """Whether ``text`` is a 成文日期 left to fill in (``XXXX年XX月XX日``) and nothing else."""
    if len(text.strip(" \t　")) > _LONGEST_DATE:  # the look-ahead would scan a long line per blank
        return False
    return bool(_PLACEHOLDER_LINE.match(text)) and date_line(text) is None


#: No date line, however spaced out, is longer than this.
_LONGEST_DATE = 40
