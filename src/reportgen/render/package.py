"""Byte-stable .docx packaging.

Entry order follows whoever wrote the package; it is fixed here, and times and system ids are
fixed by :mod:`reportgen.zipfiles`. Entries are *stored*, not deflated: deflate output may differ
between zlib builds (zlib vs. zlib-ng), and a byte-identical file on every machine matters more
than a few kilobytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from reportgen.zipfiles import zip_bytes as _pack

_FIRST = ("[Content_Types].xml", "_rels/.rels")


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Pack ``(name, data)`` pairs into a zip whose bytes depend on nothing but the pairs."""
    parts = dict(entries)
    names = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
    return _pack(((name, parts[name]) for name in names), compress=False)


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]
