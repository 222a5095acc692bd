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

import os

# Imported where used: ``reportgen kinds`` and ``new`` read no settings file in most folders,
# and pathlib, re and typing together are most of their start-up.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path
    from typing import Any

# Settings files read in this process, by path and content: one parse however many ask.
_PARSED: dict[tuple[Path, bytes], dict[str, Any]] = {}


def settings_file(folder: str | Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest settings file upward from ``folder`` and its reportgen table."""
    folder = os.path.realpath(folder)
    while True:
        dotfile = os.path.join(folder, ".reportgen.toml")
        if os.path.isfile(dotfile):
            return _found(dotfile, None)
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _may_hold_table(pyproject):
            found = _found(pyproject, "tool")
            if found is not None:
                return found
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _found(file: str, tool: str | None) -> tuple[Path, dict[str, Any]] | None:
    """The settings ``file`` holds: the whole file, or its ``[tool.reportgen]`` table."""
    from pathlib import Path

    path = Path(file)
    if tool is None:
        return path, _load(path)
    tables = _load(path).get(tool)
    table = tables.get("reportgen") if isinstance(tables, dict) else None
    return (path, table) if isinstance(table, dict) else None


def _may_hold_table(pyproject: str) -> bool:
    """Whether a project's pyproject.toml may hold a ``[tool.reportgen]`` table: one that
    cannot is not parsed (a Python project's file is not ours to judge, and parsing it is
    most of a short command's settings cost). It may when a line starts (after any BOM,
    spaces, brackets and quote) with the key ``tool`` followed by ``]``, ``=`` or
    ``.reportgen``, in any spacing and quoting TOML allows, or when the file holds a ``\\u``
    escape (a key may be spelt with them)."""
    try:
        with open(pyproject, "rb") as stream:
            data = stream.read()
    except OSError:
        return True  # let reading it say what is wrong
    if b"\\u" in data or b"\\U" in data:
        return True
    for line in data.split(b"\n"):
        rest = line.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t").lstrip(b"[").lstrip(b" \t")
        rest = _unquoted(rest)
        if not rest.startswith(b"tool"):
            continue
        rest = _unquoted(rest[4:]).lstrip(b" \t")
        if rest[:1] in (b"]", b"="):
            return True
        if rest[:1] == b".":
            rest = _unquoted(rest[1:].lstrip(b" \t"))
            after = rest[9:10]  # the key ends with reportgen: no letter, digit or _ follows
            if rest.startswith(b"reportgen") and not (after.isalnum() or after == b"_"):
                return True
    return False


def _unquoted(text: bytes) -> bytes:
    return text[1:] if text[:1] in (b'"', b"'") else text


def all_kind_dirs(given: Sequence[str | Path], folder: Path | None = None) -> tuple[Path, ...]:
    """The kind folders given (``--kinds``), then those the settings upward from ``folder``
    (the current folder by default) name."""
    found = kind_dirs(folder or os.getcwd())
    if not given:
        return tuple(found)
    from pathlib import Path

    return (*map(Path, given), *found)


def kind_dirs(folder: str | Path) -> list[Path]:
    """The kind folders the settings upward from ``folder`` name."""
    found = settings_file(folder)
    if found is None:
        return []
    path, table = found
    value = table.get("kinds", [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        from reportgen.errors import UsageError

        raise UsageError.at(
            "配置项 kinds 应是文件夹路径或其列表", path, hint='例如 kinds = ["报告类型"]'
        )
    return [(path.parent / item).resolve() for item in value]


def _load(path: Path) -> dict[str, Any]:
    """The parsed file. The caller must not change it: it is shared (see ``_PARSED``)."""
    import tomllib  # only when a settings file exists

    from reportgen.errors import UsageError

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
