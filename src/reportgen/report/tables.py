"""Reading the tables figures arrive in: .csv (UTF-8 or GBK from Excel) and .xlsx.

A table is a header row and data rows. Every cell keeps its place (row number and column
letter), so an error names the cell a clerk must fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import InputError, Problem, UsageError

#: Header names accepted for the figures table, in English and Chinese.
NAME_HEADERS = ("name", "名称", "数据名称", "指标", "项目")
VALUE_HEADERS = ("value", "数值", "值", "数据")
UNIT_HEADERS = ("unit", "单位")
ROW_KEY_HEADERS = ("unit", "单位", "name", "名称", "row")


# (Named tuples, not dataclasses: a batch table of 1,000 rows makes 14,000 cells, and importing
# dataclasses was a sixteenth of a batch's fixed cost.)


class Cell(NamedTuple):
    text: str
    row: int  # 1-based, the header is row 1
    column: int  # 1-based

    @property
    def ref(self) -> str:
        return f"{column_letter(self.column)}{self.row}"


class Table(NamedTuple):
    path: str
    header: list[Cell]
    rows: list[list[Cell]]

    def column(self, names: tuple[str, ...]) -> int | None:
        """The index of the first header among ``names`` (case and spaces ignored)."""
        wanted = {name.lower() for name in names}
        for index, cell in enumerate(self.header):
            if cell.text.strip().lower() in wanted:
                return index
        return None

    def problem(self, cell: Cell, message: str, hint: str | None = None) -> Problem:
        return Problem(f"{cell.ref} 单元格：{message}", self.path, cell.row, cell.column, hint)


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(path: str | Path) -> Table:
    from reportgen.limits import check_file

    path = Path(path)
    suffix = path.suffix.lower()
    check_file(path, limit="package_bytes" if suffix in (".xlsx", ".xlsm") else "text_bytes")
    if suffix == ".csv":
        grid = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_rows(path)
    else:
        raise UsageError.at(
            "不支持的表格格式", path, hint="请用 .csv 或 .xlsx（Excel 中“另存为”即可）"
        )
    rows = [
        [Cell(text, r, c) for c, text in enumerate(row, start=1)]
        for r, row in enumerate(grid, start=1)
    ]
    rows = [row for row in rows if any(cell.text for cell in row)]
    _refuse_forbidden_characters(str(path), rows)
    if not rows:
        raise InputError.at("表格是空的", path, hint="第一行写列名，下面每行一条数据")
    return Table(str(path), rows[0], rows[1:])


def _refuse_forbidden_characters(path: str, rows: list[list[Cell]]) -> None:
    from reportgen.textio import XML_FORBIDDEN

    if not XML_FORBIDDEN.search("\n".join(cell.text for row in rows for cell in row)):
        return  # one search for the whole table (a line end is allowed): a batch has 14,000 cells
    for row in rows:
        for cell in row:
            bad = XML_FORBIDDEN.search(cell.text)
            if bad:
                raise InputError(
                    Problem(
                        f"{cell.ref} 单元格：有 Word 文档不能容纳的控制字符 U+{ord(bad.group()):04X}",
                        path,
                        cell.row,
                        cell.column,
                        "删去这个字符（常见于从网页或其他软件复制的文字）",
                    )
                )


def _csv_rows(path: Path) -> list[list[str]]:
    import csv

    from reportgen.textio import read_text

    text = read_text(path)
    header = text.split("\n", 1)[0]
    # Excel writes commas, or semicolons in some locales; tab-separated text comes from copying.
    delimiter = max(",;\t", key=header.count) if any(d in header for d in ",;\t") else ","
    try:
        return [
            [cell.strip() for cell in row]
            for row in csv.reader(text.splitlines(), delimiter=delimiter)
        ]
    except csv.Error as exc:
        raise InputError.at(f"CSV 格式错误（{exc}）", path) from None


def _xlsx_rows(path: Path) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        _check_workbook(path)
    except UsageError as error:  # said again for a workbook: what to do is Excel's 另存为
        problem = error.problems[0]
        raise UsageError.at(
            problem.message,
            path,
            hint="请在 Excel 或 WPS 中打开后另存为 .xlsx"
            if "上限" not in problem.message
            else problem.hint,
        ) from None
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UsageError.at("文件不存在", path) from None
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise UsageError.at(
            "不是有效的 .xlsx 文件（可能已损坏，或是旧版 .xls）",
            path,
            hint="请在 Excel 或 WPS 中打开后另存为 .xlsx",
        ) from None
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # a stale <dimension> must not hide rows
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,9})"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="([0-9]{1,9})"')


def _check_workbook(path: Path) -> None:
    """The checks every package passes (sizes, entries, no DOCTYPE in any part), and the
    cells a sheet really holds within ``table_rows`` and ``table_columns`` (whatever its
    <dimension> says), before openpyxl sees the file."""
    from reportgen.limits import current, exceeded
    from reportgen.ooxml.package import open_package, parse_xml, read_entry

    limits = current()
    archive, infos = open_package(path)
    with archive:
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            data = read_entry(archive, info, path)
            parse_xml(data, path, info.filename)
            if not info.filename.startswith("xl/worksheets/"):
                continue
            rows = [int(r) for r in _ROW_REF.findall(data)]
            cells = _CELL_REF.findall(data)
            rows.extend(int(r) for _, r in cells)
            if rows and max(rows) > limits.table_rows + 1:
                raise exceeded("table_rows", path, usage=False)
            if cells and max(_column_number(c) for c, _ in cells) > limits.table_columns:
                raise exceeded("table_columns", path, usage=False)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_number(text: str) -> float | None:
    """A cell's number: ``1,234``, ``93.6%`` and full-width digits accepted; blank is None."""
    cleaned = text.strip().translate(_FULL_WIDTH).replace(",", "").rstrip("%")
    if not cleaned:
        return None
    from reportgen.kinds.figuredata import sane_number

    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError("") from None  # not a number at all: the caller says so
    return sane_number(number)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
