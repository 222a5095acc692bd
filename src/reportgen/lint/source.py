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
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    start: int  # offset in Source.text
    end: int
    label: str = ""  # automatic numbering label in .docx ("二、"), "" elsewhere


@dataclass(frozen=True)
class Place:
    line: int
    column: int
    location: str | None


_LINE_BREAK = re.compile(r"\n")


@dataclass
class Source:
    """Checkable text of one file with its mapping back to lines and columns."""

    path: str
    markdown: bool = False
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    _offsets: list[int] = field(default_factory=list)
    _places: list[tuple[int, int, str | None]] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _length: int = 0

    def add_unit(
        self,
        text: str,
        line: int,
        column: int = 1,
        *,
        location: str | None = None,
        label: str = "",
        line_columns: list[int] | None = None,
    ) -> None:
        """Append a unit that starts at ``line``:``column``.

        Each further line of ``text`` starts at column 1 of the next file line unless
        ``line_columns`` gives the column of each line (YAML block scalars are indented).
        Newlines inside a unit make separate paragraphs; ``label`` goes to the first.
        """
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        base = self._length
        line_start = 0
        for index, piece in enumerate(text.split("\n")):
            start_column = column if index == 0 else 1
            if line_columns is not None and index < len(line_columns):
                start_column = line_columns[index]
            self._offsets.append(base + line_start)
            self._places.append((line + index, start_column, location))
            if piece.strip():
                self.paragraphs.append(
                    Paragraph(base + line_start, base + line_start + len(piece), label)
                )
            label = ""
            line_start += len(piece) + 1
        self._parts.append(text)
        self._length += len(text)

    def finish(self) -> Source:
        self.text = "".join(self._parts)
        self._parts = []
        return self

    def place(self, offset: int) -> Place:
        """Line, column and location of the character at ``offset``."""
        index = bisect.bisect_right(self._offsets, offset) - 1
        line, column, location = self._places[max(index, 0)]
        return Place(line, column + offset - self._offsets[max(index, 0)], location)


def source_from_text(path: str, text: str, *, markdown: bool = False) -> Source:
    """A source whose lines are the lines of ``text`` (a .txt or .md file)."""
    source = Source(path, markdown=markdown)
    source.add_unit(text, 1)
    return source.finish()
