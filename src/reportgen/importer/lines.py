"""What the readers hand to the segmenter: the draft's paragraphs, with heading numbers split off.

A heading number is either typed (``二、以学促干…``) or drawn by Word's automatic numbering
(:attr:`DocxParagraph.label`); both end up in :attr:`Para.label`, and :func:`label_level` tells
which of the four 公文 levels it is.
"""

# Full-width brackets and stops are what drafters type: matching them is the point.

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇"
_LEVELS = (
    (1, re.compile(rf"^[{_CN}]+[、．.](?![\d])")),
    (1, re.compile(rf"^第[{_CN}\d]+(?:部分|章)[、：:\s　]?")),
    (2, re.compile(rf"^[（(][{_CN}]+[）)]")),
    (3, re.compile(r"^\d{1,2}[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
)

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
    """

    text: str
    label: str = ""
    outline: int | None = None
    line: int | None = None

    @property
    def full(self) -> str:
        """The paragraph as the draft shows it, number included."""
        return self.label + self.text


def label_level(label: str) -> int | None:
    """The 公文 level (1–4) of a heading number, None if ``label`` is not one."""
    for level, pattern in _LEVELS:
        if pattern.match(label):
            return level
    return None


def split_label(text: str) -> tuple[str, str]:
    """A typed heading number and the rest: ``"（一）加强领导"`` → ``("（一）", "加强领导")``."""
    for _, pattern in _LEVELS:
        found = pattern.match(text)
        if found and found.end() < len(text):
            return found.group(), text[found.end() :].lstrip(" 　\t")
    return "", text


def ends_sentence(text: str) -> bool:
    text = text.rstrip(" 　\t")
    while text and text[-1] in _CLOSERS and len(text) > 1 and text[-2] in SENTENCE_END + _CLOSERS:
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


def has_cjk(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
