"""The layouts of the documents reportgen writes, and their page values.

A layout is one module: :mod:`.report` (汇报、总结) and :mod:`.brief` (工作简报) each define a
:class:`~reportgen.layouts.base.Layout` with its fields, its composition and its scaffold; the
page itself (margins, grid, fonts, sizes …) is a profile, ``profiles/gbt9704-2012.yaml``, read by
:mod:`.profile` and turned into OOXML units by :mod:`.gbt9704`.

How a report goes out is a format, also one module each: :mod:`.ordinary`, :mod:`.formal`
(公文格式, with the 纪要 variant in :mod:`.minutes`) and :mod:`.letter` (信函格式) each define a
:class:`~reportgen.layouts.base.Format`, looked up with :func:`format_for`.

To add a layout: write ``layouts/NAME.py`` with ``LAYOUT = …``, and add NAME to :data:`LayoutName`;
a format likewise with ``FORMAT = …`` and :data:`FormatName`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from reportgen.layouts.base import Format, Layout

#: The layouts a kind may name (``layout:`` in a kind file).
LayoutName = Literal["report", "brief"]
NAMES: tuple[str, ...] = get_args(LayoutName)
#: The formats a report may go out in (``format:`` in a report or a kind file).
FormatName = Literal["ordinary", "formal", "letter"]
FORMATS: tuple[str, ...] = get_args(FormatName)


def get(name: str) -> Layout:
    """The layout called ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise KeyError(name)
    layout: Layout = importlib.import_module(f"reportgen.layouts.{name}").LAYOUT
    return layout


def format_for(name: str) -> Format:
    """The format called ``name`` (one of :data:`FORMATS`)."""
    if name not in FORMATS:
        raise KeyError(name)
    found: Format = importlib.import_module(f"reportgen.layouts.{name}").FORMAT
    return found
