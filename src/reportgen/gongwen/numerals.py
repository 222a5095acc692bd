"""Chinese numerals as 公文 write them: 一, 十二, 二十三, 一百零五, and digit by digit in years (二〇二三).

The one place that writes and reads them; heading labels, dates and the .docx reader's number
formats all come here.
"""

# ruff: noqa: RUF003  (〇 and the full-width Ｏ are the subject)

from __future__ import annotations

#: The numeral of each digit 0–9; ``DIGITS[n]`` writes ``n``.
DIGITS = "〇一二三四五六七八九"
#: What drafters also type for 〇 (二零二三年, 二○二三年, a letter O).
ZERO_VARIANTS = "零○ＯO"
UNITS = ("", "十", "百", "千")

_VALUES = {char: value for value, char in enumerate(DIGITS)} | dict.fromkeys(ZERO_VARIANTS, 0)


def _below_10000(n: int, digits: str, units: tuple[str, ...]) -> str:
    """Up to four digits with their units; a gap of zeros inside is read as one 零."""
    out: list[str] = []
    zero_pending = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(digits[digit] + units[power])
    return "".join(out)


def counting(n: int, digits: str = DIGITS, units: tuple[str, ...] = UNITS,
             ten_alone: bool = True, wan: str = "万") -> str:  # fmt: skip
    """Chinese counting numerals: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一, 10000 一万.

    ``digits`` and ``units`` give other sets (the 大写 壹拾 of amounts); ``ten_alone`` writes
    十一 rather than 一十一.
    """
    if n <= 0:
        return digits[0]
    if n >= 100_000_000:
        return str(n)
    high, low = divmod(n, 10_000)
    text = _below_10000(low, digits, units)
    if high:
        joiner = "零" if 0 < low < 1000 else ""
        text = _below_10000(high, digits, units) + wan + joiner + text
    if ten_alone and 10 <= n < 20:
        text = text[1:]  # 十一, not 一十一
    return text


def chinese_number(n: int) -> str:
    """A positive count as headings write it: 1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五."""
    if n <= 0:
        raise ValueError("heading numbers start at 1")
    return counting(n)


def parse_count(text: str) -> int | None:
    """A count as written: 7, 十二, 二十三 (up to 九十九); None if ``text`` is none."""
    if text.isdecimal():
        return int(text)
    if "十" not in text:
        return _VALUES.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if (tens and tens not in _VALUES) or (ones and ones not in _VALUES):
        return None
    return (_VALUES[tens] if tens else 1) * 10 + (_VALUES[ones] if ones else 0)


def parse_digits(text: str) -> int | None:
    """A number written digit by digit, as years are: 二〇二三 → 2023; None if it is not one."""
    if text.isdecimal():
        return int(text)
    if not text or any(char not in _VALUES for char in text):
        return None
    return int("".join(str(_VALUES[char]) for char in text))
