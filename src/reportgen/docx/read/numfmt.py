"""Number formats of Word's automatic numbering (``w:numFmt``): 1 → "一", "①", "甲", "iv" …"""

from __future__ import annotations

from collections.abc import Callable

from reportgen.gongwen.numerals import DIGITS, counting

_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_LEGAL_TRAD_DIGITS = "零壹貳參肆伍陸柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letters(n: int) -> str:
    letter = chr(ord("a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)  # Word: …, z, aa, bb, …


def _enclosed(n: int, ranges: tuple[tuple[int, int, int], ...]) -> str:
    for first, last, codepoint in ranges:
        if first <= n <= last:
            return chr(codepoint + n - first)
    return str(n)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _cycle(n: int, symbols: str) -> str:
    return symbols[n - 1] if 1 <= n <= len(symbols) else str(n)


_CIRCLED = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))

_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalFullWidth2": lambda n: "".join(chr(ord(c) + 0xFEE0) for c in str(n)),
    "decimalHalfWidth": str,
    "decimalEnclosedCircle": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, ((1, 20, 0x2488),)),
    "decimalEnclosedParen": lambda n: _enclosed(n, ((1, 20, 0x2474),)),
    "ideographEnclosedCircle": lambda n: _enclosed(n, ((1, 10, 0x3220),)),
    "ideographParenthesized": lambda n: _enclosed(n, ((1, 10, 0x3220),)),
    "upperRoman": lambda n: _roman(n).upper(),
    "lowerRoman": _roman,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "ordinal": _ordinal,
    "chineseCounting": counting,
    "chineseCountingThousand": counting,
    "japaneseCounting": counting,
    "taiwaneseCounting": counting,
    "taiwaneseCountingThousand": counting,
    "ideographDigital": lambda n: "".join(DIGITS[int(c)] for c in str(n)),
    "taiwaneseDigital": lambda n: "".join(DIGITS[int(c)] for c in str(n)),
    "chineseLegalSimplified": lambda n: counting(n, _LEGAL_DIGITS, _LEGAL_UNITS, False, "万"),
    "ideographLegalTraditional": lambda n: counting(
        n, _LEGAL_TRAD_DIGITS, ("", "拾", "佰", "仟"), False, "萬"
    ),
    "ideographTraditional": lambda n: _cycle(n, _HEAVENLY_STEMS),
    "ideographZodiac": lambda n: _cycle(n, _EARTHLY_BRANCHES),
    "none": lambda n: "",
}


def format_number(n: int, num_fmt: str) -> str:
    """``n`` written in Word's number format ``num_fmt``; unknown formats fall back to decimal."""
    return _FORMATS.get(num_fmt, str)(n)
