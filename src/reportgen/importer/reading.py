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
from reportgen.importer.cleaning import PAGE_NUMBER, clean_lines, is_page_number
from reportgen.importer.lines import CELL_SEPARATOR, Dropped, Para, split_label

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
    dropped: list[Dropped] = field(default_factory=list)


def read_draft(path: Path) -> Reading:
    """The paragraphs of the draft at ``path``; UsageError for a file that cannot be read."""
    from reportgen.textio import read_bytes, read_text

    if not path.is_file():
        read_bytes(path)  # names what is wrong: missing, a folder, unreadable
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from reportgen.importer.wordread import read_word

        return read_word(path)
    if suffix not in SUFFIXES:
        raise UsageError.at(
            f"不能导入 {path.suffix or '无扩展名'} 文件",
            path,
            hint="请导入 .docx、.txt 或 .md 草稿；.doc 或 .wps 请先在 Word/WPS 中另存为 .docx",
        )
    text = read_text(path)
    meta, text, skipped = _front_matter(text)
    if suffix in (".md", ".markdown"):
        return _markdown(text, skipped + 1, meta)
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
    if cleaned.joined:
        notes.append(f"已把断在句子中间的 {cleaned.joined} 行接回所在段落，请核对分段")
    paras = []
    for line, number in cleaned.lines:
        label, rest = split_label(line)
        paras.append(Para(rest, label, None, number, number in cleaned.after_blank))
    return Reading(paras, meta, notes, cleaned.dropped)


# --- Markdown -------------------------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_BULLET = re.compile(r"^[ \t]*[-+*][ \t]+")
_MD_QUOTE = re.compile(r"^[ \t]*>[ \t]?")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_MD_FENCE = re.compile(r"^[ \t]*(```|~~~)")
_MD_ORDERED = re.compile(r"^[ \t]*\d{1,2}[.)．][ \t]")
_MD_TABLE_RULE = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$"
)
TABLE_RULE = "Markdown 表格的分隔行"
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_CODE = re.compile(r"`([^`\n]+)`")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_MD_EMPHASIS = re.compile(
    r"(?<![*_\\])(\*{1,3}|_{1,3})(?=[^\s*_])(.{1,200}?)(?<=[^\s\\])\1(?![*_])"
)
#: Emphasis is looked for only in paragraphs with at most this many * and _: each try scans up
#: to 200 characters, so the work stays linear on a line of 300,000 stars.
_MD_EMPHASIS_MARKS = 2000


def _markdown(text: str, first_line: int, meta: dict[str, str]) -> Reading:
    paras: list[Para] = []
    dropped: list[Dropped] = []
    block: list[str] = []
    start = first_line
    fenced = False
    tables = 0
    in_table = False

    def flush() -> None:
        if block:
            joined = _join_md(block)
            if is_page_number(joined):
                dropped.append(Dropped(start, joined.strip(" 　"), PAGE_NUMBER))
            elif joined:
                label, rest = split_label(joined)
                paras.append(Para(rest, label, None, start, gap=True))
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
        if _MD_TABLE_RULE.match(line) and "|" in line:
            flush()
            dropped.append(Dropped(number, line.strip(), TABLE_RULE))
            continue
        if line.count("|") >= 2:  # a row of a pipe table: a paragraph of its own
            flush()
            tables += not in_table
            in_table = True
            cells = [_inline(cell).strip(" 　\t") for cell in line.strip().strip("|").split("|")]
            paras.append(Para(CELL_SEPARATOR.join(cells), "", None, number, table=tables))
            continue
        in_table = False
        heading = _MD_HEADING.match(line)
        # Drafts copied into .md keep a paragraph a line: a numbered line starts a new one.
        numbered = _MD_ORDERED.match(line) or split_label(_inline(line).strip(" 　\t"))[0]
        if (
            heading
            or numbered
            or not line.strip()
            or _MD_RULE.match(line)
            or _MD_BULLET.match(line)
        ):
            flush()
        if heading:
            label, rest = split_label(_inline(heading.group(2)))
            paras.append(Para(rest, label, len(heading.group(1)), number, gap=True))
        elif line.strip() and not _MD_RULE.match(line):
            if not block:
                start = number
            block.append(_inline(_MD_BULLET.sub("", line)).strip(" 　\t"))
            if numbered:
                flush()  # a numbered line is a paragraph (or heading) of its own
    flush()
    return Reading([p for p in paras if p.text or p.label], meta, dropped=dropped)


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
    marks = text.count("*") + text.count("_")
    for pair in _MD_EMPHASIS.finditer(text) if marks <= _MD_EMPHASIS_MARKS else ():
        if pair.start() in placeholder_starts or pair.end(2) in placeholder_starts:
            continue
        pieces.append(text[cursor : pair.start()] + pair.group(2))
        cursor = pair.end()
    text = "".join(pieces) + text[cursor:]
    return _MD_ESCAPE.sub(r"\1", html.unescape(text))
