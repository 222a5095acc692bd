"""Where the text of a formal document ends: pages and lines estimated from the OOXML we wrote.

Every line of the body is on the 22-line grid or has an exact height, and widow control is off,
so the flow is predictable to within a line or two (keep-with-next and LibreOffice's narrower
lines with digits are the difference). The writer uses the estimate only where a wrong guess is
harmless: to tighten the space before the 署名 when it would otherwise start a page (7.3.5.5),
and to put the 版记 inline only when the text clearly ends on an even page with room for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.docx.write.title import text_width
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.ooxml.names import w

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Element


@dataclass(frozen=True)
class Place:
    """Where an element ends: on page ``page`` (from 1), ``used`` twips of the 版心 filled."""

    page: int
    used: int


def flow(elements: Iterable[Element], indented: set[str]) -> list[Place]:
    """The place where each of ``elements`` (top-level w:p and w:tbl) ends. Paragraphs of the
    styles ``indented`` (style ids) have the body's two-character first-line indent."""
    page, used = 1, 0
    places = []
    for element in elements:
        for height, breaks in _lines(element, indented):
            if breaks and used:
                page, used = page + 1, 0
            if used + height > L.TEXT_HEIGHT and used:
                page, used = page + 1, 0
            used += height
        places.append(Place(page, used))
    return places


def _lines(element: Element, indented: set[str]) -> list[tuple[int, bool]]:
    """Each line (or indivisible piece) of ``element``: its height, and whether a page break
    comes before it."""
    if element.tag == w("tbl"):
        rows = []
        for row in element.iter(w("trHeight")):
            rows.append((int(row.get(w("val"), L.LINE_PITCH)), False))
        return rows
    properties = element.find(w("pPr"))
    breaks = properties is not None and properties.find(w("pageBreakBefore")) is not None
    spacing = None if properties is None else properties.find(w("spacing"))
    if spacing is not None and spacing.get(w("lineRule")) == "exact":
        height = int(spacing.get(w("line"), L.LINE_PITCH)) + int(spacing.get(w("before"), 0))
        height += int(spacing.get(w("after"), 0))
        return [(height, breaks)]
    text = "".join(t.text or "" for t in element.iter(w("t")))
    style = None if properties is None else properties.find(w("pStyle"))
    first = L.BODY_INDENT_CHARS if style is not None and style.get(w("val")) in indented else 0
    indent = 0.0 if properties is None else _left_indent(properties)
    capacity = L.CHARS_PER_LINE - indent
    count = 1 + len(list(element.iter(w("br"))))
    if text:
        count = max(count, -int(-(first + text_width(text)) // capacity))
    return [(L.LINE_PITCH, breaks and index == 0) for index in range(count)]


def _left_indent(properties: Element) -> float:
    indent = properties.find(w("ind"))
    if indent is None:
        return 0.0
    return int(indent.get(w("left"), 0)) / L.CHAR_PITCH
