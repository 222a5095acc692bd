"""The layouts of the documents reportgen writes, and their page values.

A layout is one module: :mod:`.report` (汇报、总结) and :mod:`.brief` (工作简报) each define a
:class:`~reportgen.layouts.base.Layout` with its fields, its composition and its scaffold; the
page itself (margins, grid, fonts, sizes …) is a profile, ``profiles/gbt9704-2012.yaml``, read by
:mod:`.profile` and turned into OOXML units by :mod:`.gbt9704`.

To add a layout: write ``layouts/NAME.py`` with ``LAYOUT = …``, and add NAME to :data:`LayoutName`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from reportgen.layouts.base import Layout

#: The layouts a kind may name (``layout:`` in a kind file).
LayoutName = Literal["report", "brief"]
NAMES: tuple[str, ...] = get_args(LayoutName)


def get(name: str) -> Layout:
    """The layout called ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(name)
    layout: Layout = importlib.import_module(f"reportgen.layouts.{name}").LAYOUT
    return layout
