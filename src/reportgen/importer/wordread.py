"""Reading a Word draft (.docx) into paragraphs: body text in order, table rows as rows.

What is not imported is listed line by line (:class:`Dropped`): the headers and footers (page
numbers, file names), footnotes and endnotes. A table's rows come as paragraphs of their own,
cells joined by :data:`CELL_SEPARATOR`, marked with their table so that no row is taken for a
heading of the text around it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.gongwen.headings import draft_label_level
from reportgen.importer.cleaning import PAGE_NUMBER, is_page_number
from reportgen.importer.lines import CELL_SEPARATOR, Dropped, Para, split_label
from reportgen.importer.reading import Reading

if TYPE_CHECKING:
    from reportgen.docx import DocxParagraph

_BODY_PLACES = ("正文", "表格", "文本框", "内容控件")
_TITLE_STYLES = ("title", "标题", "rg title")
FURNITURE = "页眉页脚"
NOTE = "脚注或尾注：请手工补入正文"


def read_word(path: Path) -> Reading:
    from reportgen.docx import read_docx

    paras: list[Para] = []
    dropped: list[Dropped] = []
    gap = False
    row_key: tuple[str, int] | None = None
    cells: dict[int, list[str]] = {}
    for paragraph in read_docx(path):
        text = paragraph.text.strip(" 　\t\n")
        if not paragraph.location.startswith(_BODY_PLACES):
            if text:
                reason = (
                    PAGE_NUMBER
                    if is_page_number(text)
                    else FURNITURE
                    if paragraph.location in ("页眉", "页脚")
                    else NOTE
                )
                dropped.append(Dropped(paragraph.number, text, f"{paragraph.location}：{reason}"))
            continue
        if paragraph.cell is not None and paragraph.location.startswith("表格"):
            table = int(paragraph.location[2:])
            key = (paragraph.location, paragraph.cell[0])
            if key != row_key:
                row_key, cells = key, {}
                paras.append(Para("", "", None, paragraph.number, table=table))
            piece = (paragraph.label if draft_label_level(paragraph.label) else "") + text.replace(
                "\n", ""
            )
            cells.setdefault(paragraph.cell[1], []).append(piece)
            row = CELL_SEPARATOR.join("".join(cell) for _, cell in sorted(cells.items()))
            paras[-1] = Para(row, "", None, paras[-1].line, table=table)
            continue
        row_key = None
        if not text and not paragraph.label:
            gap = True
            continue
        paras.extend(_body_paras(paragraph, text, gap))
        gap = False
    # An empty row of a table is kept (a form's rows to fill in); an empty paragraph is not.
    paras = [para for para in paras if para.text.strip(CELL_SEPARATOR) or para.table is not None]
    return Reading(paras, dropped=dropped)  # where each table goes: importer.tables


def _body_paras(paragraph: DocxParagraph, text: str, gap: bool) -> list[Para]:
    label = paragraph.label if draft_label_level(paragraph.label) else ""
    outline = paragraph.outline_level
    if (paragraph.style or "").lower() in _TITLE_STYLES:
        outline = 0
        # A long title is broken into lines inside its paragraph (Shift+Enter, or the
        # renderer's balanced breaks): the lines are one title.
        text = "".join(piece.strip(" 　\t") for piece in text.split("\n"))
    pieces = [piece.strip(" 　\t") for piece in text.split("\n")]
    pieces = [piece for piece in pieces if piece]
    out = []
    for index, piece in enumerate(pieces):
        first = index == 0
        if label or not first:
            out.append(
                Para(
                    piece,
                    label if first else "",
                    outline if first else None,
                    paragraph.number,
                    gap and first,
                )
            )
        else:
            typed, rest = split_label(piece)
            out.append(Para(rest, typed, outline, paragraph.number, gap))
    return out
