"""The measured tier: the document as LibreOffice lays it out, measured on the PDF.

Figures come from the profile of GB/T 9704-2012 (page 210 × 297 mm, 版心 from 28 mm left and 37 mm
top, 156 × 225 mm; 22 lines of 28 characters). A line is a row of ``pdftotext -bbox`` words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportgen.check.findings import Finding
from reportgen.check.pdftext import PT_PER_MM, Line
from reportgen.check.sections import LETTER_MARK_TOP_MM

LEFT, RIGHT = 28 * PT_PER_MM, (210 - 26) * PT_PER_MM
TOP, BOTTOM = 37 * PT_PER_MM, (297 - 35) * PT_PER_MM
#: How far above the foot of the 版心 a 版记 reaches: its text lies in this band.
IMPRINT_ZONE = 30 * PT_PER_MM
LETTER_TOP = LETTER_MARK_TOP_MM * PT_PER_MM
PITCH = 28.95  # line pitch in points
CHAR = 15.75  # a body character with its -0.25 pt spacing
SLACK = 0.5 * PT_PER_MM  # what a glyph may pass the 版心 by before it counts as outside
#: Characters that may not start a line (避头): a line pushed by one of them holds 27.
NO_LINE_START = set("，。、；：？！”’）》」』】\u3015…—·%")
#: Characters that may not end a line (避尾): a line whose next one starts with one holds 27.
NO_LINE_END = set("“‘（《【「『\u3014")
_PAGE_NUMBER = re.compile(r"—(\d+)—")
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
#: The 版记's last line: 印发机关 and 印发日期 (7.4.3).
_PRINTED = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日印发$")
_LOOKAHEAD = 12  # extra printed characters tolerated before a document character
_ANCHOR = 6  # characters that must be found together to skip a longer stretch of printed text
_IMPRINT = ("抄送：", "主送：", "报：", "送：", "发：")


@dataclass(frozen=True)
class DocText:
    """What the measured tier needs from the .docx: its visible body text and key paragraphs."""

    body: str  # every visible character of the body in reading order, whitespace removed
    signature: str
    date: str
    imprint: tuple[str, ...]  # 版记 / 报尾 paragraphs


def _is_body(line: Line) -> bool:
    return 18 <= line.height <= 23.5  # 三号 16 pt: pdftotext boxes are 1.3 em tall


def _units(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in text)


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def measure(
    pages: Sequence[Sequence[Line]], doc: DocText, letter: bool = False
) -> tuple[list[Finding], dict[str, object]]:
    """Findings and figures of the laid-out pages. ``letter``: the document is a 信函 (10.1),
    whose first page carries the mark above the 版心 and no page number."""
    findings: list[Finding] = []
    text_lines = [line for page in pages for line in page if line.top < BOTTOM]
    findings += _outside(text_lines, letter)
    findings += _lost(text_lines, doc)
    alone = _imprint_pages(pages)
    rows, full, latin = _rows_and_widths(pages, findings, len(pages) - alone)
    findings += _page_numbers(pages, letter, alone)
    findings += _split_placeholders(text_lines)
    findings += _signature(pages, doc)
    findings += _imprint(pages, doc, letter)
    figures: dict[str, object] = {"页数": len(pages), "整页行数": rows, "整行字数": full}
    figures["含数字或西文的整行字数"] = latin
    imprint_page = _imprint_page(pages, doc)
    if imprint_page:
        figures["版记页"] = imprint_page
    return findings, figures


def _outside(lines: list[Line], letter: bool) -> list[Finding]:
    out = []
    for line in lines:
        top = TOP - line.top
        if letter and line.page == 1:
            # The 信函 mark's top edge is 30 mm below the paper's (10.1); pdftotext's box of
            # 1.3 em starts 0.15 em above the characters' em box.
            top = LETTER_TOP - (line.top + line.height * 0.15 / 1.3)
        beyond = max(line.right - RIGHT, LEFT - line.left, top)
        if beyond > SLACK:
            out.append(
                Finding(
                    "measured", "glyph-outside", "5.2.1", "error",
                    f"“{line.text[-12:]}”一行超出版心 {beyond / PT_PER_MM:.1f} mm"
                    "（多为行末标点悬挂在页边距中）。",
                    line.page,
                )
            )  # fmt: skip
    return out


def _lost(lines: list[Line], doc: DocText) -> list[Finding]:
    """Characters of the document missing from the page, found by a greedy walk that lets the
    page hold extra characters (automatic list labels) but not lose any; linear, unlike difflib
    on a long, repetitive text."""
    printed = _squash("".join(line.text for line in lines))
    out: list[Finding] = []
    at = 0
    for index, char in enumerate(doc.body):
        found = printed.find(char, at, at + _LOOKAHEAD)
        if found < 0:  # printed text of its own in between (a table read across): skip it
            found = printed.find(doc.body[index : index + _ANCHOR], at)
        if found >= 0:
            at = found + 1
            continue
        context = doc.body[max(0, index - 8) : index + 4]
        out.append(
            Finding(
                "measured", "lost-character", "5.2.4", "error",
                f"文档中的“{char}”没有出现在排出的页面上（上下文：“{context}”）。",
            )
        )  # fmt: skip
    return out


def _rows_and_widths(
    pages: Sequence[Sequence[Line]], findings: list[Finding], last: int
) -> tuple[list[int], dict[str, int], dict[str, int]]:
    """Rows of every full page before page ``last``, the last with text; how many characters
    each full body line holds, of all and of those with digits or Latin letters."""
    rows: list[int] = []
    widths: dict[str, int] = {}
    latin: dict[str, int] = {}
    flat = [line for page in pages for line in page if line.top < BOTTOM]
    after = {id(a): b.text for a, b in itertools.pairwise(flat)}
    latin_short = 0
    for number, page in enumerate(pages, start=1):
        body = [line for line in page if line.top < BOTTOM]
        if not body:
            continue
        if number < last and all(_is_body(line) for line in body):
            count = _rows(body, pages[number], findings, number)
            rows.append(count)
        for line in body:
            if not _is_body(line) or line.right < RIGHT - 1.5 * PT_PER_MM or line.gap > 2 * CHAR:
                continue  # the last line of a paragraph, not body text, or text set at a tab
            indent = round((line.left - LEFT) / CHAR)
            cells = _units(line.text) + indent
            key = f"{cells:g}"
            widths[key] = widths.get(key, 0) + 1
            # 避头尾 moved the last character down with a mark that may not start a line.
            following = after.get(id(line), "")[:2]
            ascii_in = any(ord(c) < 0x2000 for c in line.text)
            if ascii_in:
                latin[key] = latin.get(key, 0) + 1
            pushed = following[1:2] in NO_LINE_START or following[:1] in NO_LINE_END
            if cells == 28 or (cells == 27 and pushed):
                continue
            if following[:1].isascii() and following[:1] not in ("", " "):
                continue  # a Latin word or number that may not be broken moved down whole
            if ascii_in and cells < 28:
                latin_short += 1  # LibreOffice's own Asian/Latin spacing: see below
                continue
            findings.append(
                Finding(
                    "measured", "chars-per-line", "5.2.3", "error",
                    f"“{line.text[:10]}…”一行排了 {cells:g} 个字，国标为每行 28 字。", number,
                )
            )  # fmt: skip
    if latin_short:
        findings.append(
            Finding(
                "measured", "latin-spacing", "5.2.3", "info",
                f"{latin_short} 个含数字或西文的整行少于 28 字：LibreOffice 总在中文与数字、西文之间"
                "加空（它不读取 w:autoSpaceDE/DN）；Word 按文档的设置不加空，这些行在 Word 中仍为 28 字"
                "（据 ECMA-376 推断，未在 Word 中实测）。",
            )
        )  # fmt: skip
    return rows, dict(sorted(widths.items())), dict(sorted(latin.items()))


def _rows(
    body: Sequence[Line], following: Sequence[Line], findings: list[Finding], number: int
) -> int:
    """The rows of a page of body text, and a finding where the page does not hold 22: a line
    pitch other than 28.95 pt, or a paragraph carried over to the next page although rows were
    left empty (a page may end early only where a paragraph ends: a page break, 署名 kept with
    its text)."""
    steps = sorted(b.top - a.top for a, b in itertools.pairwise(body) if b.top - a.top > 5)
    pitch = steps[len(steps) // 2] if steps else PITCH
    if abs(pitch - PITCH) > 0.3:
        fits = int((BOTTOM - TOP + 0.5) / pitch)
        findings.append(
            Finding("measured", "lines-per-page", "5.2.3", "error",
                    f"本页行距为 {pitch:.2f} 磅，每页排 {fits} 行；国标为每页 22 行（行距 28.95 磅）。",
                    number)
        )  # fmt: skip
        return fits
    count = round((body[-1].top - body[0].top) / PITCH) + 1
    nxt = next((line for line in following if line.top < BOTTOM), None)
    carried = (
        nxt is not None
        and _is_body(nxt)
        and abs(nxt.left - LEFT) < PT_PER_MM  # not indented: the rest of a paragraph
        and body[-1].right >= RIGHT - 1.5 * PT_PER_MM
    )
    if count > 22 or (count < 22 and carried):
        findings.append(
            Finding("measured", "lines-per-page", "5.2.3", "error",
                    f"本页排了 {count} 行，国标为 22 行"
                    + ("（段落未排满本页就转到下页，多为“孤行控制”所致）。" if count < 22 else "。"),
                    number)
        )  # fmt: skip
    return count


def _split_placeholders(lines: list[Line]) -> list[Finding]:
    """Placeholders (``*.**``, ``**.*%``) broken across two lines: a clerk reading the page may
    take either half for a finished figure. LibreOffice 7.4 breaks them (its Chinese line
    breaking puts a break between any two characters that are not 避头尾 marks); Word keeps a
    run of Latin characters together (inferred from its Latin line breaking, not seen)."""
    from reportgen.gongwen.placeholders import find_placeholders

    out = []
    for a, b in itertools.pairwise(lines):
        if not (_is_body(a) and _is_body(b)):
            continue
        tail, head = _squash(a.text)[-8:], _squash(b.text)[:8]
        for match in find_placeholders(tail + head):
            figure = not any("\u4e00" <= c <= "\u9fff" for c in match.text)  # not 【待补：…】
            if figure and match.start < len(tail) < match.end:
                out.append(
                    Finding("measured", "placeholder-split", "", "warning",
                            f"占位符“{match.text}”被拆在两行（“{tail[match.start - len(tail):]}”"
                            f"／“{head[: match.end - len(tail)]}”）：LibreOffice 的中文断行会拆开它，"
                            "Word 不会（据 Word 的西文断行推断）。", a.page)
                )  # fmt: skip
    return out


def _imprint_pages(pages: Sequence[Sequence[Line]]) -> int:
    """How many pages at the end hold nothing but the 版记 at the foot of the 版心 (or nothing):
    the 版记 page and a blank page before it, which carry no page number (7.5)."""
    count = 0
    for page in reversed(pages):
        text = [line for line in page if line.top < BOTTOM and _squash(line.text)]
        if any(line.top < BOTTOM - IMPRINT_ZONE for line in text):
            break
        count += 1
    return count if count < len(pages) else 0


def _page_numbers(
    pages: Sequence[Sequence[Line]], letter: bool, unnumbered: int = 0
) -> list[Finding]:
    """``unnumbered``: the pages at the end that hold only the 版记 (or nothing)."""
    out = []
    for number, page in enumerate(pages, start=1):
        found = [
            (line, m) for line in page if line.top >= BOTTOM
            for m in [_PAGE_NUMBER.fullmatch(_squash(line.text))] if m
        ]  # fmt: skip
        if number > len(pages) - unnumbered:
            if found:
                out.append(Finding("measured", "page-number-imprint", "7.5", "error",
                                   "版记页及其前的空白页不编排页码。", number))  # fmt: skip
            continue
        if letter and number == 1:
            if found:
                out.append(Finding("measured", "page-number-letter", "10.1", "error",
                                   "信函格式首页不显示页码。", number))  # fmt: skip
            continue
        if not found:
            out.append(Finding("measured", "page-number-missing", "7.5", "error",
                               "本页没有“— n —”形式的页码。", number))  # fmt: skip
            continue
        line, match = found[0]
        if int(match[1]) != number:
            out.append(Finding("measured", "page-number-value", "7.5", "error",
                               f"页码为 {match[1]}，应为 {number}。", number))  # fmt: skip
        one_char = 14  # a 四号 character
        if number % 2:
            ok, where = abs(RIGHT - one_char - line.right) < 4 * PT_PER_MM, "单页页码应居右空一字"
        else:
            ok, where = abs(line.left - LEFT - one_char) < 4 * PT_PER_MM, "双页页码应居左空一字"
        if not ok:
            out.append(Finding("measured", "page-number-side", "7.5", "error",
                               f"{where}，实际在距版心左缘 {(line.left - LEFT) / PT_PER_MM:.0f} mm 处。",
                               number))  # fmt: skip
        below = ((line.top + line.bottom) / 2 - BOTTOM) / PT_PER_MM
        if not 3 <= below <= 12:
            out.append(Finding("measured", "page-number-height", "7.5", "warning",
                               f"页码距版心下缘约 {below:.0f} mm，国标为一字线距版心下缘 7 mm。",
                               number))  # fmt: skip
    return out


def _signature(pages: Sequence[Sequence[Line]], doc: DocText) -> list[Finding]:
    if not doc.date:
        return []
    for number in range(len(pages), 0, -1):
        body = [line for line in pages[number - 1] if line.top < BOTTOM]
        texts = [_squash(line.text) for line in body]
        if doc.date not in texts:
            continue
        others = [t for t in texts if t not in (doc.date, doc.signature)]
        if not others:
            return [
                Finding("measured", "signature-alone", "7.3.5.5", "error",
                        "署名和成文日期单独排在一页，前面没有正文；"
                        "应调整行距或字距使其与正文同页（不得标“此页无正文”）。", number)
            ]  # fmt: skip
        return []
    return []


def _imprint_page(pages: Sequence[Sequence[Line]], doc: DocText) -> int | None:
    """The page that holds the 版记's (or 报尾's) last line."""
    if not doc.imprint:
        return None
    last = doc.imprint[-1][:6]
    found = [n for n, page in enumerate(pages, 1) for line in page if last in _squash(line.text)]
    return found[-1] if found else None


def _imprint(pages: Sequence[Sequence[Line]], doc: DocText, letter: bool) -> list[Finding]:
    if not doc.imprint or not pages:
        return []
    last = [line for line in pages[-1] if line.top < BOTTOM]
    hits = [
        line
        for line in last
        if _squash(line.text) and doc.imprint[-1].startswith(_squash(line.text)[:6])
    ]
    if not hits:
        return [Finding("measured", "imprint-page", "7.4.1", "error",
                        "版记（报尾）不在最后一页。", len(pages))]  # fmt: skip
    out = []
    gap = (BOTTOM - last[-1].bottom) / PT_PER_MM
    if gap > 8:
        out.append(
            Finding("measured", "imprint-position", "7.4.1", "error",
                    f"版记（报尾）没有排在最后一页的版心底部，下方空出约 {gap:.0f} mm；"
                    "其最后一条分隔线应与版心下缘重合。", len(pages))
        )  # fmt: skip
    # A formal 公文 (its 版记 ends with the 印发 line; a 信函's has none, 10.1) is printed on
    # both sides (6.2): its last page, the 版记's, is the back of the last sheet.
    if len(pages) % 2 and not letter and any(_PRINTED.search(t) for t in doc.imprint):
        out.append(
            Finding("measured", "imprint-odd-page", "7.4.1", "error",
                    f"版记排在第 {len(pages)} 页，是奇数页：公文双面印制（6.2），版记应在最后一页、"
                    "即末张纸的背面（偶数页）。在版记前插入“偶数页”分节符，其前的空白页和版记页"
                    "都不编排页码（7.5）。", len(pages))
        )  # fmt: skip
    return out


def doc_text(paragraphs: Sequence[object]) -> DocText:
    """Pick the body text, 署名, 成文日期 and 版记 from the paragraphs of the docx reader."""
    # Table cells are left out: LibreOffice prints a table row by row, and pdftotext may read
    # it column by column; the text around a table is skipped over (see _lost).
    body = [p for p in paragraphs if getattr(p, "location", "") == "正文"]
    texts = [
        (_squash(getattr(p, "label", "") + getattr(p, "text", "")), getattr(p, "style", ""))
        for p in body
    ]
    by_style = {style: text for text, style in texts if style}
    date = by_style.get("RG Date") or next(
        (t for t, _ in reversed(texts) if _DATE.fullmatch(t)), ""
    )
    signature = by_style.get("RG Signature", "")
    if not signature and date:
        index = max(i for i, (t, _) in enumerate(texts) if t == date)
        signature = next((t for t, _ in reversed(texts[:index]) if t), "")
    # The 版记 is body text, a text box's (ours) or a table's (a common hand-made one).
    boxed = [
        (_squash(getattr(p, "text", "")), getattr(p, "style", ""))
        for p in paragraphs
        if getattr(p, "location", "").startswith(("正文", "文本框", "表格", "内容控件"))
    ]
    imprint = tuple(
        t
        for t, style in boxed
        if style == "RG Distribution" or t.startswith(_IMPRINT) or _PRINTED.search(t)
    )
    return DocText("".join(t for t, _ in texts), signature, date, imprint)
