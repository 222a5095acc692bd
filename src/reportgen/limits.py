"""How much of anything reportgen will take: one policy for every input, in one place.

Every reader asks here before it reads: a file must be a regular file (a FIFO, a device or a
folder where a file is expected is refused at once, before it is opened for reading) no bigger
than its limit; a zip's entries, their inflated sizes, a YAML's values, depth and alias
expansion, a table's rows and columns, and the findings of one line and one file are bounded
while they are read, never after. The defaults are generous for real work (a 500-page report,
a 10,000-row batch table); a project may change any of them in ``.reportgen.toml``::

    [limits]
    text_bytes = 67108864      # a YAML, .txt, .md or .csv file, in bytes
    table_rows = 200000

A limit that is hit ends in a Chinese message naming the file, the limit and how to raise it.
"""

import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import InputError, Problem, UsageError

MB = 1024 * 1024


class Limits(NamedTuple):
    #: A text input (YAML, .txt, .md, .csv, a kind file) on disk.
    text_bytes: int = 32 * MB
    #: A .docx or .xlsx (draft, template, table) on disk.
    package_bytes: int = 256 * MB
    #: Entries in one zip package.
    zip_entries: int = 10_000
    #: One entry of a package, inflated.
    part_bytes: int = 64 * MB
    #: All entries of a package together, inflated.
    inflated_bytes: int = 256 * MB
    #: Values (mappings, lists, texts) in one YAML file, aliases counted each time they are used.
    yaml_nodes: int = 1_000_000
    #: Characters of text in one YAML file, aliases counted each time they are used.
    yaml_chars: int = 32 * MB
    #: Nesting of mappings and lists in one YAML file.
    yaml_depth: int = 64
    #: Rows of a table (--figures, --batch).
    table_rows: int = 100_000
    #: Columns of a table.
    table_columns: int = 1_000
    #: Findings reported for one line (one paragraph of a .docx); the rest are counted.
    findings_per_line: int = 100
    #: Findings reported for one file; the rest are counted.
    findings_per_file: int = 10_000
    #: Digits before the decimal point of a figure (1e18 is a hundred thousand 万亿).
    figure_digits: int = 18


#: What each limit is, in the words of a message.
WHAT = {
    "text_bytes": "文本文件的大小",
    "package_bytes": ".docx/.xlsx 文件的大小",
    "zip_entries": "压缩包中的条目数",
    "part_bytes": "压缩包中单个条目解压后的大小",
    "inflated_bytes": "压缩包解压后的总大小",
    "yaml_nodes": "YAML 中值的个数（含别名展开）",
    "yaml_chars": "YAML 中文字的总长度（含别名展开）",
    "yaml_depth": "YAML 的嵌套层数",
    "table_rows": "表格的行数",
    "table_columns": "表格的列数",
    "findings_per_line": "每行列出的问题数",
    "findings_per_file": "每个文件列出的问题数",
    "figure_digits": "数据整数部分的位数",
}
DEFAULTS = Limits()


def current() -> Limits:
    """The limits that apply in the current folder (``[limits]`` of its settings file)."""
    return _for_folder(os.getcwd())  # not Path.cwd(): figures ask for every number


@lru_cache(maxsize=8)
def _for_folder(folder: str) -> Limits:
    from reportgen.settings import settings_file

    found = settings_file(Path(folder))
    if found is None:
        return DEFAULTS
    path, table = found
    section = table.get("limits", {})
    if not isinstance(section, dict):
        raise UsageError.at("配置项 limits 应是一个表（[limits]）", path)
    known = set(Limits._fields)
    changes: dict[str, int] = {}
    for name, value in section.items():
        if name not in known:
            raise UsageError.at(
                f"[limits] 中没有 {name} 这一项",
                path,
                hint=f"可设置的项：{'、'.join(sorted(known))}",
            )
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise UsageError.at(f"[limits] 的 {name} 应是正整数", path)
        changes[name] = value
    return DEFAULTS._replace(**changes)


def _amount(name: str, value: int) -> str:
    if name.endswith("_bytes"):
        return f"{value / MB:.0f} MB" if value >= MB else f"{value} 字节"
    return f"{value:,}"


def exceeded(
    name: str,
    path: str | Path | None,
    *,
    line: int | None = None,
    column: int | None = None,
    usage: bool = True,
) -> UsageError | InputError:
    """The error for hitting limit ``name`` in ``path``: it names the limit and how to raise it."""
    value = getattr(current(), name)
    problem = Problem(
        f"超过上限：{WHAT[name]}不能超过 {_amount(name, value)}（{name}）",
        None if path is None else str(path),
        line,
        column,
        f"请检查文件是否正确；如确属正常，可在 .reportgen.toml 的 [limits] 中调高 {name}",
    )
    return UsageError(problem) if usage else InputError(problem)


def check_file(path: str | Path, shown: str | None = None, *, limit: str = "text_bytes") -> int:
    """The size of the regular file ``path``; a :class:`UsageError` for anything else (missing,
    a folder, a FIFO, a device) or for a file bigger than ``limit``. Never opens the file."""
    name = shown or str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UsageError.at("文件不存在", name, hint="请检查文件名和所在文件夹是否写对") from None
    except OSError as exc:
        raise UsageError.at(f"无法读取文件（{exc.strerror or exc}）", name) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError.at("这是一个文件夹，不是文件", name, hint="请给出文件的路径")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError.at(
            "不是普通文件（是管道、设备或其他特殊文件），不能读取",
            name,
            hint="请给出保存在磁盘上的文件",
        )
    if info.st_size > getattr(current(), limit):
        raise exceeded(limit, name)
    return info.st_size


def read_file(path: str | Path, shown: str | None = None, *, limit: str = "text_bytes") -> bytes:
    """The bytes of the regular file ``path``, checked by :func:`check_file` and read with a
    bound (the file may grow while it is read)."""
    name = shown or str(path)
    check_file(path, name, limit=limit)
    bound = getattr(current(), limit)
    try:
        # O_NONBLOCK: a file swapped for a FIFO after the check does not block the open.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise UsageError.at(
            f"无法读取文件（{exc.strerror or exc}）", name, hint="请检查文件权限"
        ) from None
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UsageError.at("不是普通文件（是管道、设备或其他特殊文件），不能读取", name)
        # As read(bound + 1), without a buffer of the bound's size (32 MB for a 30 KB report):
        # the size it has now, then the rest up to the bound if it grew meanwhile.
        first = min(info.st_size, bound) + 1
        data = stream.read(first)
        if len(data) == first <= bound:
            data += stream.read(bound + 1 - first)
    if len(data) > bound:
        raise exceeded(limit, name)
    return data
