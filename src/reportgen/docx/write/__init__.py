"""Rendering a :class:`~reportgen.report.document.Document` to a .docx in the official layout.

The template (the packaged ``reportgen.templates/docx/reference.docx`` or a user's copy of it)
brings page setup, grid and named styles. It is prepared once (:mod:`.prepared`: with
python-docx, or from the user's cache without importing it); each document then
only fills the body (:mod:`.writer`) and is packed reproducibly (:mod:`reportgen.ooxml.zipwrite`).
An ordinary report's paragraphs, written as XML text, are spliced into the main part as text; a
formal head, a 信函's first page and a 报尾 are placed in its tree, measuring what comes before
them. A batch of a thousand reports pays for the template once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.docx.write.prepared import CORE_PART, DOCUMENT_PART, Prepared, body_at, prepare
from reportgen.report.document import Document

if TYPE_CHECKING:
    from reportgen.layouts.base import Format


def docx_bytes(
    document: Document,
    template: Path | None = None,
    letterhead: str = "printed",
    letterhead_rule_mm: float | None = None,
) -> bytes:
    """The .docx of ``document`` as bytes: identical for the same document and template.

    ``letterhead`` ``preprinted`` leaves a formal document's 版头 area blank (红头 paper whose
    red rule is ``letterhead_rule_mm`` below the top of the text block)."""
    from reportgen.docx.write.drawing import number_from_start
    from reportgen.docx.write.properties import core_properties
    from reportgen.docx.write.template import check_styles
    from reportgen.docx.write.writer import required_styles
    from reportgen.layouts import format_for
    from reportgen.ooxml.zipwrite import package_bytes

    number_from_start()
    prepared = prepare(template)
    styles = check_styles(prepared.style_ids, required_styles(document), prepared.origin)
    chosen = format_for(document.format)
    parts = list(prepared.parts)
    main = None
    if chosen.head == "none" and chosen.numbers_first_page:
        main = _spliced(prepared, document, styles)
    if main is None:
        main = _built(prepared, parts, document, styles, chosen, letterhead, letterhead_rule_mm)
    return package_bytes([*parts, (DOCUMENT_PART, main), (CORE_PART, core_properties(document))])


def _spliced(prepared: Prepared, document: Document, styles: dict[str, str]) -> bytes | None:
    """The main part of a document whose body is only paragraphs in a row, written as text
    into the template's (no lxml: a sixth of a render's time to import): the bytes
    :func:`_built` gives, as a test holds for every example and scaffold. None when it needs
    the tree: a 报尾, a character XML cannot hold (the tree reports it), a template whose body
    is not in the form :func:`~.prepared.body_at` looks for."""
    from reportgen.docx.write.writer import body_xml
    from reportgen.textio import XML_FORBIDDEN

    at = body_at(prepared.document_xml)
    body = body_xml(document, styles) if at is not None else None
    if at is None or body is None or XML_FORBIDDEN.search(body):
        return None
    return prepared.document_xml[:at] + body.encode() + prepared.document_xml[at:]


def _built(
    prepared: Prepared,
    parts: list[tuple[str, bytes]],
    document: Document,
    styles: dict[str, str],
    chosen: Format,
    letterhead: str,
    letterhead_rule_mm: float | None,
) -> bytes:
    """The main part, built as a tree in the template's; ``parts`` gain what it refers to."""
    from reportgen.docx.write.writer import write_body
    from reportgen.layouts.gbt9704 import PAGE as L
    from reportgen.ooxml.names import w
    from reportgen.ooxml.xml import parse, serialize

    root = parse(prepared.document_xml)
    footer_style = prepared.style_ids.get(L.STYLE_PAGE_NUMBER)
    if chosen.head == "none":
        write_body(root.find(w("body")), document, styles)
    else:
        from reportgen.docx.write.formal import write_formal_body

        body = root.find(w("body"))
        if write_formal_body(body, document, styles, letterhead, letterhead_rule_mm):
            from reportgen.docx.write.lastpage import blank_footer

            blank_footer(parts, body[-1], ("default", "even"), footer_style)
    if not chosen.numbers_first_page:
        from reportgen.docx.write.letter import add_first_page

        add_first_page(parts, root, footer_style)
    return serialize(root)


def render_docx(
    document: Document,
    out_path: Path,
    template: Path | None = None,
    letterhead: str = "printed",
    letterhead_rule_mm: float | None = None,
) -> None:
    """Write the .docx of ``document`` to ``out_path``, whole or not at all.

    Raises :class:`~reportgen.errors.UsageError` if the template is not a readable .docx with
    the RG styles, or the output folder is missing or not writable.
    """
    from reportgen.outputs import write_atomically

    write_atomically(Path(out_path), docx_bytes(document, template, letterhead, letterhead_rule_mm))


__all__ = ["docx_bytes", "render_docx"]
