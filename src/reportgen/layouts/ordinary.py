"""The ``ordinary`` format: the report's own page (标题, 主送, 正文, 署名, 日期), nothing around it."""

from __future__ import annotations

from reportgen.layouts.base import Format


class OrdinaryFormat(Format):
    name = "ordinary"


FORMAT = OrdinaryFormat()
