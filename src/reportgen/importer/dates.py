"""Dates as drafts write them: 2023年10月20日, 二〇二三年十月二十日, 2021-09-22, and RFC 2822."""

from __future__ import annotations

import datetime as dt
import re

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "O": 0,
}
_CN = "〇零○ＯO一二三四五六七八九十"

DATE = (
    r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    rf"|[{_CN}]{{4}}\s*年\s*[{_CN}]{{1,3}}\s*月\s*[{_CN}]{{1,3}}\s*日"
    r"|\d{4}[-/.．]\d{1,2}[-/.．]\d{1,2})"
)
_PARTS = re.compile(
    rf"^([\d{_CN}]+)\s*[年\-/.．]\s*([\d{_CN}]+)\s*[月\-/.．]\s*([\d{_CN}]+)\s*日?$"
)
_LINE = re.compile(rf"^[\s　]*({DATE})[\s　]*$")


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` writes, None if it is not one (or not a real day)."""
    text = text.strip(" 　")
    found = _PARTS.match(text)
    if found:
        try:
            year = _number(found.group(1), year=True)
            return dt.date(year, _number(found.group(2)), _number(found.group(3)))
        except (ValueError, KeyError):
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


def count(text: str) -> int | None:
    """A count as written: 7, 十二, 二十三; None if it is none."""
    try:
        return _number(text)
    except (ValueError, KeyError):
        return None


def _number(text: str, *, year: bool = False) -> int:
    if text.isdigit() and text.isascii():
        return int(text)
    if year:
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if "十" not in text:
        if len(text) != 1 or text not in _CN_DIGITS:
            raise ValueError(text)
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
