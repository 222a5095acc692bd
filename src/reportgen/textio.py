"""Reading text files the way Windows users save them, and writing outputs whole or not at all."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reportgen.errors import UsageError


def read_text(path: str | Path, shown: str | None = None) -> str:
    """The text of ``path``: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030.

    Raises :class:`UsageError` when the file is missing, unreadable or not text. ``shown`` is
    the name to use in messages (the path as the user gave it).
    """
    return decode_text(read_bytes(path, shown), shown or str(path))


def read_bytes(path: str | Path, shown: str | None = None) -> bytes:
    path = Path(path)
    name = shown or str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError.at("文件不存在", name, hint="请检查文件名和所在文件夹是否写对") from None
    except IsADirectoryError:
        raise UsageError.at("这是一个文件夹，不是文件", name) from None
    except OSError as exc:
        raise UsageError.at(
            f"无法读取文件（{exc.strerror or exc}）", name, hint="请检查文件权限"
        ) from None


def decode_text(data: bytes, shown: str) -> str:
    """Decode a text file. UTF-8 is tried first and strictly, so UTF-8 text is never mis-read
    as GBK; GB18030 (a superset of GBK and GB2312, the encodings of Chinese Windows) next. A file
    that is neither, or that holds binary data, is a :class:`UsageError`. Line ends become ``\\n``.
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
            hint="请在编辑器中另存为 UTF-8 或 GBK 编码的纯文本；Word 文件请直接用 .docx",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


#: Control characters other than tab, line ends and form feed, and the private-use areas:
#: what decoding binary data as text produces (Unicode categories Cc and Co).
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_BINARY.findall(sample)) > max(2, len(sample) // 100)


def write_atomically(path: str | Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The bytes go to a temporary file in the same folder, which then replaces ``path``; on any
    failure the temporary file is removed and an existing ``path`` is left as it was.
    """
    import tempfile

    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise UsageError.at(
            "输出文件夹不存在", folder, hint="请先建立该文件夹，或用 -o 指定已有文件夹中的文件"
        )
    if path.is_dir():
        raise UsageError.at("输出路径是一个文件夹", path, hint="请用 -o 指定一个文件名")
    if not overwrite and path.exists():
        raise UsageError.at("文件已存在，未覆盖", path, hint="如确要覆盖，请加 --force")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError.at(
            f"无法在输出文件夹中写入（{exc.strerror or exc}）",
            folder,
            hint="请检查文件夹的写入权限，或用 -o 指定其他位置",
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); give it the mode an ordinary save would.
        os.chmod(temp_name, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        if not overwrite and path.exists():
            raise UsageError.at("文件已存在，未覆盖", path, hint="如确要覆盖，请加 --force")
        os.replace(temp_name, path)
    except OSError as exc:
        raise UsageError.at(
            f"无法写入输出文件（{exc.strerror or exc}）",
            path,
            hint="如果该文件正在 Word 或 WPS 中打开，请先关闭后重试",
        ) from None
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
