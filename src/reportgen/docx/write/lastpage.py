"""The end of a formal document: the 署名 kept on the text's page, the 版记 on an even page.

GB/T 9704-2012 7.3.5.5: when the 署名 and 成文日期 do not fit under the text, the spacing is
tightened so they stay with it (a page with no text is not allowed); 7.4: the 版记 is on the
last page, the back of the last sheet, so an even page; 7.5: a blank page before the 版记 page
and the 版记 page carry no page number. Where the text ends is estimated (:mod:`.pages`) and
used only where a wrong guess is harmless: the space before the 署名 is tightened when the
estimate says it would start a new page (keep-with-next still holds it with the last line), and
the 版记 stays on the text's last page only when that is clearly an even page with room to
spare; otherwise it gets a section of its own that starts on an even page (``w:type
evenPage``: the renderer inserts a blank page when the text ends on an even page) and whose
footer is empty.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from reportgen.docx.write.pages import Place, flow
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.ooxml.names import w

if TYPE_CHECKING:
    from reportgen.docx.write.writer import _BodyWriter
    from reportgen.ooxml.xml import Element

#: Lines of room the estimate must leave before the 版记 stays on the text's last page.
MARGIN_LINES = 3
#: A closed-up blank line, in twips.
CLOSED = 20
#: The line pitch the last lines of text close up to (85 %), and over how many paragraphs.
TIGHT_LINE = round(0.85 * L.LINE_PITCH)
TIGHT_PARAGRAPHS = 3
#: What the estimate of where the text ends may be off by: half a line.
SAFETY = L.LINE_PITCH // 2
#: A line exactly as high as a 三号 character.
CHAR_LINE = L.BODY_SIZE * 10
#: The empty footer of unnumbered pages, and its relationship.
BLANK_FOOTER = "word/footer_blank.xml"
BLANK_FOOTER_ID = "rIdBlankFooter"


def _flow(writer: _BodyWriter) -> tuple[list[Element], list[Place]]:
    elements = [e for e in writer.body if e.tag in (w("p"), w("tbl"))]
    names = (L.STYLE_BODY, *L.STYLE_HEADINGS)
    indented = {writer.style_ids[n] for n in names if n in writer.style_ids}
    return elements, flow(elements, indented)


def _text(element: Element) -> str:
    return "".join(t.text or "" for t in element.iter(w("t"))).strip()


def _style(element: Element) -> str | None:
    style = element.find(f"{w('pPr')}/{w('pStyle')}")
    return None if style is None else style.get(w("val"))


def tighten_signature(writer: _BodyWriter) -> None:
    """Close up the blank lines before the 署名 when the 署名 and 日期 would otherwise start a
    page of their own (7.3.5.5)."""
    from reportgen.docx.write.formal import _append_ppr, _snap_off, _spacing

    elements, places = _flow(writer)
    signature_id = writer.style_ids.get(L.STYLE_SIGNATURE)
    date_id = writer.style_ids.get(L.STYLE_DATE)
    styles = [_style(e) for e in elements]
    if signature_id not in styles:
        return
    start = styles.index(signature_id)
    end = styles.index(date_id) if date_id in styles[start:] else start
    blanks = []
    index = start - 1
    while index >= 0 and elements[index].tag == w("p") and not _text(elements[index]):
        blanks.append(elements[index])
        index -= 1
    if index < 0 or not blanks:
        return
    last_line = places[index]
    if places[end].page == last_line.page:
        return  # it fits
    lines = end - start + 1  # 署名 and 日期, a grid line each
    need = len(blanks) * L.LINE_PITCH + lines * L.LINE_PITCH - (L.TEXT_HEIGHT - last_line.used)
    # What can give, in this order: the blank lines close up, the 署名 and 日期 lines become
    # as high as their characters, the last lines of text close up to TIGHT_LINE.
    text = [e for e in elements[max(0, index - TIGHT_PARAGRAPHS + 1) : index + 1] if _text(e)]
    text = [e for e in text if e.tag == w("p") and places[elements.index(e)].page == last_line.page]
    text_lines = sum(_line_count(e) for e in text)
    savings = (
        len(blanks) * (L.LINE_PITCH - CLOSED),
        lines * (L.LINE_PITCH - CHAR_LINE),
        text_lines * (L.LINE_PITCH - TIGHT_LINE),
    )
    if need + SAFETY > sum(savings):
        return  # tightening is not enough: keep-with-next moves the last line along
    for blank in blanks:
        _append_ppr(blank, _snap_off(), _spacing(line=CLOSED))
    if need + SAFETY > savings[0]:
        for element in elements[start : end + 1]:
            _append_ppr(element, _snap_off(), _spacing(line=CHAR_LINE))
    if need + SAFETY > savings[0] + savings[1]:
        for element in text:
            _append_ppr(element, _snap_off(), _spacing(line=TIGHT_LINE))


def _line_count(paragraph: Element) -> int:
    from reportgen.docx.write.pages import _lines

    return len(_lines(paragraph, set()))


def imprint_needs_own_page(writer: _BodyWriter, lines: int) -> bool:
    """Whether the 版记 (``lines`` 四号 lines high) must go on a page of its own: unless the
    text surely ends on an even page with room for it."""
    _, places = _flow(writer)
    end = places[-1] if places else Place(1, 0)
    margin = MARGIN_LINES * L.LINE_PITCH
    height = lines * L.LINE_PITCH
    fits = margin <= end.used and end.used + height + margin <= L.TEXT_HEIGHT
    return not (end.page % 2 == 0 and fits)


def start_imprint_section(writer: _BodyWriter) -> None:
    """End the text's section and start the 版记's on the next even page; the 版记's paragraph
    follows. Its footer is made empty by :func:`blank_footer` once the package is assembled."""
    from reportgen.docx.write.formal import _append_ppr, _snap_off, _spacing

    final = writer.end_of_body  # the body's w:sectPr: becomes the 版记's section
    text_section = copy.deepcopy(final)
    paragraphs = [e for e in writer.body if e.tag in (w("p"), w("tbl"))]
    if paragraphs and paragraphs[-1].tag == w("p"):
        carrier = paragraphs[-1]
    else:
        carrier = writer._paragraph(L.STYLE_RECIPIENT)
        _append_ppr(carrier, _snap_off(), _spacing(line=20))
    _append_ppr(carrier, text_section)
    for reference in final.findall(w("footerReference")):
        final.remove(reference)
    from reportgen.ooxml.xml import make

    kind = make("type", {"val": "evenPage"})
    size = final.find(w("pgSz"))
    if size is not None:
        size.addprevious(kind)
    else:
        final.insert(0, kind)
    anchor = writer._paragraph(L.STYLE_RECIPIENT)
    _append_ppr(anchor, _snap_off(), _spacing(line=20))


def blank_footer(
    parts: list[tuple[str, bytes]],
    section: Element,
    types: tuple[str, ...],
    style_id: str | None,
) -> None:
    """Give ``section`` an empty footer for the pages ``types`` (default, even, first); its
    line has the paragraph style ``style_id`` (the page number's)."""
    from reportgen.ooxml.names import CONTENT_TYPES, PKG_RELS, R
    from reportgen.ooxml.xml import add, make, parse, serialize

    files = dict(parts)
    if BLANK_FOOTER not in files:
        rels_name, types_name = "word/_rels/document.xml.rels", "[Content_Types].xml"
        rels = parse(files[rels_name])
        relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        add(
            rels,
            "Relationship",
            {
                "Id": BLANK_FOOTER_ID,
                "Type": f"{relationships}/footer",
                "Target": BLANK_FOOTER.removeprefix("word/"),
            },
            ns=PKG_RELS,
        )
        content_types = parse(files[types_name])
        main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        add(
            content_types,
            "Override",
            {"PartName": "/" + BLANK_FOOTER, "ContentType": f"{main}.footer+xml"},
            ns=CONTENT_TYPES,
        )
        files[rels_name] = serialize(rels)
        files[types_name] = serialize(content_types)
        namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        # An empty line of the page number's style: the footer is as high as a numbered one,
        # so the 版心 ends where it does on the other pages.
        style = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
        files[BLANK_FOOTER] = f'<w:ftr xmlns:w="{namespace}"><w:p>{style}</w:p></w:ftr>'.encode()
        parts[:] = list(files.items())
    for kind in reversed(types):
        for old in section.findall(w("footerReference")):
            if old.get(w("type")) == kind:
                section.remove(old)
        section.insert(0, make("footerReference", {"type": kind, f"{{{R}}}id": BLANK_FOOTER_ID}))
