"""Reading the files ``lint`` checks: which files a path means, and each file as a Source."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.lint.source import Source, source_from_text

SUFFIXES = (".docx", ".txt", ".md", ".yaml", ".yml")
_MARKDOWN = (".md", ".markdown")


def collect_files(paths: Iterable[str]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand the paths a user gave into ``(file, shown name)`` pairs, folders recursively.

    Folders give their .docx/.txt/.md/.yaml/.yml files, skipping hidden folders and files and
    Word's lock files (``~$报告.docx``). A missing path is a problem; the others still count.
    """
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files.extend((found, str(found)) for found in _walk(path))
        elif path.is_file():
            files.append((path, given))
        else:
            problems.append(Problem("文件或文件夹不存在", given, hint="请检查路径是否写错"))
    return files, problems


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                continue
            found.append(Path(root) / name)
    return found


def read_source(path: Path, shown: str) -> Source:
    """Read one file as a :class:`Source`; raise :class:`UsageError` when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from reportgen.lint.docx_source import read_docx_source

        return read_docx_source(path, shown)
    if suffix == ".doc":
        raise UsageError.at(
            "不支持旧版 Word 格式（.doc）", shown, hint="请在 Word 或 WPS 中另存为 .docx 后再检查"
        )
    if suffix not in (".txt", ".yaml", ".yml", *_MARKDOWN):
        raise UsageError.at(
            f"不支持的文件类型“{path.suffix or '无扩展名'}”",
            shown,
            hint="可检查的文件类型：.docx、.txt、.md、.yaml、.yml",
        )
    text = decode_text(_read_bytes(path, shown), shown)
    if suffix in (".yaml", ".yml"):
        from reportgen.lint.yaml_source import source_from_yaml

        return source_from_yaml(text, shown)
    return source_from_text(shown, text, markdown=suffix in _MARKDOWN)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError.at(f"无法读取文件：{error.strerror or error}", shown) from error


def decode_text(data: bytes, shown: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK).

    UTF-8 is tried first and strictly, so UTF-8 text is never mis-read as GBK; a file that is
    neither, or that holds binary data, is a :class:`UsageError`. Line ends become ``\\n``.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _try_decode(data, "utf-16")
    elif b"\x00" in data:
        text = None
    else:
        text = _try_decode(data, "utf-8-sig") or _try_decode(data, "gb18030")
    if text is None or _looks_binary(text):
        raise UsageError.at(
            "不是可读的文本文件（无法识别编码，或含有二进制内容）",
            shown,
            hint="请保存为 UTF-8 或 GBK 编码的纯文本，或直接检查 .docx 文件",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(
        1
        for char in sample
        if char not in "\t\n\r\f" and unicodedata.category(char) in ("Cc", "Co")
    )
    return controls > max(2, len(sample) // 100)


def read_or_problem(path: Path, shown: str) -> Source | ReportgenError:
    """Like :func:`read_source`, but return the error instead of raising it."""
    try:
        return read_source(path, shown)
    except ReportgenError as error:
        return error
