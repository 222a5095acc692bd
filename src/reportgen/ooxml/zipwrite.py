"""Zip archives whose bytes depend on nothing but their entries: the one zip writer.

Python's zipfile stamps every entry with the current time and the host's system id; both are
fixed here, so the same .docx comes out byte for byte on every run and machine.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable, Sequence
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
    import shutil
    import zipfile

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
    ordered = [(name, parts[name]) for name in names]
    packed = stored_zip(ordered)
    return zip_bytes(ordered, compress=False) if packed is None else packed


#: zipfile's record layouts: an entry's local header, its central directory record, the end.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]
_DOS_TIME = ZIP_EPOCH[3] << 11 | ZIP_EPOCH[4] << 5 | ZIP_EPOCH[5] // 2
_VERSION = 20  # zipfile's DEFAULT_VERSION: what a stored entry without ZIP64 needs
_UTF8_NAME = 0x800
_PERMISSIONS = 0o600 << 16  # what zipfile gives an entry whose external_attr is 0
# zipfile's ZIP64_LIMIT and ZIP_STORED: a render packs without importing zipfile (and the
# shutil, threading, bz2 and lzma it imports), a twentieth of the command.
_ZIP64_LIMIT = (1 << 31) - 1
_STORED = 0


def stored_zip(entries: Sequence[tuple[str, bytes]]) -> bytes | None:
    """``zip_bytes(entries, compress=False)``, byte for byte, written directly: zipfile's
    per-entry machinery was a tenth of rendering a report. None when an entry or the archive
    needs what only zipfile does (ZIP64 sizes, names it would rewrite); pack those with it."""
    local: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name, data in entries:
        if "\0" in name or "\\" in name:
            return None  # zipfile cuts a name at NUL, and turns \\ into / on Windows
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        size = len(data)
        if size * 1.05 > _ZIP64_LIMIT or offset > _ZIP64_LIMIT:
            return None
        crc = zlib.crc32(data)
        common = (flags, _STORED, _DOS_TIME, _DOS_DATE, crc, size, size, len(encoded))
        local += (_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, *common, 0), encoded, data)
        central += (
            _CENTRAL.pack(
                b"PK\x01\x02", _VERSION, 0, _VERSION, 0, *common, 0, 0, 0, 0, _PERMISSIONS, offset
            ),
            encoded,
        )
        offset += _LOCAL.size + len(encoded) + size
    directory = b"".join(central)
    count = len(entries)
    if count > 0xFFFF or offset > _ZIP64_LIMIT or len(directory) > _ZIP64_LIMIT:
        return None
    end = _END.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), offset, 0)
    return b"".join(local) + directory + end
