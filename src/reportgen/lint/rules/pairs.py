"""Rule ``unpaired-punctuation``: quotes, book-title marks and brackets that open and never close."""

# ruff: noqa: RUF001, RUF002  (full-width marks are the subject)

from __future__ import annotations

from collections.abc import Iterator

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_PAIRS = {"“": "”", "《": "》", "（": "）", "〔": "〕"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_MARKS = frozenset(_PAIRS) | frozenset(_CLOSERS)


class UnpairedPunctuationRule(Rule):
    """Finds “ ” 《 》 （ ） 〔 〕 without their partner in the same paragraph.

    Why: GB/T 15834 has these marks in pairs; a lost ” or ） is a cut-and-paste slip that
    changes where a quotation or a title ends. Each kind is counted on its own within one
    paragraph. A quotation of several paragraphs opens every paragraph with “ and closes only
    the last (GB/T 15834 4.1.3.2), so an unclosed “ followed by a paragraph that opens with “ is
    fine; so is a list label such as ``1）`` at the start of a paragraph.

    Example: ``按照《关于加强基层治理的意见要求`` → ``《`` (the closing 》 is missing).
    """

    id = "unpaired-punctuation"
    severity = "warning"
    title = "成对标点不成对"
    source_level = "GB/T 15834"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        paragraphs = source.paragraphs
        for index, paragraph in enumerate(paragraphs):
            piece = text[paragraph.start : paragraph.end]
            if not _MARKS.intersection(piece):
                continue
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            next_opens_quote = following is not None and text[
                following.start : following.end
            ].lstrip(" \u3000\t").startswith("“")
            for offset, mark in _unpaired(piece):
                if mark == "“" and next_opens_quote:
                    continue
                if mark == "）" and _is_list_label(piece, offset):
                    continue
                partner = _PAIRS.get(mark) or _CLOSERS[mark]
                yield Hit(
                    paragraph.start + offset,
                    paragraph.start + offset + 1,
                    f"“{mark}”没有与之成对的“{partner}”：应补上或删去（GB/T 15834 成对使用）",
                )


def _unpaired(piece: str) -> list[tuple[int, str]]:
    """Offsets and marks left unpaired, each kind counted apart, in order."""
    open_at: dict[str, list[int]] = {opener: [] for opener in _PAIRS}
    lone: list[tuple[int, str]] = []
    for offset, char in enumerate(piece):
        if char in _PAIRS:
            open_at[char].append(offset)
        elif char in _CLOSERS:
            stack = open_at[_CLOSERS[char]]
            if stack:
                stack.pop()
            else:
                lone.append((offset, char))
    lone.extend((offset, opener) for opener, stack in open_at.items() for offset in stack)
    return sorted(lone)


def _is_list_label(piece: str, offset: int) -> bool:
    head = piece[:offset].lstrip(" \u3000\t")
    return (head.isdigit() and len(head) <= 2) or (
        len(head) == 1 and head in "一二三四五六七八九十abcdefgh"
    )
