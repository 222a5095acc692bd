"""Byte-stable .docx packaging and atomic writing.

A .docx is a zip. Python's zipfile stamps every entry with the current time and the host's
system id, and entry order follows whoever wrote the package; all three are fixed here. Entries
are *stored*, not deflated: deflate output may differ between zlib builds (zlib vs. zlib-ng), and
a byte-identical file on every machine matters more than a few kilobytes.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import UsageError

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Pack ``(name, data)`` pairs into a zip whose bytes depend on nothing but the pairs."""
    parts = dict(entries)
    names = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 0
            info.external_attr = 0
            info.compress_type = zipfile.ZIP_STORED
            archive.writestr(info, parts[name])
    return buffer.getvalue()


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def write_atomically(data: bytes, out_path: Path) -> None:
    """Write ``data`` to ``out_path`` whole or not at all: a temporary file beside it, then
    ``os.replace``. An existing file is replaced only once the new one is complete."""
    folder = out_path.parent
    if not folder.is_dir():
        raise UsageError.at(
            "输出文件夹不存在。", out_path, hint="请先建立该文件夹，或用 -o 指定其他位置。"
        )
    if out_path.is_dir():
        raise UsageError.at(
            "输出路径是一个文件夹，不是文件。", out_path, hint="请用 -o 指定 .docx 文件名。"
        )
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=folder, prefix=f".{out_path.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise UsageError.at(
            f"无法在输出文件夹中写入文件（{exc.strerror or exc}）。",
            out_path,
            hint="请检查文件夹的写入权限，或用 -o 指定其他位置。",
        ) from exc
    temp_path = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates the file private (0600); give it the mode an ordinary save would.
        os.chmod(temp_path, out_path.stat().st_mode & 0o777 if out_path.exists() else 0o644)
        os.replace(temp_path, out_path)
    except OSError as exc:
        temp_path.unlink(missing_ok=True)
        raise UsageError.at(
            f"无法写入输出文件（{exc.strerror or exc}）。",
            out_path,
            hint="如果该文件正在 Word 或 WPS 中打开，请先关闭后重试。",
        ) from exc
    except BaseException:
        temp_path.unlink(missing_ok=True)
        raise
