"""Where the 主送机关, 署名, 成文日期 and the 版记 (or a 简报's 报尾) sit: GB/T 9704 7.3.2, 7.3.5 and 7.4.

Positions are worked out from the paragraph properties as Word resolves them (alignment and
indents, direct or through the style), in characters of the paragraph's own size, from the left
edge of the 版心. A character typed for spacing (a leading full-width space) counts where it
stands, as it does on paper.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportgen.check.findings import Finding
from reportgen.check.styles import Styles, descend, direct, size_of, text_of
from reportgen.docx.write.title import text_width
from reportgen.gongwen.dates import date_line, placeholder_date_line
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.layouts.gbt9704 import Page
from reportgen.ooxml.names import w_attr, w_child, w_tags

_IMPRINT = re.compile(r"(抄送|主送|报|送|发)[：:]|.*印发$")
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TOLERANCE = 0.5  # characters
#: Accepted rule widths in eighths of a point: 0.35 mm (7.4.1: first and last) is 1 pt = 8,
#: 0.25 mm (the rules between) is 0.71 pt, written 5 or 6.
THICK, THIN = range(7, 10), range(5, 7)
_EMU_PER_TWIP = 635


def _f(rule: str, clause: str, message: str, severity: str = "error") -> Finding:
    return Finding("structure", rule, clause, severity, message)


@dataclass(frozen=True)
class _Line:
    """A one-line paragraph placed across the 版心, in characters from its left edge."""

    text: str
    start: float
    end: float
    width: float  # of the 版心, in the paragraph's characters

    @property
    def right_gap(self) -> float:
        return self.width - self.end

    @property
    def centre(self) -> float:
        return (self.start + self.end) / 2


class _Paragraphs:
    """The paragraphs of the body with their resolved properties."""

    def __init__(self, body: Any, styles: Styles, page: Page) -> None:
        self.items = [p for p in body if p.tag in w_tags("p")] if body is not None else []
        self.styles = styles
        self.page = page

    def style_name(self, p: Any) -> str:
        style = descend(p, "pPr", "pStyle")
        style_id = w_attr(style, "val") if style is not None else None
        return self.styles.names.get(style_id or self.styles.default_id, "")

    def value(self, p: Any, child: str, attr: str) -> str | None:
        ppr = w_child(p, "pPr")
        style = descend(p, "pPr", "pStyle")
        style_id = w_attr(style, "val") if style is not None else None
        found = direct(ppr, child, attr)
        return found if found is not None else self.styles.paragraph_value(style_id, child, attr)

    def char_twips(self, p: Any) -> float:
        """One character of the paragraph's first run, with the body's character spacing."""
        run = next((r for r in p.iter(*w_tags("r")) if text_of(r).strip()), None)
        size = size_of(w_child(run, "rPr")) if run is not None else None
        if size is None:
            style = descend(p, "pPr", "pStyle")
            size = self.styles.resolve(w_attr(style, "val") if style is not None else None)[1]
        size = size or self.page.BODY_SIZE
        return size * 10 + self.page.CHAR_SPACING * size / self.page.BODY_SIZE

    def indent(self, p: Any, side: str, char: float) -> float:
        """An indent in characters: w:{side}Chars wins over w:{side} where it is not zero."""
        chars = self.value(p, "ind", f"{side}Chars")
        if chars not in (None, "0") and chars.lstrip("-").isdigit():
            return int(chars) / 100
        twips = self.value(p, "ind", side)
        if twips is None and side in ("left", "right"):
            twips = self.value(p, "ind", "start" if side == "left" else "end")
        return int(twips) / char if twips and twips.lstrip("-").isdigit() else 0.0

    def line(self, p: Any, box_twips: float | None = None) -> _Line:
        char = self.char_twips(p)
        width = (box_twips or self.page.TEXT_WIDTH) / char
        raw = text_of(p)
        text = raw.strip()
        lead = text_width(raw[: len(raw) - len(raw.lstrip())])
        left, right = self.indent(p, "left", char), self.indent(p, "right", char)
        first = self.indent(p, "firstLine", char) - self.indent(p, "hanging", char)
        size = text_width(text)
        align = self.value(p, "jc", "val") or "left"
        if align in ("right", "end"):
            end = width - right
            start = end - size
        elif align == "center":
            start = (left + width - right - size) / 2
            end = start + size
        else:
            start = left + first + lead
            end = start + size
        return _Line(text, start, end, width)

    def blank_lines_between(self, a: int, b: int) -> float:
        """Empty paragraphs between items ``a`` and ``b``, plus space before/after in lines."""
        blanks = sum(1 for p in self.items[a + 1 : b] if not text_of(p).strip())
        pitch = self.page.LINE_PITCH
        after = self.value(self.items[a], "spacing", "after") or "0"
        before = self.value(self.items[b], "spacing", "before") or "0"
        extra = sum(int(v) for v in (after, before) if v.isdigit()) / pitch
        return blanks + extra


def check_placement(body: Any, styles: Styles, page: Page = L) -> list[Finding]:
    paragraphs = _Paragraphs(body, styles, page)
    return _recipient(paragraphs) + _signature(paragraphs)


def _non_empty(paragraphs: _Paragraphs, start: int = 0) -> Iterator[int]:
    for index in range(start, len(paragraphs.items)):
        if text_of(paragraphs.items[index]).strip():
            yield index


def _title_end(paragraphs: _Paragraphs) -> int | None:
    """The index of the title's last paragraph: our title style, else the first centred lines."""
    items = paragraphs.items
    ours = [i for i, p in enumerate(items) if paragraphs.style_name(p) == L.STYLE_TITLE]
    if ours:
        return ours[0]
    indices = list(_non_empty(paragraphs))
    if not indices or paragraphs.value(items[indices[0]], "jc", "val") != "center":
        return None
    end = indices[0]
    for index in indices[1:]:
        if paragraphs.value(items[index], "jc", "val") != "center":
            break
        end = index
    return end


def _recipient(paragraphs: _Paragraphs) -> list[Finding]:
    """7.3.2: one blank line under the title, flush left, ending in a full-width colon."""
    title = _title_end(paragraphs)
    if title is None:
        return []
    following = next(_non_empty(paragraphs, title + 1), None)
    if following is None:
        return []
    p = paragraphs.items[following]
    line = paragraphs.line(p)
    if not line.text.endswith(("：", ":")) or text_width(line.text) > 2 * line.width:
        return []  # no 主送机关 (a 汇报 may have none)
    out: list[Finding] = []
    name = f"主送机关“{line.text[:12]}”"
    if line.text.endswith(":"):
        out.append(_f("recipient-colon", "7.3.2", f"{name}末尾用了半角冒号，应为全角“：”。"))
    if abs(line.start) > _TOLERANCE / 2:
        out.append(_f("recipient-indent", "7.3.2",
                      f"{name}应顶格编排，实际从第 {line.start + 1:.1f} 个字的位置开始。"))  # fmt: skip
    blanks = paragraphs.blank_lines_between(title, following)
    if round(blanks) != 1:
        out.append(_f("recipient-spacing", "7.3.2",
                      f"{name}与标题之间空了 {blanks:.0f} 行，国标为标题下空一行。"))  # fmt: skip
    return out


def _signature(paragraphs: _Paragraphs) -> list[Finding]:
    """7.3.5.1 / 7.3.5.2: the 署名 one line or more below the text, the 成文日期 on the next line;
    the date 4 characters from the right with the 署名 centred over it, or the date's first
    character 2 characters right of the 署名's; nothing closer than 2 characters to the right."""
    items = paragraphs.items
    indices = list(_non_empty(paragraphs))
    dates = [
        i
        for i in indices
        if date_line(text_of(items[i])) or placeholder_date_line(text_of(items[i]))
    ]
    if not dates:
        return []
    date_at = dates[-1]
    position = indices.index(date_at)
    if position < 2:
        return []
    signature_at, text_at = indices[position - 1], indices[position - 2]
    signature = paragraphs.line(items[signature_at])
    if text_width(signature.text) > signature.width or signature.text.endswith(("。", "：")):
        return []  # the date follows the text directly: no 署名 to place
    date = paragraphs.line(items[date_at])
    out: list[Finding] = []
    if paragraphs.blank_lines_between(signature_at, date_at) >= 0.5:
        out.append(_f("date-placement", "7.3.5.2",
                      f"成文日期“{date.text}”应紧接在署名的下一行，中间不空行。"))  # fmt: skip
    if paragraphs.blank_lines_between(text_at, signature_at) < 0.5:
        out.append(_f("signature-spacing", "7.3.5.2",
                      f"署名“{signature.text[:12]}”应在正文（或附件说明）下空一行编排。"))  # fmt: skip
    centred = abs(signature.centre - date.centre) <= _TOLERANCE
    shifted = abs(date.start - signature.start - 2) <= _TOLERANCE
    closest = min(signature.right_gap, date.right_gap)
    if not (centred or shifted) or closest < 2 - _TOLERANCE:
        out.append(
            _f("signature-placement", "7.3.5",
               f"署名“{signature.text[:12]}”右空 {signature.right_gap:.1f} 字、成文日期右空 "
               f"{date.right_gap:.1f} 字：国标要求成文日期右空四字、署名以日期为准居中（7.3.5.1），"
               "或署名右空二字、日期首字比署名首字右移二字（7.3.5.2）。")
        )  # fmt: skip
    return out


# --- 版记 and 报尾 (7.4) -------------------------------------------------------------------


def check_imprint(document: Any, styles: Styles, letter: bool, page: Page = L) -> list[Finding]:
    """7.4.1: the 版记's rules across the 版心 (first and last 0.35 mm, between 0.25 mm), its last
    rule on the 版心's last line; 7.4.2/7.4.3: its text indented one character each side. A
    信函's 版记 has no rules (10.1). A 简报's 报尾 is held to the same rules."""
    paragraphs = _Paragraphs(None, styles, page)
    found = [
        p
        for p in document.iter(*w_tags("p"))
        if _IMPRINT.match(text_of(p).strip())
        and not _inside(p, _MC_FALLBACK)
        and next(p.iter(*w_tags("txbxContent")), None) is None  # a box's anchor, not the 版记
    ]
    if not found:
        return []
    name = (
        "报尾" if all(text_of(p).strip()[:2] in ("报：", "送：", "发：") for p in found) else "版记"
    )
    out: list[Finding] = []
    box = _ancestor(found[0], f"{{{_WP}}}anchor")
    table = _ancestor(found[0], w_tags("tbl")[0])
    width = _table_width(table) if table is not None else None
    for p in found:
        line = paragraphs.line(p, width)
        if not 1 - _TOLERANCE <= line.start <= 1 + _TOLERANCE:
            out.append(_f("imprint-indent", "7.4.2",
                          f"{name}“{line.text[:10]}”应左空一字，实际左空 {line.start:.1f} 字。"))  # fmt: skip
        right = paragraphs.indent(p, "right", paragraphs.char_twips(p))
        if line.text.endswith("印发") and not 1 - _TOLERANCE <= right <= 1 + _TOLERANCE:
            out.append(_f("imprint-indent", "7.4.3",
                          f"{name}的印发日期应右空一字，实际右缩进 {right:.1f} 字。"))  # fmt: skip
    if letter:
        return out
    rules = _rules(found)
    if any(r is None for r in rules):
        missing = "、".join(str(i + 1) for i, r in enumerate(rules) if r is None)
        out.append(_f("imprint-rules", "7.4.1",
                      f"{name}缺少分隔线（自上而下第 {missing} 条）：首条、末条和各要素之间都要有分隔线。"))  # fmt: skip
    for index, size in enumerate(rules):
        outer = index in (0, len(rules) - 1)
        if size is not None and size not in (THICK if outer else THIN):
            wanted = "0.35" if outer else "0.25"
            out.append(_f("imprint-rule-width", "7.4.1",
                          f"{name}第 {index + 1} 条分隔线粗 {size / 8 * 25.4 / 72:.2f} mm，"
                          f"推荐 {wanted} mm。", "warning"))  # fmt: skip
    across = width if width is not None else _paragraph_rule_width(paragraphs, found)
    if abs(across - page.TEXT_WIDTH) > page.MM:
        out.append(_f("imprint-rule-length", "7.4.1",
                      f"{name}分隔线长 {across / page.MM:.0f} mm，应与版心等宽（156 mm）。"))  # fmt: skip
    if box is not None and not _at_margin_bottom(box, page):
        out.append(_f("imprint-position", "7.4.1",
                      f"{name}所在的图文框没有固定在版心底部：其最后一条分隔线应与版心下缘重合。"))  # fmt: skip
    return out


def _inside(element: Any, tag: str) -> bool:
    return _ancestor(element, tag) is not None


def _ancestor(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _border(element: Any, *path: str) -> int | None:
    """The width (eighths of a point) of a border at ``path`` below ``element``; None: none."""
    found = descend(element, *path)
    if found is None or (w_attr(found, "val") or "none") in ("none", "nil"):
        return None
    size = w_attr(found, "sz") or "4"
    return int(size) if size.isdigit() else None


def _edges(p: Any) -> tuple[int | None, int | None]:
    """The top and bottom rule of one 版记 element: its cell's borders, else the table's,
    else the paragraph's own."""
    cell = _ancestor(p, w_tags("tc")[0])
    if cell is not None:
        table = _ancestor(cell, w_tags("tbl")[0])
        rows = [r for r in table if r.tag in w_tags("tr")]
        row = _ancestor(cell, w_tags("tr")[0])
        first, last = row is rows[0], row is rows[-1]
        top = _border(cell, "tcPr", "tcBorders", "top")
        bottom = _border(cell, "tcPr", "tcBorders", "bottom")
        table_borders = ("tblPr", "tblBorders")
        if top is None:
            top = _border(table, *table_borders, "top" if first else "insideH")
        if bottom is None:
            bottom = _border(table, *table_borders, "bottom" if last else "insideH")
        return top, bottom
    return _border(p, "pPr", "pBdr", "top"), _border(p, "pPr", "pBdr", "bottom")


def _rules(found: list[Any]) -> list[int | None]:
    """The rules from top to bottom: above the first element, between each two, below the last."""
    edges = [_edges(p) for p in found]
    rules: list[int | None] = [edges[0][0]]
    for (_, below), (above, _) in itertools.pairwise(edges):
        rules.append(max((r for r in (below, above) if r is not None), default=None))
    rules.append(edges[-1][1])
    return rules


def _table_width(table: Any) -> float:
    """A table's width in twips (w:tblW in dxa, else the sum of its grid)."""
    width = descend(table, "tblPr", "tblW")
    if width is not None and w_attr(width, "type") in (None, "dxa"):
        value = w_attr(width, "w") or ""
        if value.isdigit():
            return float(value)
    grid = w_child(table, "tblGrid")
    cols = list(grid.iter(*w_tags("gridCol"))) if grid is not None else []
    return float(sum(int(w_attr(c, "w") or 0) for c in cols))


def _paragraph_rule_width(paragraphs: _Paragraphs, found: list[Any]) -> float:
    """Paragraph borders run between the paragraph's indents: the narrowest of them."""
    widths = []
    for p in found:
        char = paragraphs.char_twips(p)
        left = paragraphs.indent(p, "left", char) * char
        right = paragraphs.indent(p, "right", char) * char
        widths.append(paragraphs.page.TEXT_WIDTH - left - right)
    return min(widths)


def _at_margin_bottom(anchor: Any, page: Page) -> bool:
    position = anchor.find(f"{{{_WP}}}positionV")
    if position is None:
        return False
    align = position.find(f"{{{_WP}}}align")
    relative = position.get("relativeFrom")
    if align is not None:
        return relative == "margin" and (align.text or "").strip() == "bottom"
    offset = position.find(f"{{{_WP}}}posOffset")
    extent = anchor.find(f"{{{_WP}}}extent")
    if offset is None or extent is None or relative != "page":
        return False
    bottom = (int(offset.text or 0) + int(extent.get("cy") or 0)) / _EMU_PER_TWIP
    return abs(bottom - (page.PAGE_HEIGHT - page.MARGIN_BOTTOM)) <= page.MM
