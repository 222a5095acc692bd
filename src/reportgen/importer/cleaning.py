"""Cleaning text that was extracted from a PDF or copied from a web page.

Such text has hard line breaks in the middle of sentences, full-width indents (``　　``) at the
start of paragraphs, page numbers (``— 3 —``) standing alone, and headings printed twice in a
row. :func:`clean_lines` turns its lines into paragraphs again:

* page numbers are dropped, so a sentence broken over a page joins up again;
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
from reportgen.importer.lines import ends_sentence

_PAGE_NUMBER = re.compile(
    r"^[\s　]*(?:[—–\-－]+[\s　]*\d{1,4}[\s　]*[—–\-－]+|第[\s　]*\d{1,4}[\s　]*页(?:[\s　]*[，,/]?[\s　]*共[\s　]*\d{1,4}[\s　]*页)?|\d{1,4}[\s　]*/[\s　]*\d{1,4}|\d{1,3})[\s　]*$"
)
_INDENT = re.compile(r"^(?:　+|[ \t]{2,})")
#: Widths within this many half-width cells of the widest full line count as full.
_SLACK = 8
_HEADING_MAX = 40  # characters: a repeated line longer than this is not a heading


@dataclass(frozen=True)
class Cleaned:
    lines: list[tuple[str, int]]  # (paragraph text, its first line number)
    dropped_pages: int
    dropped_repeats: list[str]
    joined: int


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line)) and bool(line.strip())


def clean_lines(raw: list[str], first_line: int = 1) -> Cleaned:
    """Paragraphs of ``raw`` lines (numbered from ``first_line``), each with its first line."""
    numbered = [(line.replace("\f", "").rstrip(), first_line + i) for i, line in enumerate(raw)]
    pages = [item for item in numbered if is_page_number(item[0])]
    kept = [item for item in numbered if item[0].strip() and not is_page_number(item[0])]
    kept, repeats = _drop_repeats(kept)
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
    return Cleaned(out, len(pages), repeats, joined)


def _drop_repeats(lines: list[tuple[str, int]]) -> tuple[list[tuple[str, int]], list[str]]:
    kept: list[tuple[str, int]] = []
    repeats: list[str] = []
    for line, number in lines:
        text = line.strip(" 　\t")
        if (
            kept
            and text == kept[-1][0].strip(" 　\t")
            and len(text) <= _HEADING_MAX
            and not ends_sentence(text)
        ):
            repeats.append(text)
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
    return not split_draft_label(line.strip(" 　\t"))[0]
