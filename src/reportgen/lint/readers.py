"""Reading the files ``lint`` checks: which files a path means, and each file as a Source."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.lint.source import Source, source_from_text
from reportgen.textio import read_text

SUFFIXES = (".docx", ".txt", ".md", ".yaml", ".yml")
#: Drafts in formats we cannot read: a folder's ones are reported, never skipped in silence.
UNSUPPORTED = {".doc": "旧版 Word 格式（.doc）", ".wps": "WPS 文字格式（.wps）"}
_MARKDOWN = (".md", ".markdown")


def collect_files(paths: Iterable[str]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand the paths a user gave into ``(file, shown name)`` pairs, folders recursively.

    Folders give their .docx/.txt/.md/.yaml/.yml files, and their .doc/.wps files (which
    :func:`read_source` reports as unsupported), skipping hidden folders and files and Word's
    lock files (``~$报告.docx``). A missing path is a problem; the others still count.
    """
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend((found, str(found)) for found in _walk(path))
        elif path.exists():  # a FIFO or a device too: read_source says what it is
            files.append((path, given))
        else:
            problems.append(Problem("文件或文件夹不存在", given, hint="请检查路径是否写错"))
    return files, problems


_WALKED = SUFFIXES + tuple(UNSUPPORTED)


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith((".", "~$")) or not name.lower().endswith(_WALKED):
                continue
            found.append(Path(root) / name)
    return found


def read_source(path: Path, shown: str) -> Source:
    """Read one file as a :class:`Source`; raise :class:`UsageError` when it cannot be read."""
    from reportgen.limits import check_file

    suffix = path.suffix.lower()
    check_file(path, shown, limit="package_bytes" if suffix == ".docx" else "text_bytes")
    if suffix == ".docx":
        from reportgen.lint.docx_source import read_docx_source

        return read_docx_source(path, shown)
    if suffix in UNSUPPORTED:
        raise UsageError.at(
            f"无法读取{UNSUPPORTED[suffix]}，未检查",
            shown,
            hint="请在 Word 或 WPS 中打开，“另存为” .docx 格式后再检查",
        )
    if suffix not in (".txt", ".yaml", ".yml", *_MARKDOWN):
        raise UsageError.at(
            f"不支持的文件类型“{path.suffix or '无扩展名'}”",
            shown,
            hint="可检查的文件类型：.docx、.txt、.md、.yaml、.yml",
        )
    text = read_text(path, shown)
    if suffix in (".yaml", ".yml"):
        from reportgen.lint.yaml_source import source_from_yaml

        return source_from_yaml(text, shown)
    return source_from_text(shown, text, markdown=suffix in _MARKDOWN)


def read_or_problem(path: Path, shown: str) -> Source | ReportgenError:
    """Like :func:`read_source`, but return the error instead of raising it."""
    try:
        return read_source(path, shown)
    except ReportgenError as error:
        return error
