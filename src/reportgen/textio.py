"""Reading text files the way Windows users save them (outputs are written by
:mod:`reportgen.outputs`)."""

from __future__ import annotations

from pathlib import Path

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
