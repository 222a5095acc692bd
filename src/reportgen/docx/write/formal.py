"""The formal 公文 page (GB/T 9704-2012): 版头, 附件说明, 附注, 附件 pages and the 版记.

The body of the report is written as in the ordinary layout (:mod:`.writer`); this writer adds
what is placed by measure rather than by line:

* the 发文机关标志 with its top edge ``mark_offset`` (35 mm) below the 版心 top: the lines above it
  (份号, 密级, 紧急程度) have the exact body pitch, so the space before the mark is 35 mm less
  those lines, and the mark's own line is exactly as high as its characters;
* the red rule as the bottom border of the 发文字号's paragraph, ``w:space`` set so it lies 4 mm
  below the characters;
* the 版记 as a text box anchored to the bottom of the text block, so its last rule lies on the
  版心's last line whatever the length of the body; text that would run into it moves on;
* each 附件 starting a new page in the same section, so page numbers continue.

Geometry comes from the layout profile (:data:`reportgen.layouts.gbt9704.PAGE`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportgen.docx.write.drawing import EMU_PER_TWIP, text_box
from reportgen.docx.write.title import text_width
from reportgen.docx.write.writer import _add_run, _blank_lines_before, _BodyWriter
from reportgen.layouts import format_for
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.ooxml.names import w as _w
from reportgen.report.document import Block, Document, Span

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Element as _Element

HEAD_ROLES = ("copy-no", "secrecy", "urgency", "mark", "doc-number")
TOP_ROLES = ("copy-no", "secrecy", "urgency")
IMPRINT_ROLES = ("imprint-to", "imprint-cc", "imprint")
PT = 20  # twips per point
#: A line exactly as high as a 三号 character: its em box fills the line in any renderer.
CHAR_LINE = L.BODY_SIZE * 10


def write_formal_body(
    body: _Element,
    document: Document,
    style_ids: dict[str, str],
    letterhead: str = "printed",
    rule_mm: float | None = None,
) -> bool:
    """Fill ``body`` with a formal (or 信函) document; ``letterhead`` ``preprinted`` leaves the
    版头 area blank for paper that already carries it, its red rule ``rule_mm`` below the 版心
    top (the profile's ``head.preprinted_rule_mm`` by default). True when the 版记 has a page
    of its own, in the body's last section, whose footer must then be made empty."""
    writer = _FormalWriter(body, document, style_ids, letterhead)
    writer.rule_mm = rule_mm if rule_mm is not None else L.PREPRINTED_RULE_MM
    writer.write()
    return writer.imprint_alone


class _FormalWriter(_BodyWriter):
    def __init__(
        self, body: _Element, document: Document, style_ids: dict[str, str], letterhead: str
    ) -> None:
        super().__init__(body, document, style_ids)
        self.letterhead = letterhead
        self.format = format_for(document.format)
        self.letter = self.format.head == "letter"
        self.rule_mm = L.PREPRINTED_RULE_MM
        self.imprint_alone = False

    def write(self) -> None:
        from reportgen.docx.write.lastpage import (
            imprint_needs_own_page,
            start_imprint_section,
            tighten_signature,
        )

        blocks = list(self.document.blocks)
        head = []
        while blocks and blocks[0].role in HEAD_ROLES:
            head.append(blocks.pop(0))
        imprint = [b for b in blocks if b.role in IMPRINT_ROLES]
        blocks = [b for b in blocks if b.role not in IMPRINT_ROLES]
        if self.letter:
            self._letter_head(head)
        else:
            self._head(head)
        previous: Block | None = None
        for block in blocks:
            for _ in range(self._formal_blank_lines(block, previous)):
                self._paragraph(L.STYLE_BODY)
            self._write_formal_block(block)
            previous = block
        self._keep_ending_together()
        tighten_signature(self)
        even = self.format.imprint_on_even_page
        self.imprint_alone = (
            even
            and bool(imprint)
            and imprint_needs_own_page(self, sum(_imprint_lines(b) for b in imprint))
        )
        if self.imprint_alone:
            start_imprint_section(self)
        if imprint:
            self._imprint(imprint)

    # -- 版头 ---------------------------------------------------------------------------------

    def _head(self, head: Sequence[Block]) -> None:
        top = [b for b in head if b.role in TOP_ROLES]
        marks = [b for b in head if b.role == "mark"]
        numbers = [b for b in head if b.role == "doc-number"]
        for block in top:
            self._top_line(block)
        above = len(top) * L.LINE_PITCH
        if self.letterhead == "preprinted":
            # The paper carries the mark and the red rule: the 文号 line sits where it would.
            rule = round(self.rule_mm * L.MM)
            before = rule - L.RED_RULE_GAP - L.LINE_PITCH - above
            self._number_line(numbers[0] if numbers else None, before=max(before, 0), rule=False)
        else:
            self._spacer(max(L.MARK_OFFSET - above, 1))
            self._mark(marks)
            for _ in range(L.LINES_MARK_TO_NUMBER):
                self._paragraph(L.STYLE_RECIPIENT)
            self._number_line(numbers[0] if numbers else None, before=0, rule=True)
        for _ in range(L.LINES_RULE_TO_TITLE):
            self._paragraph(L.STYLE_BODY)

    def _top_line(self, block: Block) -> None:
        paragraph = self._paragraph(L.STYLE_RECIPIENT)
        font = L.FONT_HEI if block.role in ("secrecy", "urgency") else None
        for span in block.spans:
            _add_run(paragraph, span)
        if font:
            _set_fonts(paragraph, font)

    def _spacer(self, height: int) -> None:
        """An empty paragraph exactly ``height`` twips high, off the document grid."""
        paragraph = self._paragraph(L.STYLE_RECIPIENT)
        _append_ppr(paragraph, _snap_off(), _spacing(line=height))
        _empty_run_size(paragraph, 2)

    def _mark(self, marks: Sequence[Block]) -> None:
        size_pt = _mark_size([b.text for b in marks], L.MARK_SIZE_PT)
        if len(marks) == 1:
            paragraph = self._paragraph(L.STYLE_RECIPIENT)
            _append_ppr(paragraph, _snap_off(), _spacing(line=size_pt * PT), _jc("center"))
            for span in marks[0].spans:
                _add_run(paragraph, span)
            _mark_runs(paragraph, size_pt)
            return
        self.end_of_body.addprevious(_joint_mark(self, marks, size_pt))

    def _number_line(self, block: Block | None, *, before: int, rule: bool) -> None:
        """发文字号 (centred; 上行文: left one character, 签发人 right one character)."""
        signers = block.aside if block else ()
        lines = max(len(signers), 1)
        widest = max((text_width(s.text) for s in signers), default=0)
        label_at = L.TEXT_WIDTH - L.CHAR_PITCH - round((4 + widest) * L.CHAR_PITCH)
        for index in range(lines):
            paragraph = self._paragraph(L.STYLE_RECIPIENT)
            last = index == lines - 1
            # As high as its characters (so Word and LibreOffice set them alike), on the grid.
            spacing = _spacing(before=before + L.LINE_PITCH - CHAR_LINE, line=CHAR_LINE)
            parts = [_snap_off(), spacing]
            if signers:
                parts.append(_tabs(("left", L.CHAR_PITCH), ("left", label_at)))
            else:
                parts.append(_jc("center"))
            gap = L.RED_RULE_GAP_PT
            if last and rule:
                parts.append(_bottom_border(L.RED_RULE, gap, L.RED))
            elif last:  # the paper's rule: keep the room the printed one takes
                spacing.set(_w("after"), str((gap + 1) * PT))
            _append_ppr(paragraph, *parts)
            if signers:
                _add_run(paragraph, Span("\t"))
                if last and block is not None:
                    for span in block.spans:
                        _add_run(paragraph, span)
                _add_run(paragraph, Span("\t" + ("签发人：" if index == 0 else "\u3000" * 4)))
                name = signers[index] if index < len(signers) else Span("")
                run = _add_run_returning(paragraph, name)
                _run_font(run, L.FONT_KAI)
            elif block is not None:
                for span in block.spans:
                    _add_run(paragraph, span)

    # -- 信函格式 (10.1) ------------------------------------------------------------------------

    def _letter_head(self, head: Sequence[Block]) -> None:
        """The mark, the double rules and the lines under the upper rule (份号 etc. flush left,
        发文字号 flush right) are placed on the page (docx/write/letter.py), not in the text flow:
        LibreOffice moves the text block of a first page with its own footer down by a few mm.
        The flow holds only the room they take, so the title follows two lines below them."""
        from reportgen.docx.write.letter import first_line_top, head_box, mark_run, rule_runs

        top = [b for b in head if b.role in TOP_ROLES]
        numbers = [b for b in head if b.role == "doc-number"]
        mark = next((b.text for b in head if b.role == "mark"), "")
        lines = []
        for index in range(max(len(top), 1)):
            paragraph = self._detached(L.STYLE_RECIPIENT)
            before = 0 if index == 0 else L.LINE_PITCH - CHAR_LINE
            _append_ppr(
                paragraph,
                _snap_off(),
                _spacing(before=before, line=CHAR_LINE),
                _tabs(("right", L.TEXT_WIDTH)),
            )
            if index < len(top):
                for span in top[index].spans:
                    _add_run(paragraph, span)
                if top[index].role != "copy-no":
                    _set_fonts(paragraph, L.FONT_HEI)
            if index == 0 and numbers and numbers[0].text:
                _add_run(paragraph, Span("\t"))
                for span in numbers[0].spans:
                    _add_run(paragraph, span)
            lines.append(paragraph)
        height = CHAR_LINE + (len(lines) - 1) * L.LINE_PITCH
        room = round((first_line_top(mark) - L.MARGIN_TOP / L.MM) * L.MM) + height
        anchor = self._paragraph(L.STYLE_RECIPIENT)
        _append_ppr(anchor, _snap_off(), _spacing(line=max(room, 20)))
        _empty_run_size(anchor, 2)
        if self.letterhead != "preprinted":
            anchor.append(mark_run(mark))
            anchor.extend(rule_runs(mark))
        anchor.append(head_box(lines, height, mark))
        for _ in range(2):
            self._paragraph(L.STYLE_BODY)

    # -- 主体 ---------------------------------------------------------------------------------

    def _formal_blank_lines(self, block: Block, previous: Block | None) -> int:
        if previous is None:
            return 0
        if block.role == "attachment-note":
            return 1 if previous.role != "attachment-note" else 0
        if block.role == "attendance":
            return 1 if previous.role != "attendance" else 0
        if block.role in ("note", "attachment-label"):
            return 0
        if previous.role == "attachment-label":
            return 1  # 附件N on line 1, its title on line 3
        if block.role == "table":
            return 1
        return _blank_lines_before(block, previous)

    def _write_formal_block(self, block: Block) -> None:
        if block.role == "attachment-note":
            self._attachment_note(block)
        elif block.role == "attendance":
            paragraph = self._paragraph(L.STYLE_RECIPIENT)
            label_chars = text_width(block.number)
            hanging = round(label_chars * L.CHAR_PITCH)
            _append_ppr(paragraph, _indent(left=2 * L.CHAR_PITCH + hanging, hanging=hanging))
            label = _add_run_returning(paragraph, Span(block.number))
            _run_font(label, L.FONT_HEI)
            for span in block.spans:
                _add_run(paragraph, span)
        elif block.role == "note":
            paragraph = self._paragraph(L.STYLE_BODY)
            for span in block.spans:
                _add_run(paragraph, span)
        elif block.role == "attachment-label":
            paragraph = self._paragraph(L.STYLE_RECIPIENT)
            _append_ppr(paragraph, _page_break_before())
            for span in block.spans:
                _add_run(paragraph, span)
            _set_fonts(paragraph, L.FONT_HEI)
        elif block.role == "table":
            self.end_of_body.addprevious(_table(self, block.rows))
        else:
            self._write_block(block)

    def _attachment_note(self, block: Block) -> None:
        """``附件：1. 名称``: wrapped lines align with the first character of the name."""
        paragraph = self._paragraph(L.STYLE_RECIPIENT)
        number = block.number.removeprefix("附件：")  # "1." … or "" for a single 附件
        left = round((2 + text_width("附件：") + text_width(number)) * L.CHAR_PITCH)
        hanging = round(text_width(block.number) * L.CHAR_PITCH)
        _append_ppr(paragraph, _indent(left=left, hanging=hanging))
        for span in (Span(block.number), *block.spans):
            _add_run(paragraph, span)

    def _keep_ending_together(self) -> None:
        """署名 and 成文日期 never alone on a page (7.3.5.5): the last body line, the blank lines
        and the 附件说明 before the 署名 keep with it, the 日期 with a following 附注."""
        paragraphs = [p for p in self.body if p.tag == _w("p")]
        styles = [_style_of(p) for p in paragraphs]
        signature = self.style_ids.get(L.STYLE_SIGNATURE)
        if signature not in styles:
            return
        index = styles.index(signature)
        for paragraph in reversed(paragraphs[:index]):
            _append_ppr(paragraph, _keep_next())
            if _has_text(paragraph) and _style_of(paragraph) == self.style_ids.get(L.STYLE_BODY):
                break
        date = self.style_ids.get(L.STYLE_DATE)
        if date in styles:
            position = styles.index(date)
            following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
            if following is not None and _text(following).startswith("（"):
                _append_ppr(paragraphs[position], _keep_next())

    # -- 版记 (7.4) ---------------------------------------------------------------------------

    def _imprint(self, blocks: Sequence[Block]) -> None:
        write_imprint(self, blocks, rules=self.format.imprint_rules, on_page=self.imprint_alone)


def write_imprint(
    writer: _BodyWriter, blocks: Sequence[Block], *, rules: bool = True, on_page: bool = False
) -> None:
    """The 版记 (or a 简报's 报尾): a text box anchored to the foot of the text block of the last
    page, so its last rule lies on the 版心's lower edge (7.4.1); the rules run across the whole
    版心, thick first and last, thin between, the text one character in on each side."""
    size = L.DISTRIBUTION_SIZE
    thick = L.IMPRINT_THICK
    thin = L.IMPRINT_THIN
    rows: list[_Element] = []
    heights = 0
    for index, block in enumerate(blocks):
        first, last = index == 0, index == len(blocks) - 1
        lines = _imprint_lines(block)
        heights += lines * L.LINE_PITCH
        top = 0 if not rules else (thick if first else thin)
        bottom = 0 if not rules else (thick if last else thin)
        rows.append(_imprint_row(writer, block, size, lines, top, bottom))
    table = _imprint_table(rows)
    cx, cy = L.TEXT_WIDTH * EMU_PER_TWIP, heights * EMU_PER_TWIP
    run = text_box(
        "版记",
        [table, _tiny_paragraph(writer)],
        (cx, cy),
        ("margin", "center"),
        # On a page of its own, placed from the paper's edge: a renderer may lay that page out
        # with another footer (LibreOffice drops it on an even-page section), moving the margin.
        ("page", (L.PAGE_HEIGHT - L.MARGIN_BOTTOM) * EMU_PER_TWIP - cy)
        if on_page
        else ("margin", "bottom"),
    )
    anchor = [p for p in writer.body if p.tag == _w("p")][-1]
    anchor.append(run)


def _mark_size(names: Sequence[str], largest: float) -> int:
    """The mark's size in points: ``largest``, smaller where a name would not fit one line."""
    widest = max((text_width(name) for name in names), default=1) + (2 if len(names) > 1 else 0)
    fits = L.TEXT_WIDTH / PT / max(widest, 1)
    return int(min(largest, fits))


def _mark_runs(paragraph: _Element, size_pt: int) -> None:
    for run in paragraph.iter(_w("r")):
        _run_font(run, L.FONT_MARK, colour=L.RED, size=size_pt * 2)
        properties = run.find(_w("rPr"))
        assert properties is not None
        properties.append(_element("spacing", val="0"))


def _joint_mark(writer: _FormalWriter, marks: Sequence[Block], size_pt: int) -> _Element:
    """联合行文: the names stacked on the left, 文件 centred vertically on their right."""
    name_width = max(text_width(b.text) for b in marks) * size_pt * PT
    word = marks[0].aside or (Span("文件"),)
    word_width = round(text_width("".join(s.text for s in word)) * size_pt * PT)
    rows = []
    for index, block in enumerate(marks):
        left = writer._detached(L.STYLE_RECIPIENT)
        _append_ppr(left, _snap_off(), _spacing(line=size_pt * PT), _jc("distribute"))
        for span in block.spans:
            _add_run(left, span)
        _mark_runs(left, size_pt)
        right = writer._detached(L.STYLE_RECIPIENT)
        _append_ppr(right, _snap_off(), _spacing(line=size_pt * PT), _jc("right"))
        if index == 0:
            for span in word:
                _add_run(right, span)
            _mark_runs(right, size_pt)
        merge = "restart" if index == 0 else "continue"
        rows.append(
            _row(
                [(left, round(name_width), None), (right, word_width, merge)], size_pt * PT, "exact"
            )
        )
    return _table_element(rows, [round(name_width), word_width], borders=False)


def _imprint_lines(block: Block) -> int:
    """How many 四号 lines a 版记 element takes (one character in on each side)."""
    chars_per_line = int((L.TEXT_WIDTH - 2 * 280) / (L.DISTRIBUTION_SIZE * 10))
    width = text_width(block.text) + text_width("".join(s.text for s in block.aside)) + 1
    return max(1, -(-int(width + 0.999) // chars_per_line))


def _imprint_row(
    writer: _BodyWriter, block: Block, size: int, lines: int, top: int, bottom: int
) -> _Element:
    paragraph = writer._detached(L.STYLE_RECIPIENT)
    label = {"imprint-to": "主送：", "imprint-cc": "抄送："}.get(block.role, "")
    hanging = round(text_width(label) * size * 10)
    _append_ppr(
        paragraph,
        _tabs(("right", L.TEXT_WIDTH - 280)),
        _indent(left=280 + hanging, hanging=hanging, right=280),
        _jc("left"),
    )
    spans = [Span(label), *block.spans] if label else list(block.spans)
    if block.aside:
        spans += [Span("\t"), *block.aside]
    for span in spans:
        _add_run(paragraph, span)
    for run in paragraph.iter(_w("r")):
        _run_font(run, None, size=size)
    borders = _element("tcBorders")
    for side, width in (("top", top), ("bottom", bottom)):
        if width:
            borders.append(_element(side, val="single", sz=str(width), space="0", color="000000"))
    return _row([(paragraph, L.TEXT_WIDTH, None)], lines * L.LINE_PITCH, "exact", borders)


def _imprint_table(rows: list[_Element]) -> _Element:
    return _table_element(rows, [L.TEXT_WIDTH], borders=False)


def _table(writer: _FormalWriter, cells: Sequence[Sequence[str]]) -> _Element:
    """A 附件's table: full width, single rules, 四号 text centred; the first row is the head."""
    columns = max(len(row) for row in cells)
    widths = [L.TEXT_WIDTH // columns] * columns
    rows = []
    for row_index, row in enumerate(cells):
        tcs = []
        for column in range(columns):
            value = row[column] if column < len(row) else ""
            paragraph = writer._detached(L.STYLE_RECIPIENT)
            _append_ppr(paragraph, _jc("center"))
            run = _add_run_returning(paragraph, Span(value))
            _run_font(run, L.FONT_HEI if row_index == 0 else None, size=28)
            tcs.append((paragraph, widths[column], None))
        rows.append(_row(tcs, L.LINE_PITCH, "atLeast", header=row_index == 0))
    return _table_element(rows, widths, borders=True)


def _row(
    cells: Sequence[tuple[_Element, int, str | None]],
    height: int,
    rule: str,
    borders: _Element | None = None,
    header: bool = False,
) -> _Element:
    tr = _element("tr")
    tr_pr = _element("trPr")
    if header:
        tr_pr.append(_element("tblHeader"))
    tr_pr.append(_element("trHeight", val=str(height), hRule=rule))
    tr.append(tr_pr)
    for paragraph, width, merge in cells:
        tc = _element("tc")
        tc_pr = _element("tcPr")
        tc_pr.append(_element("tcW", w=str(width), type="dxa"))
        if borders is not None:
            tc_pr.append(borders)
        if merge:
            tc_pr.append(_element("vMerge", val=merge))
        tc_pr.append(_element("vAlign", val="center"))
        tc.append(tc_pr)
        tc.append(paragraph)
        tr.append(tc)
    return tr


def _table_element(rows: Sequence[_Element], widths: Sequence[int], *, borders: bool) -> _Element:
    tbl = _element("tbl")
    properties = _element("tblPr")
    properties.append(_element("tblW", w=str(sum(widths)), type="dxa"))
    properties.append(_element("jc", val="center"))
    if borders:
        edges = _element("tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            edges.append(_element(side, val="single", sz="4", space="0", color="000000"))
        properties.append(edges)
    properties.append(_element("tblLayout", type="fixed"))
    margins = _element("tblCellMar")
    margins.append(_element("left", w="0" if not borders else "57", type="dxa"))
    margins.append(_element("right", w="0" if not borders else "57", type="dxa"))
    properties.append(margins)
    tbl.append(properties)
    grid = _element("tblGrid")
    for width in widths:
        grid.append(_element("gridCol", w=str(width)))
    tbl.append(grid)
    tbl.extend(rows)
    return tbl


def _tiny_paragraph(writer: _BodyWriter) -> _Element:
    """The paragraph a table cell or text box must end with, one twip high."""
    paragraph = writer._detached(L.STYLE_RECIPIENT)
    _append_ppr(paragraph, _snap_off(), _spacing(line=20))
    _empty_run_size(paragraph, 2)
    return paragraph


# -- small OOXML builders ---------------------------------------------------------------------

_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


def _element(name: str, **attributes: str) -> _Element:
    from reportgen.ooxml.xml import make

    return make(name, attributes)


def _append_ppr(paragraph: _Element, *children: _Element) -> None:
    """Add ``children`` to the paragraph's w:pPr in schema order, replacing same-named ones."""
    properties = paragraph.find(_w("pPr"))
    assert properties is not None
    for child in children:
        existing = properties.find(child.tag)
        if existing is not None:
            properties.remove(existing)
        rank = _PPR_ORDER.index(child.tag.split("}")[1])
        position = len(properties)
        for index, sibling in enumerate(properties):
            if _PPR_ORDER.index(sibling.tag.split("}")[1]) > rank:
                position = index
                break
        properties.insert(position, child)


def _snap_off() -> _Element:
    return _element("snapToGrid", val="0")


def _keep_next() -> _Element:
    return _element("keepNext")


def _page_break_before() -> _Element:
    return _element("pageBreakBefore")


def _spacing(*, before: int = 0, line: int) -> _Element:
    attributes = {"line": str(line), "lineRule": "exact"}
    if before:
        attributes = {"before": str(before), **attributes}
    return _element("spacing", **attributes)


def _jc(value: str) -> _Element:
    return _element("jc", val=value)


def _indent(*, left: int, hanging: int = 0, right: int = 0) -> _Element:
    attributes = {"left": str(left), "firstLineChars": "0"}
    if hanging:
        attributes["hanging"] = str(hanging)
    else:
        attributes["firstLine"] = "0"
    if right:
        attributes["right"] = str(right)
    return _element("ind", **attributes)


def _tabs(*stops: tuple[str, int]) -> _Element:
    tabs = _element("tabs")
    for kind, position in stops:
        tabs.append(_element("tab", val=kind, pos=str(position)))
    return tabs


def _bottom_border(size: int, space_pt: int, colour: str) -> _Element:
    borders = _element("pBdr")
    borders.append(
        _element("bottom", val="single", sz=str(size), space=str(space_pt), color=colour)
    )
    return borders


def _run_font(
    run: _Element, font: str | None, *, colour: str | None = None, size: int | None = None
) -> None:
    properties = run.find(_w("rPr"))
    assert properties is not None
    fonts = properties.find(_w("rFonts"))
    if font and fonts is not None:
        fonts.set(_w("eastAsia"), font)
    if colour:
        properties.append(_element("color", val=colour))
    if size:
        properties.append(_element("sz", val=str(size)))
        properties.append(_element("szCs", val=str(size)))


def _set_fonts(paragraph: _Element, font: str) -> None:
    for run in paragraph.iter(_w("r")):
        _run_font(run, font)


def _add_run_returning(paragraph: _Element, span: Span) -> _Element:
    _add_run(paragraph, span)
    return paragraph.findall(_w("r"))[-1]


def _empty_run_size(paragraph: _Element, size: int) -> None:
    """The paragraph mark's size, so an empty line may be lower than the body font."""
    properties = paragraph.find(_w("pPr"))
    assert properties is not None
    mark = _element("rPr")
    mark.append(_element("sz", val=str(size)))
    mark.append(_element("szCs", val=str(size)))
    properties.append(mark)


def _style_of(paragraph: _Element) -> str | None:
    style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
    return None if style is None else style.get(_w("val"))


def _text(paragraph: _Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(_w("t")))


def _has_text(paragraph: _Element) -> bool:
    return bool(_text(paragraph).strip())
