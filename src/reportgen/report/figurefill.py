"""Filling declared figures from a table: the spreadsheet that departments send back.

Two shapes: a *figures table* (one row per figure: 名称, 数值) for one report, and a *batch
table* (one row per unit: 单位 and one column per figure or text field) for many reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reportgen.errors import InputError, Problem
from reportgen.kinds import RESERVED_KEYS
from reportgen.report.tables import (
    NAME_HEADERS,
    ROW_KEY_HEADERS,
    VALUE_HEADERS,
    Cell,
    Table,
    parse_number,
)

#: Top-level text fields a batch row may set per unit, besides figures.
ROW_TEXT_FIELDS = ("title", "recipient", "issuer", "editor", "brief_name")
Row = tuple[tuple[str, Cell], ...]


def figures_from_table(
    table: Table, declared: dict[str, Any]
) -> tuple[dict[str, float], list[Problem]]:
    """The values of a figures table by name, and notes on names the YAML does not declare."""
    name_col = table.column(NAME_HEADERS)
    value_col = table.column(VALUE_HEADERS)
    missing = [
        label
        for label, col in (("名称（name）", name_col), ("数值（value）", value_col))
        if col is None
    ]
    if missing or name_col is None or value_col is None:
        raise InputError(
            Problem(
                f"表格缺少列：{'、'.join(missing)}",
                table.path,
                1,
                hint="第一行写列名：名称、数值（可再加一列 单位 作核对）",
            )
        )
    values: dict[str, float] = {}
    first_row: dict[str, Cell] = {}
    problems: list[Problem] = []
    notes: list[Problem] = []
    for row in table.rows:
        name_cell = _cell(row, name_col)
        if name_cell is None or not name_cell.text:
            continue
        name = name_cell.text
        if name in first_row:
            problems.append(
                table.problem(
                    name_cell,
                    f"数据“{name}”重复，第一次出现在 {first_row[name].ref}",
                    "删去重复的一行，只保留正确的数值",
                )
            )
            continue
        first_row[name] = name_cell
        value_cell = _cell(row, value_col) or Cell("", name_cell.row, value_col + 1)
        number = _number(table, value_cell, name, problems)
        if name not in declared:
            notes.append(
                table.problem(
                    name_cell,
                    f"表格中的“{name}”在 YAML 的 figures 中没有声明，未使用",
                    "检查名称是否与 YAML 中一致，或在 figures 中声明它",
                )
            )
        elif number is not None:
            values[name] = number
    if problems:
        raise InputError(*problems)
    return values, notes


def batch_rows(
    table: Table, declared: dict[str, Any], own: Iterable[str] = ()
) -> list[tuple[str, Row]]:
    """Each row of a batch table as (label, cells by header); checks the header once."""
    key_col = table.column(ROW_KEY_HEADERS)
    if key_col is None:
        raise InputError(
            Problem(
                "批量表格缺少“单位”列",
                table.path,
                1,
                hint="第一列写“单位”（每行一个单位，用作文件名），其余各列写数据名称",
            )
        )
    unknown = [
        cell
        for index, cell in enumerate(table.header)
        if index != key_col
        and cell.text
        and cell.text not in declared
        and cell.text not in ROW_TEXT_FIELDS
        and cell.text not in own
    ]
    if unknown:
        raise InputError(
            *(
                table.problem(
                    cell,
                    f"列名“{cell.text}”既不是 figures 中声明的数据，也不是可替换的字段",
                    f"可替换的字段：{'、'.join([*ROW_TEXT_FIELDS, *own])}；数据名称须与 YAML 一致",
                )
                for cell in unknown
            )
        )
    rows = []
    seen: dict[str, Cell] = {}
    for row in table.rows:
        key = _cell(row, key_col)
        if key is None or not key.text:
            continue
        if key.text in seen:
            raise InputError(
                table.problem(key, f"单位“{key.text}”重复，第一次出现在 {seen[key.text].ref}")
            )
        seen[key.text] = key
        cells = tuple(
            (header.text, cell)
            for header, cell in zip(table.header, row, strict=False)
            if header.text and cell.column - 1 != key_col
        )
        rows.append((key.text, cells))
    return rows


def apply_row(report: Any, row: Row, table_path: str) -> Any:
    """``report`` with the figures and text fields of one batch row filled in."""
    figures = dict(report.figures)
    updates: dict[str, Any] = {}
    problems: list[Problem] = []
    table = Table(table_path, [], [])
    for header, cell in row:
        if header in figures:
            number = _number(table, cell, header, problems)
            if number is not None:
                figures[header] = _updated(figures[header], {"value": number})
        elif header in ROW_TEXT_FIELDS and cell.text and header in type(report).model_fields:
            updates[header] = cell.text
        elif header in type(report).model_fields and header not in RESERVED_KEYS and cell.text:
            updates[header] = _field_value(type(report), header, cell, table, problems)
    if problems:
        raise InputError(*problems)
    return _updated(report, {**updates, "figures": figures})


def _field_value(model: Any, key: str, cell: Cell, table: Table, problems: list[Problem]) -> Any:
    """A batch cell for a kind's own field, checked against the field's type."""
    from pydantic import TypeAdapter, ValidationError

    try:
        return TypeAdapter(model.model_fields[key].annotation).validate_python(cell.text)
    except ValidationError:
        title = model.model_fields[key].title or key
        problems.append(
            table.problem(
                cell, f"“{title}”的值“{cell.text}”不合要求", "数字只填数字，日期写作 2023-10-20"
            )
        )
        return None


def fill(report: Any, values: dict[str, float]) -> Any:
    figures = {
        name: _updated(figure, {"value": values[name]}) if name in values else figure
        for name, figure in report.figures.items()
    }
    return _updated(report, {"figures": figures})


def _updated(value: Any, changes: dict[str, Any]) -> Any:
    """A copy of a validated model or record with ``changes`` (not validated again: the
    callers checked them), as pydantic's ``model_copy(update=…)`` makes it."""
    if hasattr(value, "model_copy"):
        return value.model_copy(update=changes)
    copied = object.__new__(type(value))
    copied.__dict__.update(vars(value), **changes)
    return copied


def _cell(row: list[Cell], index: int) -> Cell | None:
    return row[index] if index < len(row) else None


def _number(table: Table, cell: Cell, name: str, problems: list[Problem]) -> float | None:
    try:
        return parse_number(cell.text)
    except ValueError as exc:
        problems.append(
            table.problem(
                cell,
                f"“{name}”的数值“{cell.text[:40]}”{str(exc) or '不是数字'}",
                "只填数字（可带小数点、千分位逗号或 %），单位写在 YAML 中；暂缺就留空",
            )
        )
        return None
