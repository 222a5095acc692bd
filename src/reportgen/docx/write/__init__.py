"""Rendering a :class:`~reportgen.report.document.Document` to a .docx in the official layout.

The template (the packaged ``reportgen.templates/docx/reference.docx`` or a user's copy of it)
brings page setup, grid and named styles. It is prepared once per process with python-docx
(theme fonts dropped, styles found by name, page-number footers written); each document then
only fills a copy of the body through reportgen.ooxml (:mod:`.writer`) and is packed reproducibly
(:mod:`reportgen.ooxml.zipwrite`). A batch of a thousand reports pays for the template once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportgen.report.document import Document

_DOCUMENT_PART = "word/document.xml"
_CORE_PART = "docProps/core.xml"


@dataclass(frozen=True)
class _Prepared:
    parts: tuple[tuple[str, bytes], ...]  # every part but the document and its properties
    document_xml: bytes  # the main part with an empty body (only its w:sectPr)
    style_ids: dict[str, str]  # paragraph style name → styleId
    origin: Path | None


def docx_bytes(
    document: Document,
    template: Path | None = None,
    letterhead: str = "printed",
    letterhead_rule_mm: float | None = None,
) -> bytes:
    """The .docx of ``document`` as bytes: identical for the same document and template.

    ``letterhead`` ``preprinted`` leaves a formal document's 版头 area blank (红头 paper whose
    red rule is ``letterhead_rule_mm`` below the top of the text block)."""
    from reportgen.docx.write.properties import core_properties
    from reportgen.docx.write.template import check_styles
    from reportgen.docx.write.writer import required_styles, write_body
    from reportgen.layouts import format_for
    from reportgen.layouts.gbt9704 import PAGE as L
    from reportgen.ooxml.names import w
    from reportgen.ooxml.xml import parse, serialize
    from reportgen.ooxml.zipwrite import package_bytes

    prepared = _prepare(*_template_key(template))
    styles = check_styles(prepared.style_ids, required_styles(document), prepared.origin)
    root = parse(prepared.document_xml)
    parts = list(prepared.parts)
    chosen = format_for(document.format)
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
    main = serialize(root)
    return package_bytes([*parts, (_DOCUMENT_PART, main), (_CORE_PART, core_properties(document))])


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
    from reportgen.textio import write_atomically

    write_atomically(Path(out_path), docx_bytes(document, template, letterhead, letterhead_rule_mm))


def _template_key(template: Path | None) -> tuple[Path | None, int, int]:
    """What identifies a template's content cheaply: its path, size and modification time."""
    if template is None:
        return None, 0, 0
    path = Path(template).resolve()
    try:
        stat = path.stat()
    except OSError:
        return path, -1, -1  # open_template reports it in the user's words
    return path, stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=8)
def _prepare(template: Path | None, size: int, mtime_ns: int) -> _Prepared:
    import io

    from reportgen.docx.write.template import open_template, paragraph_styles, style_ids
    from reportgen.docx.write.writer import write_footers
    from reportgen.layouts.gbt9704 import PAGE as L
    from reportgen.ooxml.package import DocxPackage

    target = open_template(template)
    write_footers(
        target, paragraph_styles(target, [L.STYLE_PAGE_NUMBER], template)[L.STYLE_PAGE_NUMBER]
    )
    body = target.element.body
    for child in list(body)[:-1]:  # keep the final w:sectPr
        body.remove(child)
    buffer = io.BytesIO()
    target.save(buffer)
    with DocxPackage(template or Path("reference.docx"), buffer.getvalue()) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infos}
    document_xml = parts.pop(_DOCUMENT_PART)
    parts.pop(_CORE_PART, None)
    return _Prepared(tuple(parts.items()), document_xml, style_ids(target), template)


__all__ = ["docx_bytes", "render_docx"]
