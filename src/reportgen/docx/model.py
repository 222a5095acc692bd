"""What the .docx reader hands out, and what a caller hands back to annotate a copy."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocxParagraph:
    """One paragraph of a .docx as a reader sees it.

    ``number`` is 1-based over the whole document in reading order: the body first, with the
    paragraphs of tables (nested too), content controls and text boxes at their place (a text
    box's paragraphs right after the paragraph that anchors it); then the headers, then the
    footers (section by section; default, first-page, even-page; each part once); then the
    footnotes, then the endnotes, in the order their marks appear in the body. Empty paragraphs
    count too.

    ``text`` holds what is shown, without the automatic list label: tabs are ``"\\t"``, line,
    page and column breaks ``"\\n"`` (one character each), a non-breaking hyphen ``"-"``. Field
    results are in, field instructions out; tracked insertions in, deletions out; footnote marks,
    comments and the list label out.

    ``label`` is the automatic number Word draws before the text ("二、", "（一）", "1.", a bullet
    character), "" for none. ``location`` is ``正文``, ``表格N`` (N counts every table of the body in
    reading order, nested ones too; the innermost table names the paragraph), ``文本框``,
    ``内容控件`` (a block content control outside any table), ``页眉``, ``页脚``, ``脚注N``,
    ``尾注N`` (N as Word numbers the note). ``style`` is the paragraph style's name as Word shows
    it ("Heading 1", "Normal"); ``outline_level`` is 1–9 as in Word's navigation pane, None for
    body text. ``cell`` is (row, column), 1-based, of the innermost table cell of the body that
    holds the paragraph, None outside tables.
    """

    number: int
    text: str
    label: str
    location: str
    style: str | None = None
    outline_level: int | None = None
    cell: tuple[int, int] | None = None


@dataclass(frozen=True)
class Mark:
    """A span to flag in an annotated copy: ``[start, end)`` are 0-based offsets into the text
    of paragraph ``paragraph`` (its ``DocxParagraph.number``)."""

    paragraph: int
    start: int
    end: int
    message: str
    rule: str
