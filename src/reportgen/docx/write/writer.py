"""Laying out the blocks of a :class:`~reportgen.report.document.Document` in the template's body.

Formatting lives in the template's named styles; the writer adds direct formatting only where it
depends on the text: title line breaks, the right indents that centre the 署名 over the 成文日期,
the yellow highlight of placeholders, and the page-number footers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

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


class _BodyWriter:
    def __init__(self, body: _Element, document: Document, style_ids: dict[str, str]) -> None:
        self.body = body
        self.document = document
        self.style_ids = style_ids
        self.right_indents = _signature_indents(document.blocks)
        self.end_of_body = body[-1]  # the final w:sectPr
        self.last: _Element | None = None  # the paragraph written last

    def write(self) -> None:
        previous: Block | None = None
        blocks = [b for b in self.document.blocks if b.role != "distribution"]
        imprint = [b for b in self.document.blocks if b.role == "distribution"]
        for block in blocks:
            signing = block.role == "signature" or (
                block.role == "date" and (previous is None or previous.role != "signature")
            )
            if signing and self.last is not None:
                _keep_with_next(self.last)  # 署名 never alone on a page (GB/T 9704 7.3.5.5)
            for _ in range(self._blank_lines_before(block, previous)):
                blank = self._paragraph(L.STYLE_BODY)
                if signing:
                    _keep_with_next(blank)
            self._write_block(block)
            previous = block
        if imprint:  # the 简报's 报尾, at the foot of the last page like a 版记 (GB/T 9704 7.4)
            from reportgen.docx.write.formal import write_imprint

            write_imprint(self, imprint)

    @staticmethod
    def _blank_lines_before(block: Block, previous: Block | None) -> int:
        if previous is None:
            return 0
        if previous.role in ("title", "brief-meta"):
            return L.BLANK_LINES_AFTER_TITLE  # the brief's red rule stands clear of the title too
        if block.role == "signature" or (block.role == "date" and previous.role != "signature"):
            return L.LINES_BEFORE_SIGNATURE
        return 0

    def _detached(self, style: str) -> _Element:
        """A paragraph of ``style`` that is not (yet) in the body."""
        paragraph = self._paragraph(style)
        self.body.remove(paragraph)
        return paragraph

    def _paragraph(self, name: str) -> _Element:
        from reportgen.ooxml.xml import add, make

        p = make("p")
        self.end_of_body.addprevious(p)
        add(add(p, "pPr"), "pStyle", {"val": self.style_ids[name]})
        self.last = p
        return p

    def _write_block(self, block: Block) -> None:
        paragraph = self._paragraph(style_name(block))
        spans: Sequence[Span] = block.spans
        if block.role == "title":
            _add_title(paragraph, spans)
            return
        if block.role == "heading" and block.number:
            spans = (Span(block.number), *spans)
        elif block.role == "recipient":
            spans = _with_colon(spans)
        for span in spans:
            _add_run(paragraph, span)
        if block.role == "brief-meta" and block.aside:
            _add_run(paragraph, Span("\t"))
            for span in block.aside:
                _add_run(paragraph, span)
        if block.role in ("signature", "date"):
            _set_right_indent(paragraph, self.right_indents[block.role])


def _keep_with_next(paragraph: _Element) -> None:
    from reportgen.ooxml.xml import make

    properties = paragraph[0]  # w:pPr, holding w:pStyle first: w:keepNext comes right after it
    if properties.find(w("keepNext")) is None:
        properties.insert(1, make("keepNext"))


def _add_run(paragraph: _Element, span: Span) -> None:
    """Append ``span`` to ``paragraph`` as a run."""
    from reportgen.ooxml.xml import add

    run = add(paragraph, "r")
    properties = add(run, "rPr")
    # Curly quotes, dashes and the middle dot are "ambiguous" characters: without the hint Word
    # sets them in the Latin font (Times New Roman), half width.
    add(properties, "rFonts", {"hint": "eastAsia"})
    if span.placeholder:
        add(properties, "highlight", {"val": "yellow"})
    for piece in _TAB_OR_BREAK.split(span.text):
        if piece == "\t":
            add(run, "tab")
        elif piece == "\n":
            add(run, "br")
        elif piece:
            text = add(run, "t", {XML_SPACE: "preserve"} if piece != piece.strip() else None)
            text.text = piece


def _add_title(paragraph: _Element, spans: Sequence[Span]) -> None:
    """The title's spans, with a line break (w:br) at each chosen break offset."""
    text = "".join(span.text for span in spans)
    breaks = title_breaks(text, L.TITLE_LINE_CHARS)
    offset = 0
    for span in spans:
        cuts = [b - offset for b in breaks if offset < b < offset + len(span.text)]
        if offset and offset in breaks:
            _add_run(paragraph, Span("\n"))
        pieces = [span.text[a:b] for a, b in zip([0, *cuts], [*cuts, len(span.text)], strict=True)]
        for index, piece in enumerate(pieces):
            if index:
                _add_run(paragraph, Span("\n"))
            _add_run(paragraph, Span(piece, span.placeholder))
        offset += len(span.text)


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


def _set_right_indent(paragraph: _Element, chars: float) -> None:
    from reportgen.ooxml.xml import add

    properties = paragraph.find(w("pPr"))  # holds only w:pStyle, so w:ind may follow it
    assert properties is not None
    add(
        properties,
        "ind",
        {"rightChars": str(round(chars * 100)), "right": str(round(chars * L.CHAR_PITCH))},
    )


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
