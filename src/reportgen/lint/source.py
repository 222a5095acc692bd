"""The text a lint rule reads, whatever file it came from, and how to map offsets back.

A :class:`Source` is one string, ``text``, made of *units* (a .txt file is one unit; a .docx
paragraph or a YAML string is one) joined by newlines, so one regular expression can scan a
whole file at once. Each unit is cut into *anchors*: an anchor says that the character at
``offset`` in ``text`` sits at ``line``:``column`` in the file (and ``location`` in a .docx).
Finding the place of any offset is a bisect over the anchor offsets.

``paragraphs`` are the units' lines as a reader sees paragraphs: for rules that compare
paragraphs (heading numbering, repeated paragraphs).
"""

import bisect
from array import array
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, overload

#: Characters of parts joined into a chunk as the text is built, so a long document is not held
#: as tens of thousands of small strings (each with its own header) before ``finish``; into
#: chunks, not into one growing string (that would copy the text so far at every join). Chunks
#: this large are given back to the system when ``finish`` frees them; small ones stay in the
#: heap, where the findings' objects do not reuse them (measured on a 2,000-page draft: 128K to
#: 512K characters give the lowest peak, 36 MB, against 39.5 MB for chunks of 512 parts).
_CHUNK_CHARS = 1 << 18


class Paragraph(NamedTuple):
    start: int  # offset in Source.text
    end: int
    label: str = ""  # automatic numbering label in .docx ("二、"), "" elsewhere
    location: str | None = None  # where a .docx paragraph stands (正文, 表格1 …)


class Place(NamedTuple):
    line: int
    column: int
    location: str | None
    context: str | None = None  # in a .docx: where a Word user finds the paragraph


class Paragraphs(Sequence[Paragraph]):
    """A source's paragraphs, stored as columns of numbers (a long .docx has tens of
    thousands) and handed out as :class:`Paragraph` objects when read."""

    def __init__(self) -> None:
        self._starts: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._labels: dict[int, str] = {}
        self._locations: list[str | None] = []

    def append(self, paragraph: Paragraph) -> None:
        if paragraph.label:
            self._labels[len(self._starts)] = paragraph.label
        self._starts.append(paragraph.start)
        self._ends.append(paragraph.end)
        self._locations.append(paragraph.location)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...

    @overload
    def __getitem__(self, index: slice) -> list[Paragraph]: ...

    def __getitem__(self, index: int | slice) -> Paragraph | list[Paragraph]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return Paragraph(
            self._starts[index],
            self._ends[index],
            self._labels.get(index, ""),
            self._locations[index],
        )

    def __iter__(self) -> Iterator[Paragraph]:
        labels = self._labels
        columns = zip(self._starts, self._ends, self._locations, strict=True)
        for index, (start, end, location) in enumerate(columns):
            yield Paragraph(start, end, labels.get(index, ""), location)


class Source:
    """Checkable text of one file with its mapping back to lines and columns."""

    def __init__(
        self,
        path: str,
        markdown: bool = False,
        figures: dict[str, bool] | None = None,
        fields: frozenset[str] = frozenset(),
        kind_problems: list[tuple[int, str]] | None = None,
    ) -> None:
        self.path = path
        self.markdown = markdown
        #: In a report YAML: each declared figure's name and whether it has a value.
        #: ``{{ 名称 }}`` there refers to a figure and is a placeholder only while the figure
        #: has no value.
        self.figures = figures
        #: Which of those names are fields of the kind's own (联系人 …) rather than figures.
        self.fields = fields
        #: For a kind definition file (``id:`` + ``sections:``): what is wrong with it as a
        #: kind, ``[]`` when nothing. ``None`` for drafts. A kind file's guidance and defaults
        #: hold ``XX`` and 【待补】 on purpose, so only the ``kind-file`` rule reads it.
        self.kind_problems = kind_problems  # (offset in text, message)
        self.text = ""
        self.paragraphs = Paragraphs()
        #: Works out the context of a line only when a finding needs it (a .docx: see
        #: :mod:`reportgen.lint.docx_source`), instead of a string kept for every paragraph.
        #: It is given the source (rather than keeping it: a cycle would keep a long text
        #: until the next garbage collection, after lint has let go of it).
        self.context_of: Callable[[Source, int], str | None] | None = None
        # The anchors, column by column (arrays of machine integers: a long .docx has many).
        self._offsets: array[int] = array("q")
        self._lines: array[int] = array("q")
        self._columns: array[int] = array("q")
        self._locations: list[str | None] = []
        self._contexts: dict[int, str] = {}  # anchor index → context
        self._parts: list[str] = []
        self._chunks: list[str] = []
        self._length = 0
        self._chunked = 0  # characters of the text in chunks

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
        if self._parts or self._chunks:
            self._parts.append("\n")
            self._length += 1
        base = self._length
        for offset, line, column in anchors:
            if context is not None:
                self._contexts[len(self._offsets)] = context
            self._offsets.append(base + offset)
            self._lines.append(line)
            self._columns.append(column)
            self._locations.append(location)
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
        if self._length - self._chunked >= _CHUNK_CHARS:
            self._chunks.append("".join(self._parts))
            self._parts.clear()
            self._chunked = self._length

    def finish(self) -> "Source":
        self._chunks.append("".join(self._parts))
        self.text = "".join(self._chunks)
        self._parts, self._chunks = [], []
        return self

    def place(self, offset: int) -> Place:
        """Line, column and location of the character at ``offset``."""
        index = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        line = self._lines[index]
        context = self._contexts.get(index)
        if context is None and self.context_of is not None:
            context = self.context_of(self, line)
        column = self._columns[index] + offset - self._offsets[index]
        return Place(line, column, self._locations[index], context)

    def line_column(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset``: :meth:`place` without the location
        and the context (a .docx paragraph's locator, made from its text)."""
        index = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        return self._lines[index], self._columns[index] + offset - self._offsets[index]

    def unit_text(self, line: int) -> str:
        """The text of the unit whose first anchor is at ``line`` (a .docx paragraph's text,
        whose unit is one line); "" when no anchor is there."""
        index = bisect.bisect_left(self._lines, line)
        if index == len(self._lines) or self._lines[index] != line:
            return ""
        start = self._offsets[index]
        end = self._offsets[index + 1] - 1 if index + 1 < len(self._offsets) else len(self.text)
        return self.text[start:end]


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
