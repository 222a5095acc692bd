"""Rendering a :class:`~reportgen.document.Document` to a .docx in the official layout.

The template (the packaged ``reportgen.templates/docx/reference.docx`` or a user's copy of it)
brings page setup, grid and named styles; :mod:`.writer` fills in the blocks; :mod:`.package`
makes the bytes reproducible and writes them atomically.
"""

from __future__ import annotations

from pathlib import Path

from reportgen.document import Document


def docx_bytes(document: Document, template: Path | None = None) -> bytes:
    """The .docx of ``document`` as bytes: identical for the same document and template."""
    import datetime as dt
    import io

    from reportgen.render.package import read_zip, zip_bytes
    from reportgen.render.template import open_template, paragraph_styles
    from reportgen.render.writer import required_styles, write_document

    target = open_template(template)
    styles = paragraph_styles(target, required_styles(document), template)
    write_document(target, document, styles)

    properties = target.core_properties
    stamp = dt.datetime.combine(document.date, dt.time())
    properties.title = document.title
    properties.author = document.author
    properties.last_modified_by = document.author
    properties.created = stamp
    properties.modified = stamp
    properties.revision = 1

    buffer = io.BytesIO()
    target.save(buffer)
    return zip_bytes(read_zip(buffer.getvalue()))


def render_docx(document: Document, out_path: Path, template: Path | None = None) -> None:
    """Write the .docx of ``document`` to ``out_path``, whole or not at all.

    Raises :class:`~reportgen.errors.UsageError` if the template is not a readable .docx with
    the RG styles, or the output folder is missing or not writable.
    """
    from reportgen.textio import write_atomically

    write_atomically(Path(out_path), docx_bytes(document, template))


__all__ = ["docx_bytes", "render_docx"]
