"""Figures: the numbers of a report, declared once and referred to from the text.

A figure has a value (or not yet), a unit and a precision. With a value it is written as 公文
write numbers (``1.26万个``, ``93.6%``); without one it becomes a placeholder in the shape a clerk
would type (``*.**万个``, ``**.*%``), so a draft looks like the drafts people circulate.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Figure(BaseModel):
    """一项数据：声明一次，正文中用 {{ 名称 }} 引用。"""

    model_config = ConfigDict(extra="forbid", title="数据")

    value: float | int | None = Field(
        None, title="数值", description="暂缺时留空，成稿中显示为 *.** 这样的占位符并高亮"
    )
    unit: str = Field("", title="单位", description="如 万个、%、项、个月、亿元")
    precision: int = Field(
        0, ge=0, le=6, title="小数位数", description="如 2 → 1.26；占位符也按此位数生成"
    )
    digits: int | None = Field(
        None,
        ge=1,
        le=9,
        title="整数位数（占位用）",
        description="数值暂缺时占位符的整数位数：2 → **.*%；不填时百分比为 2 位，其余为 1 位",
    )
    note: str = Field("", title="说明", description="数据来源或口径，如“市城管局提供”，不进入成稿")

    @field_validator("value", mode="before")
    @classmethod
    def _number_or_blank(cls, value: object) -> object:
        if isinstance(value, str):
            stripped = value.strip().replace(",", "")
            if stripped == "":
                return None
            try:
                return float(stripped)
            except ValueError:
                raise ValueError("应是数字，暂缺时留空") from None
        return value

    @field_validator("unit")
    @classmethod
    def _unit_without_quotes(cls, unit: str) -> str:
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

    @field_validator("value")
    @classmethod
    def _finite_and_sane(cls, value: float | int | None) -> float | int | None:
        return None if value is None else sane_number(value)

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
    """Round half up (as people do, not banker's rounding) to ``precision`` decimals."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - pydantic already checked it is a number
        return str(value)
    quantum = Decimal(1).scaleb(-precision)
    return str(number.quantize(quantum, rounding=ROUND_HALF_UP))
