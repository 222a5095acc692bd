"""What a figure is and how it is written, without pydantic.

:class:`reportgen.kinds.figure.Figure` (the pydantic model, the source of truth for what a figure
may hold and every error message) checks its fields with the functions below, and shares its
methods through :class:`FigureText`; the validated records a render gets without importing
pydantic (:mod:`reportgen.kinds.prepared`) run the same functions and have the same methods.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING


class FigureText:
    """A figure's text: its value as 公文 write it, or its placeholder while it has none."""

    if TYPE_CHECKING:
        value: float | int | None
        unit: str
        precision: int
        digits: int | None

    @property
    def filled(self) -> bool:
        return self.value is not None

    def placeholder(self) -> str:
        from reportgen.gongwen.placeholders import number_shape

        whole = self.digits or (2 if self.unit.startswith("%") else 1)
        return number_shape(whole, self.precision) + self.unit

    def formatted(self) -> str:
        """The figure as written in the text, or its placeholder when it has no value."""
        if self.value is None:
            return self.placeholder()
        return format_number(self.value, self.precision) + self.unit


def number_or_blank(value: object) -> object:
    """A figure's value as typed: text is read as a number (thousands commas allowed), blank
    text as no value."""
    if isinstance(value, str):
        stripped = value.strip().replace(",", "")
        if stripped == "":
            return None
        try:
            return float(stripped)
        except ValueError:
            raise ValueError("应是数字，暂缺时留空") from None
    return value


def unit_without_quotes(unit: str) -> str:
    """A Chinese keyboard types “%” for "%": the curly quotes would be printed after the number."""
    curly = any(mark in unit for mark in "“”‘’「」")
    straight = len(unit) >= 2 and unit[0] == unit[-1] and unit[0] in "\"'"
    if curly or straight:
        inner = unit.strip("“”‘’「」\"'")
        which = "中文引号" if curly else "引号"
        raise ValueError(
            f'单位 {unit} 多了{which}，成稿中会印成 96.8{unit}：写成 unit: "{inner}"'
            "（半角引号，输入法切到英文再输入），或不加引号"
        )
    return unit


def finite_and_sane(value: float | int | None) -> float | int | None:
    return None if value is None else sane_number(value)


def sane_number(value: float | int) -> float | int:
    """``value`` if a report can print it: finite, and no more whole digits than the limit
    ``figure_digits``; a ValueError that says what is wrong otherwise."""
    from reportgen.limits import current

    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("应是有限的数，不能是无穷大（inf）或非数（NaN）")
    digits = current().figure_digits
    if abs(value) >= 10**digits:
        raise ValueError(f"数值过大：整数部分超过 {digits} 位（上限 figure_digits），请检查单位")
    return value


def format_number(value: float | int, precision: int) -> str:
    """Round half up (as people do, not banker's rounding) to ``precision`` decimals: what
    ``str(Decimal(str(value)).quantize(Decimal(1).scaleb(-precision), ROUND_HALF_UP))`` gives,
    worked out on the digits of ``repr(value)`` for an int or a finite float (importing
    decimal would be a fortieth of a render); anything else goes through decimal itself."""
    if not (type(value) is int or (type(value) is float and math.isfinite(value))):
        return _decimal_format(value, precision)
    if not 0 <= precision <= 6:
        return _decimal_format(value, precision)
    text = repr(value)
    sign = "-" if text.startswith("-") else ""
    mantissa, _, exponent = text.lstrip("-").partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = int(whole + fraction)
    shift = int(exponent or 0) - len(fraction) + precision
    if shift >= 0:
        scaled = digits * 10**shift
    else:
        scaled, rest = divmod(digits, 10**-shift)
        scaled += 2 * rest >= 10**-shift  # a tie goes up, away from zero
    shown = str(scaled)
    if len(shown) > 28:  # beyond decimal's default precision: decimal says what happens
        return _decimal_format(value, precision)
    if not precision:
        return sign + shown
    shown = shown.rjust(precision + 1, "0")
    return f"{sign}{shown[:-precision]}.{shown[-precision:]}"


def _decimal_format(value: float | int, precision: int) -> str:
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

    try:
        number = Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - pydantic already checked it is a number
        return str(value)
    quantum = Decimal(1).scaleb(-precision)
    return str(number.quantize(quantum, rounding=ROUND_HALF_UP))
