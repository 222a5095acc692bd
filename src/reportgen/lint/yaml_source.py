"""YAML files as lint sources: every string scalar, placed at its own line and column.

A report YAML (one with ``kind:``) is checked field by field: the text fields, not ``kind``,
``date`` or the ``figures`` table (names, units, notes never reach the document). There
``{{ 名称 }}`` refers to a figure (see :attr:`Source.figures`). Any other YAML is checked by all
its string scalars.

ruamel.yaml gives the line and column where each value starts. A scalar's further lines
(block scalars ``|``/``>``, folded plain or quoted scalars) are found by locating each source
line's text in the value, so a finding on the third line of a ``|`` block names that line and
its column in the file. Columns count characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.errors import UsageError
from reportgen.lint.source import Source

_NOT_TEXT_KEYS = frozenset({"kind", "date", "figures"})


def source_from_yaml(text: str, path: str) -> Source:
    """Parse ``text`` and return its string scalars as one source; syntax errors are UsageError."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from reportgen.yamlio.compose import compose
    from reportgen.yamlio.source import SourceMap

    try:
        # Composed once with every limit (depth, values, aliases) before ruamel's loader,
        # which would follow a billion laughs; its values are shared, never copied.
        compose(text, path, SourceMap(path))
        data = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise UsageError.at(
            f"YAML 格式有误：{error.problem or error.context or '无法解析'}",
            path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
            hint="请检查缩进、冒号后的空格和引号是否成对",
        ) from None
    except YAMLError as error:
        raise UsageError.at(f"YAML 格式有误：{error}", path) from None
    if _is_kind_file(data):
        return _kind_source(text, path)
    source = Source(path)
    lines = text.split("\n")
    is_report = isinstance(data, dict) and "kind" in data
    if is_report:
        own = _own_fields(data)
        source.figures = {**own, **_figures(data.get("figures"))}
        source.fields = frozenset(own)
    for value, line, column in _scalars(data, report=is_report):
        source.add_unit(value, _anchors(value, lines, line, column))
    return source.finish()


def _is_kind_file(data: Any) -> bool:
    """A kind definition (``examples/kinds/*.yaml``) rather than a report or a draft."""
    return isinstance(data, dict) and "kind" not in data and {"id", "sections"} <= set(data)


def _kind_source(text: str, path: str) -> Source:
    """The file's lines as text, with the problems of the kind as the kind loader sees them."""
    from reportgen.errors import InputError
    from reportgen.kinds.registry import parse_kind
    from reportgen.lint.source import source_from_text

    source = source_from_text(path, text)
    source.kind_problems = []
    try:
        parse_kind(text, path)
    except (InputError, UsageError) as error:
        starts = [0] + [index + 1 for index, char in enumerate(text) if char == "\n"]
        for problem in error.problems:
            line = min(max((problem.line or 1) - 1, 0), len(starts) - 1)
            offset = min(starts[line] + max((problem.column or 1) - 1, 0), len(text))
            hint = f"：{problem.hint}" if problem.hint else ""
            source.kind_problems.append((offset, f"报告类型定义有误：{problem.message}{hint}"))
    return source


def _own_fields(data: dict[str, Any]) -> dict[str, bool]:
    """A kind's own fields (top-level keys beyond the built-in ones), key → has a value: the
    text refers to them as ``{{ key }}`` like figures."""
    from reportgen.kinds import RESERVED_KEYS

    return {
        str(key): value not in (None, "")
        for key, value in data.items()
        if key not in RESERVED_KEYS and not isinstance(value, dict | list)
    }


def _figures(table: Any) -> dict[str, bool]:
    """Declared figures, name → has a value; ``figures`` may be a list or a mapping."""
    figures: dict[str, bool] = {}
    if isinstance(table, dict):
        for name, spec in table.items():
            has_value = not isinstance(spec, dict) or spec.get("value") not in (None, "")
            figures[str(name)] = spec is not None and has_value
    elif isinstance(table, list):
        for spec in table:
            if isinstance(spec, dict) and "name" in spec:
                figures[str(spec["name"])] = spec.get("value") not in (None, "")
    return figures


def _scalars(node: Any, *, report: bool) -> Iterator[tuple[str, int, int]]:
    """Each string scalar with its 0-based line and column, in document order."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        for key, value in node.items():
            if report and key in _NOT_TEXT_KEYS:
                continue
            if isinstance(value, str):
                line, column = node.lc.value(key)
                yield value, line, column
            else:
                yield from _scalars(value, report=report)
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            if isinstance(value, str):
                line, column = node.lc.item(index)
                yield value, line, column
            else:
                yield from _scalars(value, report=report)


def _anchors(value: str, lines: list[str], line: int, column: int) -> list[tuple[int, int, int]]:
    """``(offset in value, 1-based line, 1-based column)`` for each source line of a scalar."""
    first = lines[line][column:] if line < len(lines) else ""
    block = first[:1] in ("|", ">")
    quote = 1 if first[:1] in ("'", '"') else 0
    anchors = [(0, line + 1, column + 1 + quote)] if not block else []
    position = 0 if block else len(first.rstrip().rstrip("'\"")) - quote
    if not block and "\n" not in value and position >= len(value):
        return anchors
    position = max(0, min(position, len(value)))
    for number in range(line + 1, len(lines)):
        if position >= len(value.rstrip("\n")):
            break
        raw = lines[number]
        content = raw.strip()
        if not block and not quote:
            content = content.split(" #", 1)[0]
        content = content.rstrip("'\"") if quote else content
        if not content:
            continue
        found = value.find(content, position)
        if found < 0:
            break
        anchors.append((found, number + 1, len(raw) - len(raw.lstrip()) + 1))
        position = found + len(content)
    if not anchors or anchors[0][0] != 0:
        first_line, first_column = (anchors[0][1], anchors[0][2]) if anchors else (line + 2, 1)
        anchors.insert(0, (0, first_line, first_column))
    return anchors
