"""Cleaning text that was extracted from a PDF or copied from a web page.

Such text has hard line breaks in the middle of sentences, full-width indents (``　　``) at the
start of paragraphs, page numbers (``— 3 —``) standing alone, and headings printed twice in a
row. :func:`clean_lines` turns its lines into paragraphs again:

* page numbers are dropped, so a sentence broken over a page joins up again; only lines in the
  shapes of one (``— 3 —``, ``- 3 -``, ``第3页``): a bare ``45`` may be a table cell;
* a line repeating the one before it (a short line: a heading) is dropped;
* a line joins the one before when that one runs to the full width of the text and does not end
  a sentence, unless the line opens a paragraph (indent, heading number).

The full width is found from the text itself: extracted text has many lines of nearly the same
display width. Text without such lines (one paragraph a line) is never joined.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from reportgen.gongwen.headings import split_draft_label
from reportgen.importer.lines import Dropped, ends_sentence

_PAGE_NUMBER = re.compile(
    r"^[\s　]*(?:[—–\-－]+[\s　]*\d{1,4}[\s　]*[—–\-－]+"
    r"|第[\s　]*\d{1,4}[\s　]*页(?:[\s　]*[，,/]?[\s　]*共[\s　]*\d{1,4}[\s　]*页)?)[\s　]*$"
)
PAGE_NUMBER = "页码"
REPEATED = "与上一行重复的标题（PDF 或网页复制时常见）"
_INDENT = re.compile(r"^(?:　+|[ \t]{2,})")
_SPACED = re.compile(r"[ 　]{2,}|\t")
_LABELLED = re.compile(r"^[-·•*]?\s*[^\s:：，。]{1,8}[:：]")
#: Widths within this many half-width cells of the widest full line count as full.
_SLACK = 8
_HEADING_MAX = 40  # characters: a repeated line longer than this is not a heading


@dataclass(frozen=True)
class Cleaned:
    lines: list[tuple[str, int]]  # (paragraph text, its first line number)
    dropped: list[Dropped]
    joined: int
    #: Line numbers that follow a blank line: where a multi-line title ends.
    after_blank: frozenset[int] = frozenset()


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line)) and bool(line.strip())


def clean_lines(raw: list[str], first_line: int = 1) -> Cleaned:
    """Paragraphs of ``raw`` lines (numbered from ``first_line``), each with its first line."""
    numbered = [(line.replace("\f", "").rstrip(), first_line + i) for i, line in enumerate(raw)]
    dropped = [
        Dropped(number, line.strip(" 　\t"), PAGE_NUMBER)
        for line, number in numbered
        if is_page_number(line)
    ]
    after_blank = frozenset(
        number
        for (line, number), (before, _) in zip(numbered[1:], numbered, strict=False)
        if line.strip() and not before.strip(" 　\t")
    )
    kept = [item for item in numbered if item[0].strip() and not is_page_number(item[0])]
    kept, repeats = _drop_repeats(kept)
    dropped = sorted([*dropped, *repeats], key=lambda item: item.line or 0)
    full = _full_width(kept)
    out: list[tuple[str, int]] = []
    joined = 0
    previous_raw = ""
    for line, number in kept:
        text = line.strip(" 　\t")
        if out and _continues(previous_raw, line, full):
            out[-1] = (out[-1][0] + text, out[-1][1])
            joined += 1
        else:
            out.append((text, number))
        previous_raw = line
    return Cleaned(out, dropped, joined, after_blank)


def _drop_repeats(lines: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[Dropped]]:
    kept: list[tuple[str, int]] = []
    repeats: list[Dropped] = []
    for line, number in lines:
        text = line.strip(" 　\t")
        if (
            kept
            and text == kept[-1][0].strip(" 　\t")
            and len(text) <= _HEADING_MAX
            and not ends_sentence(text)
        ):
            repeats.append(Dropped(number, text, REPEATED))
            continue
        kept.append((line, number))
    return kept, repeats


def _full_width(lines: list[tuple[str, int]]) -> int | None:
    """The least width of a full line when the text was wrapped at a fixed width, else None.

    Wrapped text has most of its lines within a few cells of one width (the most common one);
    digits and Latin letters, half as wide, make the widths spread a little.
    """
    widths = [display_width(line) for line, _ in lines]
    long = [w for w in widths if w >= 30]
    if len(widths) < 4 or not long:
        return None
    common = Counter(long).most_common(1)[0][0]
    near = sum(1 for w in widths if abs(w - common) <= _SLACK)
    if near < max(3, 0.25 * len(widths)):
        return None
    return common - _SLACK


def _continues(previous: str, line: str, full: int | None) -> bool:
    """Whether ``line`` goes on the paragraph that ``previous`` ends."""
    if full is None or display_width(previous) < full:
        return False
    if ends_sentence(previous.rstrip()) or _INDENT.match(line):
        return False
    if any(
        _SPACED.search(text.strip(" 　\t")) or _LABELLED.match(text.strip(" 　\t"))
        for text in (previous, line)
    ):
        return False  # laid out with spaces (a 报头, 发布日期  来源), or a 来源： line
    return not split_draft_label(line.strip(" 　\t"))[0]
