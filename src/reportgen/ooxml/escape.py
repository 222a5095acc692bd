"""Text and attribute values escaped for XML written as text, as lxml serializes them: a
document's paragraphs are written so (:mod:`reportgen.docx.write.writer`), and placed in the
main part as text or parsed in one call (:func:`reportgen.ooxml.xml.fragment`)."""

from __future__ import annotations


def escape_text(text: str) -> str:
    """``text`` as element content, escaped as lxml serializes it (a carriage return kept,
    not read as a line end)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def escape_attribute(value: str) -> str:
    """``value`` between double quotes, escaped as lxml serializes it (white space kept)."""
    return escape_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
