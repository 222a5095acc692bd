"""The numbers of 公文 headings: 一、 （一） 1. （1）."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (as headings count)."""
    if n <= 0:
        raise ValueError("heading numbers start at 1")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _DIGITS[hundreds] + "百"
    middle = "零" if rest < 10 else ""
    tail = chinese_number(rest) if rest >= 20 or rest < 10 else "一" + chinese_number(rest)
    return _DIGITS[hundreds] + "百" + middle + tail


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


def chinese_date(year: int, month: int, day: int) -> str:
    """成文日期 in Arabic numerals without zero padding: 2023年10月20日."""
    return f"{year}年{month}月{day}日"
