"""What the readers hand to the segmenter: the draft's paragraphs, with heading numbers split off.

A heading number is either typed (``二、以学促干…``) or drawn by Word's automatic numbering
(:attr:`DocxParagraph.label`); both end up in :attr:`Para.label`, and
:func:`reportgen.gongwen.headings.draft_label_level` tells which of the four 公文 levels it is.
"""

# Full-width brackets and stops are what drafters type: matching them is the point.

from __future__ import annotations

from dataclasses import dataclass

from reportgen.gongwen.headings import split_draft_label

#: Between the cells of a table row imported as one paragraph.
CELL_SEPARATOR = "｜"

#: Characters that end a sentence: a line ending in one of them is complete. A closing quote
#: ends one only after one of these (``……。”``); ``学习“三问”`` may go on.
SENTENCE_END = "。！？；：…!?;:"
_CLOSERS = "”’」』）)"


@dataclass(frozen=True)
class Para:
    """One paragraph of a draft.

    ``label`` is its heading number ("二、", "（一）"), "" for none; ``text`` comes without it.
    ``outline`` is a heading level the format itself declares (Markdown ``#`` count, Word's
    outline level), None for body text. ``line`` is where it starts in the draft, for messages.
    ``gap``: a blank line (an empty paragraph) stands before it, which ends a multi-line title.
    ``table``: the number of the table the paragraph is a row of (cells joined by
    :data:`CELL_SEPARATOR`); a row is never a heading of the text around it.
    """

    text: str
    label: str = ""
    outline: int | None = None
    line: int | None = None
    gap: bool = False
    table: int | None = None

    @property
    def full(self) -> str:
        """The paragraph as the draft shows it, number included."""
        return self.label + self.text


@dataclass(frozen=True)
class Dropped:
    """A line of the draft that is not in the YAML, with why (shown to the user, Chinese)."""

    line: int | None
    text: str
    reason: str


def ends_sentence(text: str) -> bool:
    text = text.rstrip(" 　\t")
    while text and text[-1] in _CLOSERS and len(text) > 1 and text[-2] in SENTENCE_END + _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def split_label(text: str) -> tuple[str, str]:
    """A typed heading number and the rest, the number keeping the space typed after it
    (``1. 会议时间``), so that the line is written back as it was."""
    label, rest = split_draft_label(text)
    return (text[: len(text) - len(rest)], rest) if label else ("", text)
