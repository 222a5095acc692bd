"""Project settings: ``.reportgen.toml`` or ``[tool.reportgen]`` in ``pyproject.toml``.

The nearest file upward from a folder applies (``.reportgen.toml`` before ``pyproject.toml`` in
the same folder; a pyproject.toml without ``[tool.reportgen]`` does not stop the search). Paths in
it are relative to the file. A bureau keeps its own kinds this way::

    # .reportgen.toml
    kinds = ["报告类型"]        # folders of kind files
    [lint]
    ignore = ["number-form"]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportgen.errors import UsageError

# Where a pyproject.toml may hold [tool.reportgen]: a header or dotted key tool.reportgen…,
# a [tool] table or an inline tool = {…}, with any spacing and quoting TOML allows (a key
# written with \u escapes is read in full too).
_MAY_HOLD_TABLE = re.compile(
    rb"""^(?:\xef\xbb\xbf)?[ \t]*\[*[ \t]*["']?tool["']?[ \t]*"""
    rb"""(?:\]|=|\.[ \t]*["']?reportgen\b)|\\[uU]""",
    re.MULTILINE,
)
# Settings files read in this process, by path and content: one parse however many ask.
_PARSED: dict[tuple[Path, bytes], dict[str, Any]] = {}


def settings_file(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest settings file upward from ``folder`` and its reportgen table."""
    folder = folder.resolve()
    dotfile = folder / ".reportgen.toml"
    if dotfile.is_file():
        return dotfile, _load(dotfile)
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file() and _may_hold_table(pyproject):
        tool = _load(pyproject).get("tool")
        table = tool.get("reportgen") if isinstance(tool, dict) else None
        if isinstance(table, dict):
            return pyproject, table
    if folder.parent == folder:
        return None
    return settings_file(folder.parent)


def _may_hold_table(pyproject: Path) -> bool:
    """Whether a project's pyproject.toml may hold a ``[tool.reportgen]`` table: one that
    cannot is not parsed (a Python project's file is not ours to judge, and parsing it is
    most of a short command's settings cost)."""
    try:
        return _MAY_HOLD_TABLE.search(pyproject.read_bytes()) is not None
    except OSError:
        return True  # let reading it say what is wrong


def all_kind_dirs(given: Sequence[str | Path], folder: Path | None = None) -> tuple[Path, ...]:
    """The kind folders given (``--kinds``), then those the settings upward from ``folder``
    (the current folder by default) name."""
    return (*map(Path, given), *kind_dirs(folder or Path.cwd()))


def kind_dirs(folder: Path) -> list[Path]:
    """The kind folders the settings upward from ``folder`` name."""
    found = settings_file(folder)
    if found is None:
        return []
    path, table = found
    value = table.get("kinds", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError.at(
            "配置项 kinds 应是文件夹路径或其列表", path, hint='例如 kinds = ["报告类型"]'
        )
    return [(path.parent / item).resolve() for item in value]


def _load(path: Path) -> dict[str, Any]:
    """The parsed file. The caller must not change it: it is shared (see ``_PARSED``)."""
    import tomllib  # only when a settings file exists

    try:
        data = path.read_bytes()
        key = (path, data)
        if key not in _PARSED:
            if len(_PARSED) >= 64:  # a long-lived process (the edit server) sees edits
                _PARSED.clear()
            _PARSED[key] = tomllib.loads(data.decode())
        return _PARSED[key]
    except UnicodeDecodeError:
        raise UsageError.at(
            "配置文件不是 UTF-8 编码", path, hint="请在编辑器中把它另存为 UTF-8 编码"
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError.at(f"配置文件格式有误：{error}", path) from None
    except OSError as error:
        raise UsageError.at(f"无法读取配置文件：{error.strerror or error}", path) from None
