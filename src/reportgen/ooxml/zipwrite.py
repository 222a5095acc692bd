"""Zip archives whose bytes depend on nothing but their entries: the one zip writer.

Python's zipfile stamps every entry with the current time and the host's system id; both are
fixed here, so the same .docx comes out byte for byte on every run and machine.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterable
from typing import BinaryIO

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def zip_bytes(entries: Iterable[tuple[str, bytes]], *, compress: bool) -> bytes:
    """Pack ``(name, data)`` pairs, in the order given, into a reproducible zip."""
    buffer = io.BytesIO()
    write_zip(buffer, entries, compress=compress)
    return buffer.getvalue()


def write_zip(
    stream: BinaryIO, entries: Iterable[tuple[str, bytes | BinaryIO]], *, compress: bool
) -> None:
    """Write the zip of ``zip_bytes`` to ``stream``; an entry's data may be a binary stream,
    copied in pieces (the same bytes as if it were given whole)."""
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(stream, "w", method) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.create_system = 0
            info.external_attr = 0
            info.compress_type = method
            if isinstance(data, bytes):
                archive.writestr(info, data)
            else:
                with archive.open(info, "w") as entry:
                    shutil.copyfileobj(data, entry)


#: Parts a reader looks for first: they lead the package, the others follow sorted by name.
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def package_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A .docx of ``(part, data)`` pairs in a fixed order, whoever produced them.

    Entries are *stored*, not deflated: deflate output may differ between zlib builds (zlib vs.
    zlib-ng), and a byte-identical file on every machine matters more than a few kilobytes.
    """
    parts = dict(entries)
    names = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
    return zip_bytes(((name, parts[name]) for name in names), compress=False)
