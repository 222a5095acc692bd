"""Where the tables of a Word draft's body go.

A kind in a formal format renders tables in its 附件 (``attachments[].table``); its body does
not. So a table of the body becomes an attachment of its own, its rows as a table, its name a
to-do, and a note says where it stood. Any other kind keeps the rows as paragraphs (cells
joined by ``｜``), where they stood, and a note says so: nothing of the table is lost either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.gongwen.placeholders import todo
from reportgen.importer.lines import CELL_SEPARATOR

if TYPE_CHECKING:
    from reportgen.importer.outline import Outline
    from reportgen.kinds.spec import KindSpec

_TEXT_KEYS = ("preamble", "paragraphs", "closing")


def place_tables(
    data: dict[str, Any], outline: Outline, spec: KindSpec, *, attachments: bool
) -> list[str]:
    """Move the body's tables of ``outline`` into ``data`` as ``spec`` can render them (into
    ``attachments`` when its format has them); the notes that say where each went."""
    if not outline.tables:
        return []
    if not attachments:
        return [
            f"表格{number}（{len(table.rows)} 行）在“{table.where}”中按行导入为段落，单元格之间用"
            f"“{CELL_SEPARATOR}”分隔：“{spec.name}”不能排表格，请在成稿中重新制表，"
            "或改用公文格式的类型（附件可排表格）"
            for number, table in outline.tables.items()
        ]
    rows = {row for table in outline.tables.values() for row in table.rows}
    _remove(data, rows)
    items = data.setdefault("attachments", [])
    notes = []
    for number, table in outline.tables.items():
        cells = [row.split(CELL_SEPARATOR) for row in table.rows]
        items.append({"title": todo(f"表格{number}的名称"), "table": cells})
        notes.append(
            f"正文“{table.where}”中的表格{number}（{len(table.rows)} 行）移作附件{len(items)}："
            "公文正文不排表格，附件可以；请填写附件名称，并在正文中写明“见附件”"
        )
    return notes


def _remove(value: Any, rows: set[str]) -> None:
    """Take the table rows out of every text list of ``value`` (the report's data)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _TEXT_KEYS and isinstance(item, list):
                item[:] = [text for text in item if text not in rows]
            else:
                _remove(item, rows)
    elif isinstance(value, list):
        for item in value:
            _remove(item, rows)
