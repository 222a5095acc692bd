"""Anchored DrawingML objects: a text box fixed to the page or the text block, a filled rule.

Word and LibreOffice both place a ``wp:anchor`` exactly where it says (LibreOffice 7.4 ignores the
position of a ``w:framePr`` frame and of a floating table), so everything of a formal 公文 that
must sit at a measured place independent of the text flow is one of these.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import count
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Element as _Element

EMU_PER_TWIP = 635
EMU_PER_MM = 36000
_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
_SHAPE_URI = _NAMESPACES["wps"]
_FIRST_ID = 1000
_ids = count(_FIRST_ID)


def number_from_start() -> None:
    """Number the next document's drawings from the start again: every document is numbered
    alike, so it is the same bytes whether it is a process's first or its hundredth."""
    global _ids
    _ids = count(_FIRST_ID)


def _position(axis: str, relative: str, where: str | int) -> str:
    tag = "wp:align" if isinstance(where, str) else "wp:posOffset"
    return (
        f'<wp:position{axis} relativeFrom="{relative}"><{tag}>{where}</{tag}></wp:position{axis}>'
    )


def _anchor(
    name: str,
    size: tuple[int, int],
    horizontal: tuple[str, str | int],
    vertical: tuple[str, str | int],
    shape: str,
    wrap: str,
) -> str:
    cx, cy = size
    number = next(_ids)
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{number}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f"{_position('H', *horizontal)}{_position('V', *vertical)}"
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{wrap}'
        f'<wp:docPr id="{number}" name="{name}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{_SHAPE_URI}"><wps:wsp>{shape}</wps:wsp>'
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )


def _shape_properties(cx: int, cy: int, fill: str) -> str:
    return (
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}<a:ln><a:noFill/></a:ln></wps:spPr>'
    )


def text_box(
    name: str,
    content: Iterable[_Element],
    size: tuple[int, int],
    horizontal: tuple[str, str | int],
    vertical: tuple[str, str | int],
    *,
    wrap: str = "<wp:wrapTopAndBottom/>",
    anchor: str = "b",
) -> _Element:
    """A run holding a text box of ``size`` (EMU) with ``content`` (w:p / w:tbl elements),
    placed by ``horizontal``/``vertical`` = (relativeFrom, align name or offset in EMU);
    ``anchor`` ``b`` or ``t`` sets the content at the box's foot or top."""
    cx, cy = size
    shape = (
        '<wps:cNvSpPr txBox="1"/>'
        + _shape_properties(cx, cy, "<a:noFill/>")
        + "<wps:txbx><w:txbxContent/></wps:txbx>"
        + '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        f'anchor="{anchor}" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
    )
    run = _run(_anchor(name, size, horizontal, vertical, shape, wrap))
    box = run.find(".//w:txbxContent", _NAMESPACES)
    assert box is not None
    box.extend(content)
    return run


def filled_rule(
    name: str,
    size: tuple[int, int],
    horizontal: tuple[str, str | int],
    vertical: tuple[str, str | int],
    colour: str,
) -> _Element:
    """A run holding a filled rectangle (a rule of ``size`` EMU) that text does not wrap."""
    cx, cy = size
    fill = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    shape = "<wps:cNvSpPr/>" + _shape_properties(cx, cy, fill) + "<wps:bodyPr/>"
    return _run(_anchor(name, size, horizontal, vertical, shape, "<wp:wrapNone/>"))


def _run(drawing: str) -> _Element:
    from reportgen.ooxml.xml import parse

    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _NAMESPACES.items())
    return parse(f"<w:r {declarations}>{drawing}</w:r>".encode())
