"""Reading YAML with the position of every value, so every error can name its line and column.

ruamel.yaml's round-trip loader keeps positions on each mapping and sequence. We turn the tree
into plain Python data for validation and keep a :class:`SourceMap` from each value's path
(``("sections", "study", "heading")``) to its 1-based line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.errors import InputError, Problem, UsageError
from reportgen.textio import read_text

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of a YAML document stands."""

    path: str
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    #: For block scalars (``|``): the line where their text starts.
    block_starts: dict[Loc, int] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        for end in range(len(loc), -1, -1):
            found = table.get(loc[:end]) or self.values.get(loc[:end])
            if found:
                return found
        return None

    def line_of(self, loc: Loc, text_line: int = 0) -> int | None:
        """The line of ``loc``; ``text_line`` counts lines inside a block scalar."""
        if loc in self.block_starts:
            return self.block_starts[loc] + text_line
        found = self.position(loc)
        return found.line if found else None

    def problem(self, loc: Loc, message: str, hint: str | None = None, *, key: bool = False):
        found = self.position(loc, key=key)
        return Problem(
            message,
            self.path,
            found.line if found else None,
            found.column if found else None,
            hint,
        )


def load_yaml(path: str | Path) -> tuple[Any, SourceMap]:
    """Read ``path`` and return its data as plain Python values with its source map."""
    text = read_text(path)
    return parse_yaml(text, str(path))


def parse_yaml(text: str, path: str) -> tuple[Any, SourceMap]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt")
    # Dates stay text here: pydantic checks them, so an impossible date gets its line.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _scalar_as_text)
    if not text.strip():
        raise InputError.at(
            "文件是空的", path, hint="可用 reportgen new KIND 生成一份带说明的模板再填写"
        )
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, text, path)) from None
    except YAMLError as exc:
        raise InputError.at(f"YAML 格式错误：{exc}", path) from None
    source = SourceMap(path)
    return _plain(tree, (), source, text.splitlines()), source


def _scalar_as_text(constructor: Any, node: Any) -> str:
    return str(node.value)


def _syntax_problem(exc: Any, text: str, path: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    what = exc.problem or ""
    lines = text.splitlines()
    if line and line <= len(lines) and "\t" in lines[line - 1]:
        tab_column = lines[line - 1].index("\t") + 1
        return Problem(
            "这一行用了制表符（Tab）。YAML 只认空格缩进",
            path,
            line,
            tab_column,
            "把 Tab 换成空格（每级缩进两个空格）；编辑器里可开启“用空格代替 Tab”",
        )
    if "mapping values are not allowed" in what:
        message = "这里的冒号位置不对：可能是缩进不齐，或一段文字里有半角冒号“: ”"
        hint = "检查缩进是否与上一级对齐；文字里有冒号时改用全角“：”或给整段加引号"
    elif "could not find expected ':'" in what:
        message = "缺少冒号：每个字段应写成“名称: 内容”"
        hint = "检查这一行或上一行是否漏了冒号、缩进是否对齐"
    elif "found duplicate key" in what or "duplicate key" in str(exc):
        message = "同一个字段写了两次"
        hint = "删去重复的一个"
    elif "expected ',' or ']'" in what or "expected ',' or '}'" in what:
        if exc.context_mark:  # the opening bracket is where the user looks
            line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "方括号或花括号没有配对"
        hint = "检查 [ ] 或 { } 是否成对，或改用每项一行的“- ”列表写法"
    elif "<stream end>" in what:
        # The file ended inside an open bracket or quote: the last written line is where to look.
        line = max((i for i, text_line in enumerate(lines, 1) if text_line.strip()), default=1)
        column = None
        message = "文件在这里意外结束：有括号或引号没有配对"
        hint = "检查这一行及以上的 [ ]、{ } 和引号是否成对"
    else:
        message = f"YAML 格式错误（{what or exc}）"
        hint = "检查这一行及上一行的缩进、冒号和引号"
    return Problem(message, path, line, column, hint)


def _plain(node: Any, loc: Loc, source: SourceMap, lines: list[str]) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        result = {}
        for key in node:
            name = str(key)
            key_line, key_col = node.lc.key(key)
            value_line, value_col = node.lc.value(key)
            source.keys[(*loc, name)] = Position(key_line + 1, key_col + 1)
            source.values[(*loc, name)] = Position(value_line + 1, value_col + 1)
            _note_block_scalar(node[key], (*loc, name), value_line, lines, source)
            result[name] = _plain(node[key], (*loc, name), source, lines)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            line, col = node.lc.item(index)
            source.values[(*loc, index)] = Position(line + 1, col + 1)
            _note_block_scalar(item, (*loc, index), line, lines, source)
            items.append(_plain(item, (*loc, index), source, lines))
        return items
    if isinstance(node, str):
        return str(node)  # drop ruamel's scalar subclasses
    return node


def _note_block_scalar(value: Any, loc: Loc, line0: int, lines: list[str], source: SourceMap):
    """A ``|`` or ``>`` scalar's text starts on the line after its indicator."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    if isinstance(value, LiteralScalarString):
        indicator_line = line0
        while indicator_line < len(lines) and not lines[indicator_line].rstrip().endswith(
            ("|", "|-", "|+", ">", ">-", ">+")
        ):
            indicator_line += 1
        source.block_starts[loc] = indicator_line + 2


def require_mapping(data: Any, source: SourceMap) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(
            source.problem((), "文件内容应是“字段: 内容”的映射", "请参照 reportgen new 生成的模板")
        )
    return data


__all__ = ["Loc", "Position", "SourceMap", "UsageError", "load_yaml", "parse_yaml"]
