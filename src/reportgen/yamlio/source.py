"""Reading YAML with the position of every value, so every error can name its line and column.

ruamel.yaml's round-trip loader keeps positions on each mapping and sequence. We turn the tree
into plain Python data for validation and keep a :class:`SourceMap` from each value's path
(``("sections", "study", "heading")``) to its 1-based line and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from reportgen.errors import InputError, Problem, UsageError
from reportgen.textio import read_text

Loc = tuple[str | int, ...]


class Position(NamedTuple):
    line: int
    column: int


class SourceMap:
    """Where each value (and each mapping key) of a YAML document stands."""

    def __init__(
        self,
        path: str,
        values: dict[Loc, Position] | None = None,
        keys: dict[Loc, Position] | None = None,
        block_starts: dict[Loc, int] | None = None,
    ) -> None:
        self.path = path
        self.values: dict[Loc, Position] = {} if values is None else values
        self.keys: dict[Loc, Position] = {} if keys is None else keys
        #: For block scalars (``|``): the line where their text starts.
        self.block_starts: dict[Loc, int] = {} if block_starts is None else block_starts

    def __eq__(self, other: object) -> bool:
        return type(other) is SourceMap and vars(other) == vars(self)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return f"SourceMap({self.path!r}, {len(self.values)} values)"

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

    def problem(
        self, loc: Loc, message: str, hint: str | None = None, *, key: bool = False
    ) -> Problem:
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
    """Parse ``text``: values as plain Python data, and the place of each in a source map.

    The values are composed from libyaml's events (ruamel.yaml's C parser), bounded as they
    are composed (see :mod:`reportgen.yamlio.compose`). On a syntax error the pure parser reads
    the text again, for its more precise words about what is wrong.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if not text.strip():
        raise InputError.at(
            "文件是空的", path, hint="可用 reportgen new KIND 生成一份带说明的模板再填写"
        )
    from reportgen.yamlio.compose import compose

    source = SourceMap(path)
    try:
        data = compose(text, path, source)
    except YAMLError as error:
        _raise_worded_syntax_error(text, path)
        # The pure parser took what libyaml refused (an escape such as "\ud800"): libyaml's words.
        if isinstance(error, MarkedYAMLError):
            raise InputError(_syntax_problem(error, text, path)) from None
        raise InputError.at("YAML 格式错误", path) from None  # pragma: no cover - pure agrees
    if data is None and not source.values:
        raise InputError.at(
            "文件中没有内容（只有注释或空白）",
            path,
            1,
            hint="可用 reportgen new KIND 生成一份带说明的模板再填写",
        )
    return data, source


def _raise_worded_syntax_error(text: str, path: str) -> None:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        YAML(typ="safe", pure=True).compose(text)
    except MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, text, path)) from None
    except YAMLError as exc:
        raise InputError.at(f"YAML 格式错误：{exc}", path) from None


def _syntax_problem(exc: Any, text: str, path: str) -> Problem:
    from reportgen.yamlio.slips import find_slip

    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    what = exc.problem or ""
    slip = find_slip(text, path, line)
    if slip is not None:  # a slip of the Chinese keyboard above where the parser stopped
        return slip
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


def require_mapping(data: Any, source: SourceMap) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(
            source.problem((), "文件内容应是“字段: 内容”的映射", "请参照 reportgen new 生成的模板")
        )
    return data


__all__ = ["Loc", "Position", "SourceMap", "UsageError", "load_yaml", "parse_yaml"]
