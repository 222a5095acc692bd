"""Reading text files the way Windows users save them, and writing outputs whole or not at all."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from reportgen import patterns
from reportgen.errors import UsageError


def read_text(path: str | Path, shown: str | None = None) -> str:
    """The text of ``path``: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030.

    Raises :class:`UsageError` when the file is missing, unreadable or not text. ``shown`` is
    the name to use in messages (the path as the user gave it).
    """
    return decode_text(read_bytes(path, shown), shown or str(path))


def read_bytes(path: str | Path, shown: str | None = None, limit: str = "text_bytes") -> bytes:
    """The bytes of a regular file no bigger than ``limit`` (see :mod:`reportgen.limits`)."""
    from reportgen.limits import read_file

    return read_file(path, shown, limit=limit)


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


#: What must not reach a terminal raw: control characters (escape sequences start with ESC or
#: the C1 CSI), and the bidirectional overrides that reorder what is shown.
_UNSAFE_FOR_TERMINAL = patterns.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with control characters shown escaped (``\\x1b``), for text printed to a
    terminal: a document cannot move the cursor, retitle the window or hide a line."""
    return _UNSAFE_FOR_TERMINAL.sub(lambda m: _escape_char(m.group()), text)


def _escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


#: Characters a Word document (XML 1.0) cannot hold: refused with their place wherever text
#: comes in (YAML values, table cells).
XML_FORBIDDEN = patterns.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Control characters other than tab, line ends and form feed, and the private-use areas:
#: what decoding binary data as text produces (Unicode categories Cc and Co).
_BINARY = patterns.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_BINARY.findall(sample)) > max(2, len(sample) // 100)


def check_outputs(outputs: list[Path], inputs: list[Path], labels: list[str] | None = None) -> None:
    """Refuse, before anything is written, outputs that would lose a file: one that is an
    input, two that are the same file, a read-only existing file, a name too long to make."""
    resolved_inputs = {_identity(path): path for path in inputs}
    seen: dict[str, int] = {}
    for index, out in enumerate(outputs):
        if len(out.name.encode("utf-8")) > 200:
            raise UsageError.at(
                "输出文件名太长（超过 200 字节）",
                out.name[:40] + "…",
                hint="请用 -o 指定短一些的文件名",
            )
        key = _identity(out)
        if key in resolved_inputs:
            raise UsageError.at(
                f"输出文件就是输入文件 {resolved_inputs[key]}，未写入",
                out,
                hint="请用 -o 指定另一个输出文件名",
            )
        if key in seen:
            first = labels[seen[key]] if labels else str(outputs[seen[key]])
            this = labels[index] if labels else str(out)
            raise UsageError.at(
                f"“{first}”和“{this}”的输出是同一个文件，未写入任何文件",
                out,
                hint="请改名使它们不同，或分开渲染到不同的文件夹",
            )
        seen[key] = index
        # By its mode, not os.access: an administrator may write anything, yet a file marked
        # read-only is one its owner wants kept.
        if out.is_file() and not out.stat().st_mode & 0o222:
            raise UsageError.at(
                "输出文件是只读的，未覆盖", out, hint="请先取消只读属性，或用 -o 指定其他文件名"
            )


def _identity(path: Path) -> str:
    """What names one file: its resolved path, case-folded (Windows and macOS ignore case)."""
    return os.path.normcase(str(path.resolve())).casefold()


def write_atomically(
    path: str | Path, data: bytes | Callable[[BinaryIO], object], *, overwrite: bool = True
) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    ``data`` is the bytes, or a function that writes them to the stream it is given (a large
    output need not be held in memory). They go to a temporary file in the same folder, which
    then replaces ``path``; on any failure the temporary file is removed and an existing
    ``path`` is left as it was.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise UsageError.at(
            "输出文件夹不存在", folder, hint="请先建立该文件夹，或用 -o 指定已有文件夹中的文件"
        )
    check_outputs([path], [])
    if path.is_dir():
        raise UsageError.at("输出路径是一个文件夹", path, hint="请用 -o 指定一个文件名")
    if not overwrite and path.exists():
        raise UsageError.at("文件已存在，未覆盖", path, hint="如确要覆盖，请加 --force")
    temp_name: str | None = None
    try:
        with _signals_held():
            try:
                handle, temp_name = _new_private_file(folder, f".{path.name}.", ".tmp")
            except OSError as exc:
                raise UsageError.at(
                    f"无法在输出文件夹中写入（{exc.strerror or exc}）",
                    folder,
                    hint="请检查文件夹的写入权限，或用 -o 指定其他位置",
                ) from None
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                data(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # The temporary file is private (0600); give it the mode an ordinary save would.
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
        if temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


def _new_private_file(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new file only we can read, as ``tempfile.mkstemp`` makes it (never an existing file,
    never through a link), without importing tempfile: a tenth of a short command's start."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        name = os.path.join(folder, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, flags, 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the temporary file is created: an interrupt between its
    creation and our knowing its name would leave it behind (batch workers are interrupted
    anywhere). A held signal is delivered when the block ends, inside the cleanup's reach."""
    hold = getattr(signal, "pthread_sigmask", None)  # not on Windows
    if hold is None:
        yield
        return
    previous = hold(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        hold(signal.SIG_SETMASK, previous)
