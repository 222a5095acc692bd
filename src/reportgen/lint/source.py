"""The text a lint rule reads, whatever file it came from, and how to map offsets back.

A :class:`Source` is one string, ``text``, made of *units* (a .txt file is one unit; a .docx
paragraph or a YAML string is one) joined by newlines, so one regular expression can scan a
whole file at once. Each unit is cut into *anchors*: an anchor says that the character at
``offset`` in ``text`` sits at ``line``:``column`` in the file (and ``location`` in a .docx).
Finding the place of any offset is a bisect over the anchor offsets.

``paragraphs`` are the units' lines as a reader sees paragraphs: for rules that compare
paragraphs (heading numbering, repeated paragraphs).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset in Source.text
    end: int
    label: str = ""  # automatic numbering label in .docx ("二、"), "" elsewhere
    location: str | None = None  # where a .docx paragraph stands (正文, 表格1 …)


@dataclass(frozen=True)
class Place:
    line: int
    column: int
    location: str | None
    context: str | None = None  # in a .docx: where a Word user finds the paragraph


@dataclass
class Source:
    """Checkable text of one file with its mapping back to lines and columns."""

    path: str
    markdown: bool = False
    #: In a report YAML: each declared figure's name and whether it has a value. ``{{ 名称 }}``
    #: there refers to a figure and is a placeholder only while the figure has no value.
    figures: dict[str, bool] | None = None
    #: Which of those names are fields of the kind's own (联系人 …) rather than figures.
    fields: frozenset[str] = frozenset()
    #: For a kind definition file (``id:`` + ``sections:``): what is wrong with it as a kind,
    #: ``[]`` when nothing. ``None`` for drafts. A kind file's guidance and defaults hold
    #: ``XX`` and 【待补】 on purpose, so only the ``kind-file`` rule reads it.
    kind_problems: list[tuple[int, str]] | None = None  # (offset in text, message)
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    _offsets: list[int] = field(default_factory=list)
    _places: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _length: int = 0

    def add_unit(
        self,
        text: str,
        anchors: Sequence[tuple[int, int, int]],
        *,
        location: str | None = None,
        label: str = "",
        split_paragraphs: bool = True,
        context: str | None = None,
    ) -> None:
        """Append a unit; ``anchors`` are ``(offset in text, line, column)``, the first at 0.

        Paragraphs are the unit's lines (``split_paragraphs``) or the whole unit (a .docx
        paragraph, whose line breaks are soft). ``label`` goes to the first paragraph.
        """
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        base = self._length
        for offset, line, column in anchors:
            self._offsets.append(base + offset)
            self._places.append((line, column, location, context))
        pieces = text.split("\n") if split_paragraphs else [text]
        piece_start = base
        for piece in pieces:
            if piece.strip():
                self.paragraphs.append(
                    Paragraph(piece_start, piece_start + len(piece), label, location)
                )
                label = ""
            piece_start += len(piece) + 1
        self._parts.append(text)
        self._length += len(text)

    def finish(self) -> Source:
        self.text = "".join(self._parts)
        self._parts = []
        return self

    def place(self, offset: int) -> Place:
        """Line, column and location of the character at ``offset``."""
        index = bisect.bisect_right(self._offsets, offset) - 1
        line, column, location, context = self._places[max(index, 0)]
        return Place(line, column + offset - self._offsets[max(index, 0)], location, context)


def line_anchors(text: str, line: int = 1, column: int = 1) -> list[tuple[int, int, int]]:
    """Anchors for text whose first line starts at ``line``:``column``, the others at column 1."""
    anchors = [(0, line, column)]
    found = text.find("\n")
    while found >= 0:
        line += 1
        anchors.append((found + 1, line, 1))
        found = text.find("\n", found + 1)
    return anchors


def source_from_text(path: str, text: str, *, markdown: bool = False) -> Source:
    """A source whose lines are the lines of ``text`` (a .txt or .md file)."""
    source = Source(path, markdown=markdown)
    source.add_unit(text, line_anchors(text))
    return source.finish()
