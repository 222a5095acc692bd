"""Rule ``unpaired-punctuation``: quotes, book-title marks and brackets that open and never close."""

# ruff: noqa: RUF001, RUF002  (full-width marks are the subject)

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reportgen import patterns
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_PAIRS = {"“": "”", "《": "》", "（": "）", "〔": "〕"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_MARK = patterns.compile("[“”《》（）〔〕]")  # the marks alone are visited, not every character
_QUOTE_REACH = 5  # paragraphs after an opener in which its closer may stand


class UnpairedPunctuationRule(Rule):
    """Finds “ ” 《 》 （ ） 〔 〕 without their partner in the same paragraph.

    Why: GB/T 15834 has these marks in pairs; a lost ” or ） is a cut-and-paste slip that
    changes where a quotation or a title ends. Each kind is counted on its own within one
    paragraph. A quotation of several paragraphs opens every paragraph with “ and closes only
    the last (GB/T 15834 4.1.3.2), so an unclosed “ followed by a paragraph that opens with “ is
    fine; so is a list label such as ``1）`` at the start of a paragraph, a title wrapped over two
    lines of a .txt, a run such as ``》》`` (decoration), and an opener in an excerpt cut off
    mid-sentence.

    Example: ``按照《关于加强基层治理的意见要求`` → ``《`` (the closing 》 is missing).
    """

    id = "unpaired-punctuation"
    severity = "warning"
    title = "成对标点不成对"
    source_level = "GB/T 15834"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        lone: list[tuple[int, str]] = []
        for paragraph in source.paragraphs:
            found = _unpaired(text, paragraph.start, paragraph.end)
            if any(mark in _PAIRS for _, mark in found) and _is_cut(
                text[paragraph.start : paragraph.end]
            ):
                found = [(offset, mark) for offset, mark in found if mark not in _PAIRS]
            lone.extend(found)
        lone = _paired_across_lines(text, lone)
        for offset, mark in lone:
            if _is_decoration(text, offset) or (mark == "）" and _is_list_label(text, offset)):
                continue
            partner = _PAIRS.get(mark) or _CLOSERS[mark]
            yield Hit(
                offset,
                offset + 1,
                f"“{mark}”没有与之成对的“{partner}”：应补上或删去（GB/T 15834 成对使用）",
            )


def _unpaired(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Offsets and marks of ``text[start:end]`` left unpaired, each kind counted apart, in
    order."""
    open_at: dict[str, list[int]] = {}  # made as marks come: most paragraphs have few kinds
    lone: list[tuple[int, str]] = []
    for found in _MARK.finditer(text, start, end):
        offset = found.start()
        char = text[offset]
        opener = _CLOSERS.get(char)
        if opener is None:
            open_at.setdefault(char, []).append(offset)
        elif open_at.get(opener):
            open_at[opener].pop()
        else:
            lone.append((offset, char))
    lone.extend((offset, opener) for opener, stack in open_at.items() for offset in stack)
    return sorted(lone) if len(lone) > 1 else lone


def _paired_across_lines(text: str, lone: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop an opener left open at a paragraph's end that one of the next few paragraphs
    closes (a title wrapped over two lines of a .txt, a quotation of several paragraphs), and
    a quotation's “ whose next paragraph opens with “ again. Bisects, so a line of a hundred
    thousand lone marks costs no more than reading it."""
    breaks = [found.start() for found in re.finditer("\n", text)]
    closers: dict[str, list[int]] = {}
    for offset, mark in lone:
        if mark in _CLOSERS:
            closers.setdefault(mark, []).append(offset)
    used: set[int] = set()
    kept: list[tuple[int, str]] = []
    for offset, mark in lone:
        if mark not in _PAIRS:
            kept.append((offset, mark))
            continue
        line = bisect.bisect_left(breaks, offset)
        if line >= len(breaks):
            kept.append((offset, mark))
            continue
        next_start = breaks[line] + 1
        # the closer may come a few paragraphs on: a quotation of several paragraphs
        reach = line + _QUOTE_REACH
        next_end = breaks[reach] if reach < len(breaks) else len(text)
        line_end = breaks[line + 1] if line + 1 < len(breaks) else len(text)
        if mark == "“" and text[next_start:line_end].lstrip(" \u3000\t").startswith("“"):
            continue
        candidates = closers.get(_PAIRS[mark], [])
        found = bisect.bisect_left(candidates, next_start)
        if found < len(candidates) and candidates[found] < next_end:
            used.add(candidates.pop(found))
        else:
            kept.append((offset, mark))
    return [(offset, mark) for offset, mark in kept if offset not in used]


def _is_cut(piece: str) -> bool:
    """An excerpt cut off mid-sentence (``…``, ``...``, or a long line without a final mark):
    what it opened may close in the part that is missing."""
    tail = piece.rstrip()
    if tail.endswith(("…", "...")):
        return True
    return len(tail) > 100 and tail[-1:] not in "。！？；：”’》）〕.!?;:"


def _is_decoration(text: str, offset: int) -> bool:
    """》》点击进入《《: a run of the same mark is decoration of a web page, not a pair."""
    mark = text[offset]
    return (offset > 0 and text[offset - 1] == mark) or text[offset + 1 : offset + 2] == mark


def _is_list_label(text: str, offset: int) -> bool:
    window = text[max(0, offset - 6) : offset]  # a label is a few characters at a line start
    cut = window.rfind("\n")
    if cut < 0 and offset > 6:
        return False
    head = window[cut + 1 :].lstrip(" \u3000\t")
    return (head.isdigit() and len(head) <= 2) or (
        len(head) == 1 and head in "一二三四五六七八九十abcdefgh"
    )
