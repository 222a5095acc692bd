"""docProps/core.xml of a rendered report: its title, author and dates, from the report."""

from __future__ import annotations

from reportgen.report.document import Document


def _escape(text: str) -> str:
    # xml.sax.saxutils.escape would do, but importing it pulls in urllib and http.client.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def core_properties(document: Document) -> bytes:
    """docProps/core.xml: title and author from the report, both dates its 成文日期 (a fixed
    day while it is unknown), so the file does not change with the day it is rendered."""
    day = document.date.isoformat() if document.date else "2000-01-01"
    stamp = f"{day}T00:00:00Z"
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
