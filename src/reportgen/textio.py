"""Reading text files the way Windows users save them, and writing outputs whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reportgen.errors import Problem, UsageError

#: Encodings tried in order. UTF-8 is strict, so GBK text never decodes as UTF-8 by accident;
#: GB18030 is a superset of GBK and GB2312, the encodings of Chinese Windows.
_ENCODINGS = ("utf-8-sig", "gb18030")


def read_text(path: str | Path) -> str:
    """Return the text of ``path``, decoded from UTF-8 (with or without BOM) or GBK/GB18030.

    Raises :class:`UsageError` when the file is missing, unreadable or not text.
    """
    data = read_bytes(path)
    if b"\x00" in data[:8192]:
        raise _not_text(path)
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.replace("\r\n", "\n").replace("\r", "\n")
    raise _not_text(path)


def read_bytes(path: str | Path) -> bytes:
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError.at("文件不存在", path, hint="请检查文件名和所在文件夹是否写对") from None
    except IsADirectoryError:
        raise UsageError.at("这是一个文件夹，不是文件", path) from None
    except OSError as exc:
        raise UsageError.at(f"无法读取文件（{exc.strerror}）", path, hint="请检查文件权限") from None


def _not_text(path: str | Path) -> UsageError:
    return UsageError(
        Problem(
            "不是可识别的文本文件（既不是 UTF-8，也不是 GBK/GB18030 编码）",
            str(path),
            hint="请在编辑器中另存为“UTF-8”编码的文本后再试",
        )
    )


def write_atomically(path: str | Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The bytes go to a temporary file in the same folder, which then replaces ``path``; on any
    failure the temporary file is removed and an existing ``path`` is left as it was.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError.at(
            "输出文件夹不存在", folder, hint="请先建立该文件夹，或用 -o 指定已有文件夹中的文件"
        )
    if path.is_dir():
        raise UsageError.at("输出路径是一个文件夹", path, hint="请用 -o 指定一个文件名")
    if not overwrite and path.exists():
        raise UsageError.at("文件已存在，未覆盖", path, hint="如确要覆盖，请加 --force")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError.at(
            f"无法在输出文件夹中写入（{exc.strerror}）", folder, hint="请检查文件夹的写入权限"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if not overwrite and path.exists():
            raise UsageError.at("文件已存在，未覆盖", path, hint="如确要覆盖，请加 --force")
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except OSError as exc:
        raise UsageError.at(f"写入失败（{exc.strerror}）", path) from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
