"""Figures: the numbers of a report, declared once and referred to from the text.

The checks and the text of a figure are in :mod:`reportgen.kinds.figuredata` (no pydantic).
A figure has a value (or not yet), a unit and a precision. With a value it is written as 公文
write numbers (``1.26万个``, ``93.6%``); without one it becomes a placeholder in the shape a clerk
would type (``*.**万个``, ``**.*%``), so a draft looks like the drafts people circulate.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reportgen.kinds.figuredata import (
    FigureText,
    finite_and_sane,
    format_number,
    number_or_blank,
    sane_number,
    unit_without_quotes,
)

__all__ = ["Figure", "format_number", "sane_number"]


class Figure(FigureText, BaseModel):
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

    _number_or_blank = field_validator("value", mode="before")(number_or_blank)
    _unit_without_quotes = field_validator("unit")(unit_without_quotes)
    _finite_and_sane = field_validator("value")(finite_and_sane)
