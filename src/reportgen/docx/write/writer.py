"""Laying out the blocks of a :class:`~reportgen.report.document.Document` in the template's body.

Formatting lives in the template's named styles; the writer adds direct formatting only where it
depends on the text: title line breaks, the right indents that centre the 署名 over the 成文日期,
the yellow highlight of placeholders, and the page-number footers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from reportgen.docx.write.title import text_width, title_breaks
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.ooxml.names import XML_SPACE, w
from reportgen.report.document import Block, Document, Span

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle

    from reportgen.ooxml.xml import Element as _Element

ROLE_STYLES = {
    "title": L.STYLE_TITLE,
    "recipient": L.STYLE_RECIPIENT,
    "body": L.STYLE_BODY,
    "signature": L.STYLE_SIGNATURE,
    "date": L.STYLE_DATE,
    "brief-name": L.STYLE_BRIEF_NAME,
    "brief-issue": L.STYLE_BRIEF_ISSUE,
    "brief-meta": L.STYLE_BRIEF_META,
    "distribution": L.STYLE_DISTRIBUTION,
    # formal 公文 (render/formal.py): flush-left lines, or body paragraphs
    **dict.fromkeys(
        ("copy-no", "secrecy", "urgency", "mark", "doc-number", "attendance", "attachment-label"),
        L.STYLE_RECIPIENT,
    ),
    **dict.fromkeys(("imprint-to", "imprint-cc", "imprint", "table"), L.STYLE_RECIPIENT),
    **dict.fromkeys(("attachment-note", "note"), L.STYLE_BODY),
}
_TAB_OR_BREAK = re.compile(r"(\t|\n)")


def style_name(block: Block) -> str:
    if block.role == "heading":
        return L.STYLE_HEADINGS[min(max(block.level, 1), 4) - 1]
    return ROLE_STYLES[block.role]


def required_styles(document: Document) -> set[str]:
    """The styles rendering ``document`` needs (blank lines use RG Body; the rows of a 报尾
    RG Recipient, as the formal 版记's do)."""
    names = {L.STYLE_BODY, L.STYLE_PAGE_NUMBER, *(style_name(b) for b in document.blocks)}
    if L.STYLE_DISTRIBUTION in names:
        names.add(L.STYLE_RECIPIENT)
    return names


def write_body(body: _Element, document: Document, style_ids: dict[str, str]) -> None:
    """Fill ``body`` (the template's w:body, holding only its final w:sectPr) with ``document``."""
    _BodyWriter(body, document, style_ids).write()


def body_xml(document: Document, style_ids: dict[str, str]) -> str | None:
    """What :func:`write_body` puts in the body, as XML text, when that is all it does: None
    when ``document`` has a 报尾 (placed by measuring what is written before it)."""
    if any(block.role == "distribution" for block in document.blocks):
        return None
    return "".join(p.xml(style_ids) for p in _paragraphs(document.blocks))


def _paragraphs(blocks: Sequence[Block]) -> list[_Paragraph]:
    """The paragraphs of ``blocks`` (all but a 报尾's) in their order, with the blank lines
    between them."""
    right_indents = _signature_indents(blocks)
    previous: Block | None = None
    paragraphs: list[_Paragraph] = []
    for block in blocks:
        if block.role == "distribution":
            continue
        signing = block.role == "signature" or (
            block.role == "date" and (previous is None or previous.role != "signature")
        )
        if signing and paragraphs:
            # 署名 never alone on a page (GB/T 9704 7.3.5.5)
            paragraphs[-1] = paragraphs[-1].kept_with_next()
        for _ in range(_blank_lines_before(block, previous)):
            blank = _Paragraph(L.STYLE_BODY)
            paragraphs.append(blank.kept_with_next() if signing else blank)
        paragraphs.append(_block_paragraph(block, right_indents))
        previous = block
    return paragraphs


def _blank_lines_before(block: Block, previous: Block | None) -> int:
    if previous is None:
        return 0
    if previous.role in ("title", "brief-meta"):
        return L.BLANK_LINES_AFTER_TITLE  # the brief's red rule stands clear of the title too
    if block.role == "signature" or (block.role == "date" and previous.role != "signature"):
        return L.LINES_BEFORE_SIGNATURE
    return 0


def _block_paragraph(block: Block, right_indents: dict[str, float]) -> _Paragraph:
    spans: Sequence[Span] = block.spans
    if block.role == "title":
        return _Paragraph(style_name(block), runs=_title_xml(spans))
    if block.role == "heading" and block.number:
        spans = (Span(block.number), *spans)
    elif block.role == "recipient":
        spans = _with_colon(spans)
    if block.role == "brief-meta" and block.aside:
        spans = (*spans, Span("\t"), *block.aside)
    properties = ""
    if block.role in ("signature", "date"):
        properties = _right_indent_xml(right_indents[block.role])
    return _Paragraph(style_name(block), properties, "".join(map(run_xml, spans)))


class _BodyWriter:
    def __init__(self, body: _Element, document: Document, style_ids: dict[str, str]) -> None:
        self.body = body
        self.document = document
        self.style_ids = style_ids
        self.right_indents = _signature_indents(document.blocks)
        self.end_of_body = body[-1]  # the final w:sectPr
        self.last: _Element | None = None  # the paragraph written last

    def write(self) -> None:
        """Every block as XML text first, then parsed in one call (see :func:`_place`)."""
        self._place(_paragraphs(self.document.blocks))
        imprint = [b for b in self.document.blocks if b.role == "distribution"]
        if imprint:  # the 简报's 报尾, at the foot of the last page like a 版记 (GB/T 9704 7.4)
            from reportgen.docx.write.formal import write_imprint

            write_imprint(self, imprint)

    def _detached(self, style: str) -> _Element:
        """A paragraph of ``style`` that is not (yet) in the body."""
        paragraph = self._paragraph(style)
        self.body.remove(paragraph)
        return paragraph

    def _paragraph(self, name: str) -> _Element:
        """A new, empty paragraph of style ``name`` at the end of the body."""
        return self._place([_Paragraph(name)])

    def _place(self, paragraphs: Sequence[_Paragraph]) -> _Element:
        """Put ``paragraphs`` at the end of the body, parsed from their XML text in one call
        (building them element by element was most of a document's writing); the last one."""
        from reportgen.ooxml.xml import fragment

        for p in fragment("".join(p.xml(self.style_ids) for p in paragraphs)):
            self.end_of_body.addprevious(p)
            self.last = p
        return self.last

    def _write_block(self, block: Block) -> None:
        self._place([_block_paragraph(block, self.right_indents)])


class _Paragraph(NamedTuple):
    """A paragraph not yet placed: its style's name, and its properties after the style and
    its runs as XML text."""

    style: str
    properties: str = ""
    runs: str = ""

    def kept_with_next(self) -> _Paragraph:
        if self.properties.startswith(_KEEP_NEXT):
            return self
        return self._replace(properties=_KEEP_NEXT + self.properties)

    def xml(self, style_ids: dict[str, str]) -> str:
        from reportgen.ooxml.escape import escape_attribute

        style = escape_attribute(style_ids[self.style])
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{self.properties}</w:pPr>{self.runs}</w:p>'


#: Right after the paragraph's style (w:pPr's children have a fixed order).
_KEEP_NEXT = "<w:keepNext/>"


def _add_run(paragraph: _Element, span: Span) -> None:
    """Append ``span`` to ``paragraph`` as a run."""
    from reportgen.ooxml.xml import fragment

    paragraph.extend(fragment(run_xml(span)))


def run_xml(span: Span) -> str:
    """``span`` as a run, in XML text (see :func:`reportgen.ooxml.xml.fragment`)."""
    from reportgen.ooxml.escape import escape_text

    # Curly quotes, dashes and the middle dot are "ambiguous" characters: without the hint Word
    # sets them in the Latin font (Times New Roman), half width.
    parts = ['<w:r><w:rPr><w:rFonts w:hint="eastAsia"/>']
    if span.placeholder:
        parts.append('<w:highlight w:val="yellow"/>')
    parts.append("</w:rPr>")
    for piece in _TAB_OR_BREAK.split(span.text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece == "\n":
            parts.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if piece != piece.strip() else ""
            parts.append(f"<w:t{space}>{escape_text(piece)}</w:t>")
    parts.append("</w:r>")
    return "".join(parts)


def _title_xml(spans: Sequence[Span]) -> str:
    """The title's spans as runs, with a line break (w:br) at each chosen break offset."""
    text = "".join(span.text for span in spans)
    breaks = _title_breaks(text)
    runs: list[Span] = []
    offset = 0
    for span in spans:
        cuts = [b - offset for b in breaks if offset < b < offset + len(span.text)]
        if offset and offset in breaks:
            runs.append(Span("\n"))
        pieces = [span.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(span.text)], strict=True)]
        for index, piece in enumerate(pieces):
            if index:
                runs.append(Span("\n"))
            runs.append(Span(piece, span.placeholder))
        offset += len(span.text)
    return "".join(map(run_xml, runs))


@lru_cache(maxsize=256)
def _title_breaks(text: str) -> tuple[int, ...]:
    """A title's breaks, found once per process: every report of a batch usually has one title."""
    return tuple(title_breaks(text, L.TITLE_LINE_CHARS))


def _with_colon(spans: Sequence[Span]) -> tuple[Span, ...]:
    """主送机关 ends in a full-width colon: add it, or turn an ASCII one into it."""
    if not spans:
        return ()
    *head, last = spans
    stripped = last.text.rstrip().rstrip(":：")
    if last.placeholder:
        return (*head, last, Span("：")) if stripped == last.text else (*head, last)
    return (*head, Span(stripped + "："))


def _signature_indents(blocks: Sequence[Block]) -> dict[str, float]:
    """Right indents in characters (GB/T 9704 7.3.5.1): the date 4 characters from the right,
    the signature centred over it; a signature longer than the date keeps 2 characters and the
    date moves left to stay centred under it."""
    signature = next((b.text for b in blocks if b.role == "signature"), "")
    date = next((b.text for b in blocks if b.role == "date"), "")
    signature_width, date_width = text_width(signature), text_width(date)
    date_right = float(L.SIGNATURE_DATE_RIGHT_CHARS)
    least = float(L.SIGNATURE_MIN_RIGHT_CHARS)
    if not date:
        return {"signature": least, "date": date_right}
    if signature_width <= date_width:
        return {"signature": date_right + (date_width - signature_width) / 2, "date": date_right}
    return {"signature": least, "date": least + (signature_width - date_width) / 2}


def _right_indent_xml(chars: float) -> str:
    """A right indent of ``chars`` characters, as paragraph properties in XML text."""
    return f'<w:ind w:rightChars="{round(chars * 100)}" w:right="{round(chars * L.CHAR_PITCH)}"/>'


def write_footers(target: DocxDocument, style: ParagraphStyle) -> None:
    """``— 1 —`` in every footer: odd pages on the right, even pages on the left, one
    character in from the edge of the text block."""
    target.settings.odd_and_even_pages_header_footer = True
    section = target.sections[-1]
    section.different_first_page_header_footer = False
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        element = footer._element
        for child in list(element):
            element.remove(child)
        paragraph = footer.add_paragraph()
        paragraph.style = style
        _page_number(paragraph._p, side)


def _page_number(p: _Element, side: str) -> None:
    from reportgen.ooxml.xml import add, make

    ppr = p.find(w("pPr"))
    assert ppr is not None  # the style was just set
    edge = L.PAGE_NUMBER_EDGE_CHARS
    one_char = L.PAGE_NUMBER_SIZE * 10  # a 14 pt character in twips
    add(ppr, "ind", {f"{side}Chars": str(edge * 100), side: str(edge * one_char)})
    add(ppr, "jc", {"val": side})

    def run(child: _Element) -> None:
        r = add(p, "r")
        add(add(r, "rPr"), "rFonts", {"hint": "eastAsia"})
        r.append(child)

    def text(value: str) -> _Element:
        t = make("t", {XML_SPACE: "preserve"})
        t.text = value
        return t

    def field_char(kind: str) -> _Element:
        return make("fldChar", {"fldCharType": kind})

    instruction = make("instrText", {XML_SPACE: "preserve"})
    instruction.text = " PAGE "
    run(text(L.PAGE_NUMBER_PREFIX))
    run(field_char("begin"))
    run(instruction)
    run(field_char("separate"))
    run(text("1"))
    run(field_char("end"))
    run(text(L.PAGE_NUMBER_SUFFIX))
