"""What segmenting a draft yields: the parts of a report, each with where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.importer.lines import Dropped

if TYPE_CHECKING:
    from reportgen.importer.backmatter import AttachmentPage


@dataclass
class Node:
    """A heading with what stands under it, in draft order: paragraphs, then lower headings.

    ``level`` is the 公文 level its number has (1 一、, 2 （一）, 3 1., 4 （1）). ``number`` is
    the draft's own number where the renderer's would differ ("" for the renderer's).
    """

    label: str
    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    line: int | None = None
    number: str = ""

    def flat(self) -> list[str]:
        """The node as plain paragraphs, headings written with the draft's own numbers."""
        lines = [self.label + self.heading, *self.paragraphs]
        for child in self.children:
            lines.extend(child.flat())
        return lines


@dataclass(frozen=True)
class Found:
    """Where a value came from: the draft's line and how it was recognised (Chinese)."""

    line: int | None
    how: str
    text: str = ""  # the line (or part of it) as the draft has it


@dataclass(frozen=True)
class HeadingSeen:
    """A numbered or heading-shaped line as import understood it, for the user to check."""

    label: str
    text: str
    level: int
    line: int | None
    kept: str  # "heading" (numbered by the renderer) or "verbatim" (keeps the draft's number)
    why: str = ""


@dataclass
class TableSeen:
    """A table of the draft's body: its rows as imported, and the part it stands in."""

    rows: list[str]
    where: str


@dataclass
class Masthead:
    """The 报头 of a 工作简报: its name, 第N期, and the issuing unit with the date."""

    name: str
    issue_no: int | None = None
    editor: str | None = None


@dataclass
class Outline:
    title: str | None = None
    recipient: str | None = None
    preamble: list[str] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    issuer: str | None = None
    date: dt.date | None = None
    source: str | None = None  # 来源/作者 of a web copy: shown, never taken for the issuer
    masthead: Masthead | None = None  # 报头 of a 工作简报
    issuer_from_title: str | None = None
    headings_by: str = "none"  # numbers | outline | shape | none
    notes: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    #: Where title, recipient, issuer, date, source … were found.
    found: dict[str, Found] = field(default_factory=dict)
    #: 红头 elements (发文机关标志, 发文字号, 签发人 …): their text and where.
    formal: dict[str, Found] = field(default_factory=dict)
    #: What stood after the 成文日期 (附件, 附注), kept as written.
    after: list[str] = field(default_factory=list)
    #: 附注 and 版记 (抄送, 印发机关 and 印发日期) after the 成文日期, for a kind's formal fields.
    back: dict[str, Found] = field(default_factory=dict)
    back_lines: list[str] = field(default_factory=list)  # the same lines as written
    headings: list[HeadingSeen] = field(default_factory=list)
    #: 附件 pages after the 成文日期 (:class:`backmatter.AttachmentPage`), and the names the
    #: 附件说明 lists with its lines as written.
    attachment_pages: list[AttachmentPage] = field(default_factory=list)
    attachment_names: list[str] = field(default_factory=list)
    attachment_note: list[str] = field(default_factory=list)
    #: Tables of a .docx in the body, by number: their rows (cells joined) and the part they
    #: stand in (:mod:`tables` decides where they go).
    tables: dict[int, TableSeen] = field(default_factory=dict)
    #: 发文机关标志 of a joint document, one name a line (``formal["issuer_mark"]`` joins them).
    joint_marks: list[str] = field(default_factory=list)

    def body(self) -> list[str]:
        """Every paragraph between the recipient and the issuer, headings included."""
        lines = list(self.preamble)
        for section in self.sections:
            lines.extend(section.flat())
        pages = [line for page in self.attachment_pages for line in page.lines]
        return lines + self.closing + self.attachment_note + self.after + pages
