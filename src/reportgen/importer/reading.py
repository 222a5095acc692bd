"""Reading a draft (.txt, .md, .docx) into paragraphs with their heading numbers.

Each format has its reader; all hand back a :class:`Reading`: the paragraphs in order, the
metadata the file declares apart from its text (a front matter's ``title``/``date``/``author``),
and notes for the user about what was cleaned away.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import UsageError
from reportgen.gongwen.headings import draft_label_level, split_draft_label
from reportgen.importer.cleaning import clean_lines, is_page_number
from reportgen.importer.lines import Para

SUFFIXES = (".txt", ".md", ".markdown", ".docx")

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_KEY = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_HTML_BLOCK = re.compile(r"<(?:p|div|br|h[1-6]|li|tr|table|section|article)\b", re.IGNORECASE)
_HTML_BREAK = re.compile(
    r"<\s*(?:br\s*/?|/\s*(?:p|div|h[1-6]|li|tr|table|section|article))\s*>", re.IGNORECASE
)
_HTML_TAG = re.compile(r"<[^<>\n]+>")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass
class Reading:
    paras: list[Para]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def read_draft(path: Path) -> Reading:
    """The paragraphs of the draft at ``path``; UsageError for a file that cannot be read."""
    from reportgen.textio import read_bytes, read_text

    if not path.is_file():
        read_bytes(path)  # names what is wrong: missing, a folder, unreadable
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _read_docx(path)
    if suffix not in SUFFIXES:
        raise UsageError.at(
            f"不能导入 {path.suffix or '无扩展名'} 文件",
            path,
            hint="请导入 .docx、.txt 或 .md 草稿；.doc 或 .wps 请先在 Word/WPS 中另存为 .docx",
        )
    text = read_text(path)
    meta, text, skipped = _front_matter(text)
    if suffix in (".md", ".markdown"):
        return Reading(_markdown_paras(text, skipped + 1), meta)
    return _read_plain(text, meta, skipped + 1)


def _front_matter(text: str) -> tuple[dict[str, str], str, int]:
    """The ``key: value`` pairs of a leading ``---`` block, the rest, and the lines it took."""
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text, 0
    meta = {}
    for line in found.group(1).splitlines():
        pair = _FRONT_KEY.match(line)
        if pair and pair.group(2):
            meta[pair.group(1).lower()] = pair.group(2).strip("'\"")
    return meta, text[found.end() :], text[: found.end()].count("\n")


def _read_plain(text: str, meta: dict[str, str], first_line: int) -> Reading:
    notes = []
    if _HTML_BLOCK.search(text):
        text = _HTML_COMMENT.sub("", text)
        text = html.unescape(_HTML_TAG.sub("", _HTML_BREAK.sub("\n", text)))
        text = text.replace("\xa0", " ")
        notes.append("草稿含 HTML 标记，已去掉标记只保留文字")
    cleaned = clean_lines(text.split("\n"), first_line)
    if cleaned.dropped_pages:
        notes.append(f"已去掉 {cleaned.dropped_pages} 个单独成行的页码")
    if cleaned.dropped_repeats:
        shown = "、".join(f"“{t}”" for t in cleaned.dropped_repeats[:3])
        notes.append(f"已去掉连续重复的标题行 {len(cleaned.dropped_repeats)} 处（如 {shown}）")
    if cleaned.joined:
        notes.append(f"已把断在句子中间的 {cleaned.joined} 行接回所在段落，请核对分段")
    paras = []
    for line, number in cleaned.lines:
        label, rest = split_draft_label(line)
        paras.append(Para(rest, label, None, number))
    return Reading(paras, meta, notes)


# --- Markdown -------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_BULLET = re.compile(r"^[ \t]*[-+*][ \t]+")
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_MD_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_EMPHASIS = re.compile(r"(?<![*_\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.+?)(?<=[^\s\\])\1(?![*_])")


def _markdown_paras(text: str, first_line: int) -> list[Para]:
    paras: list[Para] = []
    block: list[str] = []
    start = first_line
    fenced = False

    def flush() -> None:
        if block:
            joined = _join_md(block)
            if joined and not is_page_number(joined):
                label, rest = split_draft_label(joined)
                paras.append(Para(rest, label, None, start))
            block.clear()

    for number, raw in enumerate(text.split("\n"), start=first_line):
        if _MD_FENCE.match(raw):
            flush()
            fenced = not fenced
            continue
        if fenced:
            if raw.strip():
                paras.append(Para(raw.strip(), "", None, number))
            continue
        line = _MD_QUOTE.sub("", raw).rstrip()
        heading = _MD_HEADING.match(line)
        if heading or not line.strip() or _MD_RULE.match(line) or _MD_BULLET.match(line):
            flush()
        if heading:
            label, rest = split_draft_label(_inline(heading.group(2)))
            paras.append(Para(rest, label, len(heading.group(1)), number))
        elif line.strip() and not _MD_RULE.match(line):
            if not block:
                start = number
            block.append(_inline(_MD_BULLET.sub("", line)).strip(" 　\t"))
    flush()
    return [p for p in paras if p.text or p.label]


def _join_md(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        space = " " if text[-1:].isascii() and line[:1].isascii() and text[-1:].isalnum() else ""
        text += space + line
    return text


def _inline(text: str) -> str:
    """Markdown inline markup removed; placeholders such as ``*.**`` and ``**%`` stay."""
    from reportgen.gongwen.placeholders import find_placeholders

    text = _MD_LINK.sub(r"\1", _MD_CODE.sub(r"\1", text))
    placeholder_starts = {match.start for match in find_placeholders(text, markdown=True)}
    pieces, cursor = [], 0
    for pair in _MD_EMPHASIS.finditer(text):
        if pair.start() in placeholder_starts or pair.end(2) in placeholder_starts:
            continue
        pieces.append(text[cursor : pair.start()] + pair.group(2))
        cursor = pair.end()
    text = "".join(pieces) + text[cursor:]
    return _MD_ESCAPE.sub(r"\1", html.unescape(text))


# --- Word -----------------------------------------------------------------------------------

_BODY_PLACES = ("正文", "表格", "文本框", "内容控件")
_TITLE_STYLES = ("title", "标题", "rg title")


def _read_docx(path: Path) -> Reading:
    from reportgen.docx import read_docx

    paras: list[Para] = []
    furniture, notes_skipped, tables = 0, 0, False
    for paragraph in read_docx(path):
        text = paragraph.text.strip(" 　\t\n")
        if not text and not paragraph.label:
            continue
        if not paragraph.location.startswith(_BODY_PLACES):
            if paragraph.location in ("页眉", "页脚"):
                furniture += not is_page_number(text)
            else:
                notes_skipped += 1
            continue
        tables = tables or paragraph.location.startswith("表格")
        label = paragraph.label if draft_label_level(paragraph.label) else ""
        outline = paragraph.outline_level
        if (paragraph.style or "").lower() in _TITLE_STYLES:
            outline = 0
            # A long title is broken into lines inside its paragraph (Shift+Enter, or the
            # renderer's balanced breaks): the lines are one title.
            text = "".join(piece.strip(" 　\t") for piece in text.split("\n"))
        pieces = [piece.strip(" 　\t") for piece in text.split("\n")]
        pieces = [piece for piece in pieces if piece]
        for index, piece in enumerate(pieces):
            if label or index:
                paras.append(
                    Para(
                        piece,
                        label if not index else "",
                        outline if not index else None,
                        paragraph.number,
                    )
                )
            else:
                typed, rest = split_draft_label(piece)
                paras.append(Para(rest, typed, outline, paragraph.number))
    reading = Reading(paras)
    if furniture:
        reading.notes.append(
            f"页眉页脚中的 {furniture} 段文字未导入（通常是页码或文件名），如需保留请手工补入"
        )
    if notes_skipped:
        reading.notes.append(f"脚注、尾注中的 {notes_skipped} 段文字未导入，请手工补入正文")
    if tables:
        reading.notes.append("表格中的文字已按段落导入，表格需在成稿中重新制作")
    return reading
