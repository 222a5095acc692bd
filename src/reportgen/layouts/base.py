"""What a layout is: the parts of a report it has, how they are composed, and their scaffold.

A layout module (:mod:`.report`, :mod:`.brief`) defines one :class:`Layout`; callers look it up
with :func:`reportgen.layouts.get` instead of asking which layout they have. Composing calls
back into a :class:`Composer` (implemented in :mod:`reportgen.report.compose`), so a layout says
*which* blocks a report has without knowing how text is filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, Protocol

if TYPE_CHECKING:
    from reportgen.gongwen.days import Day
    from reportgen.kinds.spec import FigureSpec, KindSpec
    from reportgen.layouts import FormatName
    from reportgen.yamlio.source import SourceMap

Loc = tuple[str | int, ...]


class Missing(NamedTuple):
    """A value the report leaves empty (an unknown date, a 期号): shown as ``shown``, highlighted,
    and listed as an unfilled field ``key``."""

    key: str
    shown: str


#: Text a layout sets itself: a string, or pieces of which some may be :class:`Missing`.
Pieces = str | Sequence[str | Missing]


class Composer(Protocol):
    """What a layout composes with; each method returns blocks of the document."""

    def block(self, role: str, text: str, loc: Loc, *, aside: Pieces = ()) -> Any:
        """A block of ``role`` from the report's ``text`` at ``loc`` (figures filled in);
        ``aside`` is set on the right of the same line."""
        ...

    def title_block(self) -> Any:
        """The title: one line broken by the writer, or the lines the report lists."""
        ...

    def fixed(self, role: str, pieces: Pieces, loc: Loc, *, aside: Pieces = ()) -> Any:
        """A block whose text is the layout's own (第3期, a date), taken as it is; ``aside``
        as in :meth:`block`."""
        ...

    def heading(self, text: str, loc: Loc, level: int, number: int) -> Any:
        """A heading of ``level`` (1–4), the ``number``-th at its level."""
        ...

    def body(self, value: Any, loc: Loc) -> list[Any]:
        """The paragraphs of a text field (a string or a list of them)."""
        ...

    def sections(self, sections: Any, loc: Loc) -> list[Any]:
        """Numbered sections with their subsections (一、（一）1.（1））."""
        ...

    def table(self, rows: tuple[tuple[str, ...], ...], loc: Loc) -> Any:
        """A table (a 附件's), row by row, the first row its head."""
        ...


class Layout:
    """A layout; a module subclasses it once and registers the instance."""

    name: ClassVar[str]
    #: The field that signs the document: its author in the .docx properties.
    author_key: ClassVar[str]

    def fields(self, spec: KindSpec) -> dict[str, Any]:
        """The pydantic fields of a report in this layout, beyond kind, title and figures."""
        raise NotImplementedError

    def compose(self, report: Any, composer: Composer) -> list[Any]:
        """The blocks of ``report``, in reading order."""
        raise NotImplementedError

    def scaffold_head(self, spec: KindSpec, day: Day) -> list[str]:
        """Scaffold lines before the 导语 (preamble)."""
        raise NotImplementedError

    def scaffold_body(self, spec: KindSpec, day: Day) -> list[str]:
        """Scaffold lines after the 导语: the sections and what follows them."""
        raise NotImplementedError

    def scaffold_figures(self, spec: KindSpec) -> list[FigureSpec]:
        """The figures the scaffold declares: the kind's, and any the layout's text refers to."""
        return list(spec.figures)

    def section_form(self, spec: KindSpec) -> dict[str, Any]:
        """How the edit page's form draws ``sections``: numbered sections with subsections."""
        items = [
            {
                "key": item.key,
                "heading": item.heading,
                "help": item.guidance,
                "subsections": item.subsections,
            }
            for item in spec.sections.items
        ]
        return {"widget": "sections", "mode": spec.sections.mode, "items": items}

    def format_name(self, report: Any, spec: KindSpec | None) -> FormatName:
        """The format ``report`` goes out in (see :class:`Format`): ordinary unless the layout
        has the formal fields."""
        return "ordinary"

    def check(self, report: Any, source: SourceMap, spec: KindSpec) -> None:
        """Checks across fields, beyond what each field's type checks; raises InputError."""


class Format:
    """How a report goes out (``format:`` in the YAML, a kind's default): the plain page, or
    a 公文 with 版头 and 版记. A format module defines one and registers it as ``FORMAT``;
    callers look it up with :func:`reportgen.layouts.format_for`. The writer reads the
    class attributes; the methods give the blocks, the scaffold and import's reading."""

    name: ClassVar[str]
    #: The 版头 the writer lays out: none, the red 版头 (7.2), or the 信函's (10.1).
    head: ClassVar[Literal["none", "red", "letter"]] = "none"
    #: Whether the first page carries a page number (a 信函's does not, 10.1).
    numbers_first_page: ClassVar[bool] = True
    #: Whether the 版记 has its rules (7.4.1; a 信函's does not).
    imprint_rules: ClassVar[bool] = True
    #: Whether the 版记 goes on an even page, the back of the last sheet (7.4, 7.5); a 信函's
    #: stays on its last page (10.1).
    imprint_on_even_page: ClassVar[bool] = False
    #: Whether 附注 and 版记 (抄送, 印发) have fields of their own; import puts them there
    #: instead of leaving them in the text.
    back_matter: ClassVar[bool] = False

    def compose(
        self, blocks: list[Any], report: Any, composer: Composer, spec: KindSpec | None
    ) -> list[Any]:
        """The document's blocks: the layout's ``blocks`` with what the format adds."""
        return blocks

    def scaffold(self, spec: KindSpec, day: Day) -> list[str]:
        """Scaffold lines for the format's fields, after the layout's."""
        return []

    def recognise(self, found: dict[str, str], spec: KindSpec) -> tuple[dict[str, Any], set[str]]:
        """The format's fields from what import found in a draft (its keys → text): the data,
        and the keys it took."""
        return {}, set()


#: What an empty date renders as: the shape drafters leave, highlighted and listed.
UNFILLED_DATE = "XXXX年XX月XX日"


def date_pieces(date: dt.date | None) -> Pieces:
    """A report's date as written (2023年10月20日), or :data:`UNFILLED_DATE` when it is empty."""
    from reportgen.gongwen.dates import chinese_date

    if date is None:
        return (Missing("date", UNFILLED_DATE),)
    return chinese_date(date.year, date.month, date.day)
