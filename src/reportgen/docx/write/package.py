"""Byte-stable .docx packaging.

Entry order follows whoever wrote the package; it is fixed here, and times and system ids are
fixed by :mod:`reportgen.ooxml.zipwrite`. Entries are *stored*, not deflated: deflate output may differ
between zlib builds (zlib vs. zlib-ng), and a byte-identical file on every machine matters more
than a few kilobytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from reportgen.ooxml.zipwrite import zip_bytes as _pack
from reportgen.report.document import Document

_FIRST = ("[Content_Types].xml", "_rels/.rels")


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """Pack ``(name, data)`` pairs into a zip whose bytes depend on nothing but the pairs."""
    parts = dict(entries)
    names = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
    return _pack(((name, parts[name]) for name in names), compress=False)


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _escape(text: str) -> str:
    # xml.sax.saxutils.escape would do, but importing it pulls in urllib and http.client.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def core_properties(document: Document) -> bytes:
    """docProps/core.xml: title and author from the report, both dates its 成文日期, so the
    file does not change with the day it is rendered."""
    stamp = f"{document.date.isoformat()}T00:00:00Z"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_escape(document.title)}</dc:title>"
        f"<dc:creator>{_escape(document.author)}</dc:creator>"
        f"<cp:lastModifiedBy>{_escape(document.author)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "<cp:revision>1</cp:revision></cp:coreProperties>"
    ).encode()
