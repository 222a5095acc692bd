"""The 信函格式 (GB/T 9704-2012 10.1): what sits on the first page outside the text flow.

The 发文机关标志 (top edge 30 mm below the paper's top edge) and the two red double rules (4 mm
under the mark, thick over thin; 20 mm above the paper's bottom edge, thin over thick; both
170 mm long) are objects placed on the page, anchored in the first body paragraph (in a header
they would push LibreOffice's text block down). The first page has an empty footer of its own:
a 信函's first page is not numbered. The lines under the upper double rule (份号, 发文字号) start
7/8 of a 三号 character below it (:func:`first_line_top`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen.docx.write.drawing import EMU_PER_MM, EMU_PER_TWIP, filled_rule, text_box
from reportgen.layouts.gbt9704 import PAGE as L

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Element as _Element

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PT_MM = 25.4 / 72


def _mark_size(mark: str) -> float:
    fits = L.TEXT_WIDTH / 20 / max(len(mark), 1)
    return min(L.LETTER_MARK_SIZE_PT, fits)


def _upper_rule_top(mark: str) -> float:
    """mm from the paper's top edge to the top of the upper double rule."""
    return L.LETTER_MARK_TOP_MM + _mark_size(mark) * _PT_MM + L.LETTER_RULE_GAP_MM


def _double_rule_height() -> float:
    return L.LETTER_RULE_THICK_MM + L.LETTER_RULE_SPACE_MM + L.LETTER_RULE_THIN_MM


def first_line_top(mark: str = "") -> float:
    """mm from the paper's top edge to the characters of the first line under the upper double
    rule: 7/8 of a 三号 character below it."""
    return _upper_rule_top(mark) + _double_rule_height() + L.LETTER_FIRST_GAP_MM


def head_box(lines: list[_Element], height: int, mark: str) -> _Element:
    """The lines under the upper rule (each as high as its characters) in a box on the page."""
    return text_box(
        "信函版头",
        lines,
        (L.TEXT_WIDTH * EMU_PER_TWIP, height * EMU_PER_TWIP),
        ("page", round(L.MARGIN_LEFT / L.MM * EMU_PER_MM)),
        ("page", round(first_line_top(mark) * EMU_PER_MM)),
        wrap="<wp:wrapNone/>",
        anchor="t",
    )


def rule_runs(mark: str) -> list[_Element]:
    """Both red double rules as filled rectangles placed on the page."""
    colour = L.RED
    length = round(L.LETTER_RULE_LENGTH_MM * EMU_PER_MM)
    left = round((L.MARGIN_LEFT / L.MM + 156 / 2 - L.LETTER_RULE_LENGTH_MM / 2) * EMU_PER_MM)
    thick, thin, space = (
        L.LETTER_RULE_THICK_MM,
        L.LETTER_RULE_THIN_MM,
        L.LETTER_RULE_SPACE_MM,
    )
    upper = _upper_rule_top(mark)
    lower_bottom = 297 - L.LETTER_RULE_BOTTOM_MM
    rules = [  # (top in mm, height in mm): upper thick over thin, lower thin over thick
        (upper, thick),
        (upper + thick + space, thin),
        (lower_bottom - thick - space - thin, thin),
        (lower_bottom - thick, thick),
    ]
    return [
        filled_rule(
            f"红色双线{index + 1}",
            (length, round(height * EMU_PER_MM)),
            ("page", left),
            ("page", round(top * EMU_PER_MM)),
            colour,
        )
        for index, (top, height) in enumerate(rules)
    ]


def mark_run(mark: str) -> _Element:
    """The mark in a text box placed on the page."""
    from reportgen.ooxml.xml import parse

    size = _mark_size(mark)
    colour = L.RED
    half_points = round(size * 2)
    line = round(size * 20)
    paragraph = parse(
        f'<w:p xmlns:w="{_W}"><w:pPr><w:snapToGrid w:val="0"/>'
        f'<w:spacing w:line="{line}" w:lineRule="exact"/><w:ind w:firstLine="0"/>'
        '<w:jc w:val="center"/></w:pPr>'
        f'<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:eastAsia="{L.FONT_MARK}"/>'
        f'<w:color w:val="{colour}"/><w:spacing w:val="0"/><w:sz w:val="{half_points}"/>'
        f'<w:szCs w:val="{half_points}"/></w:rPr><w:t></w:t></w:r></w:p>'.encode()
    )
    paragraph.find(f".//{{{_W}}}t").text = mark
    width = round(L.LETTER_RULE_LENGTH_MM * EMU_PER_MM)
    left = round((L.MARGIN_LEFT / L.MM + 78 - L.LETTER_RULE_LENGTH_MM / 2) * EMU_PER_MM)
    height = round(size * _PT_MM * EMU_PER_MM)
    return text_box(
        "信函发文机关标志",
        [paragraph],
        (width, height),
        ("page", left),
        ("page", round(L.LETTER_MARK_TOP_MM * EMU_PER_MM)),
        wrap="<wp:wrapNone/>",
        anchor="t",
    )


def add_first_page(parts: list[tuple[str, bytes]], root: _Element, style_id: str | None) -> None:
    """Give the first section an empty first-page footer: a 信函's first page has no number."""
    from reportgen.docx.write.lastpage import blank_footer
    from reportgen.ooxml.names import w
    from reportgen.ooxml.xml import make

    section = next(root.iter(w("sectPr")))  # the first, in document order
    blank_footer(parts, section, ("first",), style_id)
    title_page = make("titlePg")
    grid = section.find(w("docGrid"))
    if grid is not None:
        grid.addprevious(title_page)
    else:
        section.append(title_page)
