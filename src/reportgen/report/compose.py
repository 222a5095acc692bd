"""Composing a validated report into a :class:`Document`: numbering, figures, placeholders.

The report's layout (:mod:`reportgen.layouts`) says which blocks it has; this module fills their
text (figures, placeholders) and numbers the headings. It knows no particular kind or layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from reportgen.errors import InputError
from reportgen.gongwen.headings import draft_label_level, heading_number
from reportgen.kinds import RESERVED_KEYS
from reportgen.layouts import format_for
from reportgen.layouts import get as get_layout
from reportgen.layouts.base import Missing, Pieces, date_pieces
from reportgen.report.document import Block, Document, Span
from reportgen.report.textfill import FieldValue, TextFiller, Unfilled
from reportgen.yamlio.source import Loc, SourceMap


class Composed(NamedTuple):
    document: Document
    unfilled: tuple[Unfilled, ...]


def compose(report: Any, source: SourceMap, layout: str, spec: Any = None) -> Composed:
    """``spec`` (the kind's spec) gives the default format and the 纪要 variant."""
    _check_figure_names(report, source)
    builder = _Builder(report, source)
    chosen_layout = get_layout(layout)
    blocks = chosen_layout.compose(report, builder)
    author = getattr(report, chosen_layout.author_key)
    chosen = chosen_layout.format_name(report, spec)
    blocks = format_for(chosen).compose(blocks, report, builder, spec)
    document = Document(
        layout,  # type: ignore[arg-type]
        "".join(report.title) if isinstance(report.title, list) else report.title,
        author,
        report.date,
        tuple(blocks),
        chosen,
    )
    return Composed(document, tuple(builder.filler.unfilled))


def paragraphs(value: Any, loc: Loc, source: SourceMap) -> Iterator[tuple[str, int | None]]:
    """Each paragraph of a text field with its YAML line: a string splits at line ends."""
    if value is None:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from paragraphs(item, (*loc, index), source)
        return
    for text_line, text in enumerate(str(value).split("\n")):
        if text.strip():
            yield text.strip(), source.line_of(loc, text_line)


class _Builder:
    """The :class:`~reportgen.layouts.base.Composer` a layout composes a report with."""

    def __init__(self, report: Any, source: SourceMap) -> None:
        self.report = report
        self.source = source
        declared = {name: source.line_of(("figures", name)) for name in report.figures}
        own = own_fields(report)
        declared.update({key: source.line_of((key,)) for key in own})
        references = {**own, **report.figures}
        self.filler = TextFiller(references, source.path, declared)

    def block(self, role: str, text: str, loc: Loc, *, aside: Pieces = ()) -> Block:
        line = self.source.line_of(loc)
        spans = self.filler.spans(text, line)
        return Block(role, spans, aside=self._spans(aside), source_line=line)

    def title_block(self) -> Block:
        """The title; given as a list, its items are the lines, as the writer keeps them."""
        title = self.report.title
        return self.block(
            "title", "\n".join(title) if isinstance(title, list) else title, ("title",)
        )

    def fixed(self, role: str, pieces: Pieces, loc: Loc, *, aside: Pieces = ()) -> Block:
        line = self.source.line_of(loc)
        return Block(role, self._spans(pieces), aside=self._spans(aside), source_line=line)

    def date_span(self) -> Span:
        """The report's date as written, or highlighted to fill in when the YAML leaves it empty."""
        return self._spans(date_pieces(self.report.date))[0]

    def _spans(self, pieces: Pieces) -> tuple[Span, ...]:
        """Text as it is; a :class:`Missing` value highlighted and listed as unfilled."""
        spans = []
        for piece in (pieces,) if isinstance(pieces, str) else pieces:
            if isinstance(piece, Missing):
                line = self.source.line_of((piece.key,))
                self.filler.unfilled.append(Unfilled(line, piece.shown, piece.key, line, True))
                spans.append(Span(piece.shown, placeholder=True))
            else:
                spans.append(Span(piece))
        return tuple(spans)

    def heading(self, text: str, loc: Loc, level: int, number: int, written: str = "") -> Block:
        """A heading numbered ``number`` at ``level``; ``written``, a number as the draft had
        it, is printed instead and sets the style of its own level (``1.`` right under ``一、``)."""
        line = self.source.line_of(loc)
        spans = self.filler.spans(text, line)
        if written:
            level = draft_label_level(written) or level
        shown = written or heading_number(level, number)
        return Block("heading", spans, level=level, number=shown, source_line=line)

    def body(self, value: Any, loc: Loc) -> list[Block]:
        return [
            Block("body", self.filler.spans(text, line), source_line=line)
            for text, line in paragraphs(value, loc, self.source)
        ]

    def table(self, rows: tuple[tuple[str, ...], ...], loc: Loc) -> Block:
        return Block("table", source_line=self.source.line_of(loc), rows=rows)

    def sections(self, sections: Any, loc: Loc) -> list[Block]:
        if isinstance(sections, list):
            named = [((i,), section) for i, section in enumerate(sections)]
        else:
            named = [((key,), getattr(sections, key)) for key in type(sections).model_fields]
        blocks: list[Block] = []
        for number, (key, section) in enumerate(named, start=1):
            blocks.extend(self._section(section, (*loc, *key), 1, number))
        return blocks

    def _section(self, section: Any, loc: Loc, level: int, number: int) -> Iterator[Block]:
        written = getattr(section, "number", "")
        yield self.heading(section.heading, (*loc, "heading"), level, number, written)
        yield from self.body(section.paragraphs, (*loc, "paragraphs"))
        if section.subsections and level >= 4:
            raise InputError(
                self.source.problem(
                    (*loc, "subsections"),
                    "小标题最多四级：一、（一）1.（1）",
                    "把第五级内容并入上一级的段落",
                )
            )
        for index, sub in enumerate(section.subsections):
            yield from self._section(sub, (*loc, "subsections", index), level + 1, index + 1)


def own_fields(report: Any) -> dict[str, FieldValue]:
    """The values of the kind's own fields (those beyond the layout's), by key."""
    fields = type(report).model_fields
    return {
        key: FieldValue(fields[key].title or key, getattr(report, key))
        for key in fields
        if key not in RESERVED_KEYS
    }


def _check_figure_names(report: Any, source: SourceMap) -> None:
    clashes = sorted(set(report.figures) & set(own_fields(report)))
    if clashes:
        raise InputError(
            *(
                source.problem(
                    ("figures", name),
                    f"数据名称“{name}”与本类型的字段同名",
                    "给这项数据换一个名称",
                    key=True,
                )
                for name in clashes
            )
        )
    bad = [name for name in report.figures if not name.isidentifier()]
    if bad:
        raise InputError(
            *(
                source.problem(
                    ("figures", name),
                    f"数据名称“{name}”不能用作引用",
                    "名称只能由汉字、字母、数字和下划线组成，不以数字开头，不含空格和标点",
                    key=True,
                )
                for name in bad
            )
        )
