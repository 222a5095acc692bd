"""Composing a validated report into a :class:`Document`: numbering, figures, placeholders.

This is the only place that knows the shapes of the two layouts; it knows no particular kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reportgen.errors import InputError
from reportgen.gongwen.dates import chinese_date
from reportgen.gongwen.headings import heading_number
from reportgen.kinds import RESERVED_KEYS
from reportgen.report.document import Block, Document, Format, Span
from reportgen.report.textfill import FieldValue, TextFiller, Unfilled
from reportgen.yamlio.source import Loc, SourceMap

#: What an empty 成文日期 renders as: the shape drafters leave, highlighted and listed.
UNFILLED_DATE = "XXXX年XX月XX日"


@dataclass(frozen=True)
class Composed:
    document: Document
    unfilled: tuple[Unfilled, ...]


def compose(report: Any, source: SourceMap, layout: str, spec: Any = None) -> Composed:
    """``spec`` (the kind's spec) gives the default format and the 纪要 variant."""
    _check_figure_names(report, source)
    builder = _Builder(report, source)
    blocks = builder.brief_blocks() if layout == "brief" else builder.report_blocks()
    author = report.issuer if layout == "report" else report.editor
    chosen: Format = "ordinary"
    if layout == "report":
        chosen = report.format or (spec.format if spec is not None else "ordinary")
    if chosen != "ordinary":
        from reportgen.formal.compose import formal_blocks

        blocks = formal_blocks(builder, blocks, chosen, bool(getattr(spec, "minutes", False)))
    document = Document(
        layout,  # type: ignore[arg-type]
        report.title,
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
    def __init__(self, report: Any, source: SourceMap) -> None:
        self.report = report
        self.source = source
        declared = {name: source.line_of(("figures", name)) for name in report.figures}
        own = own_fields(report)
        declared.update({key: source.line_of((key,)) for key in own})
        references = {**own, **report.figures}
        self.filler = TextFiller(references, source.path, declared)

    def block(self, role: str, text: str, loc: Loc, **extra: Any) -> Block:
        line = self.source.line_of(loc)
        return Block(role, self.filler.spans(text, line), source_line=line, **extra)

    def body(self, value: Any, loc: Loc) -> Iterator[Block]:
        for text, line in paragraphs(value, loc, self.source):
            yield Block("body", self.filler.spans(text, line), source_line=line)

    def report_blocks(self) -> list[Block]:
        r = self.report
        blocks = [self.block("title", r.title, ("title",))]
        if r.recipient:
            blocks.append(self.block("recipient", r.recipient, ("recipient",)))
        blocks.extend(self.body(r.preamble, ("preamble",)))
        sections = r.sections
        if isinstance(sections, list):
            named = [((i,), section) for i, section in enumerate(sections)]
        else:
            named = [((key,), getattr(sections, key)) for key in type(sections).model_fields]
        for number, (key, section) in enumerate(named, start=1):
            blocks.extend(self.section(section, ("sections", *key), 1, number))
        blocks.extend(self.body(r.closing, ("closing",)))
        blocks.append(self.block("signature", r.issuer, ("issuer",)))
        blocks.append(self.date_block())
        return blocks

    def section(self, section: Any, loc: Loc, level: int, number: int) -> Iterator[Block]:
        yield self.block(
            "heading",
            section.heading,
            (*loc, "heading"),
            level=level,
            number=heading_number(level, number),
        )
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
            yield from self.section(sub, (*loc, "subsections", index), level + 1, index + 1)

    def date_block(self) -> Block:
        return Block("date", (self.date_span(),), source_line=self.source.line_of(("date",)))

    def date_span(self) -> Span:
        """The date as written, or a highlighted one to fill in when the YAML leaves it empty."""
        d = self.report.date
        if d is not None:
            return Span(chinese_date(d.year, d.month, d.day))
        return self.unfilled_field("date", UNFILLED_DATE)

    def unfilled_field(self, key: str, shown: str) -> Span:
        line = self.source.line_of((key,))
        self.filler.unfilled.append(Unfilled(line, shown, key, line, is_field=True))
        return Span(shown, placeholder=True)

    def brief_blocks(self) -> list[Block]:
        r = self.report
        issue = (
            (Span(f"第{r.issue_no}期"),)
            if r.issue_no is not None
            else (Span("第"), self.unfilled_field("issue_no", "X"), Span("期"))
        )
        blocks = [
            self.block("brief-name", r.brief_name, ("brief_name",)),
            Block("brief-issue", issue, source_line=self.source.line_of(("issue_no",))),
            Block(
                "brief-meta",
                self.filler.spans(r.editor, self.source.line_of(("editor",))),
                aside=(self.date_span(),),
                source_line=self.source.line_of(("editor",)),
            ),
            self.block("title", r.title, ("title",)),
        ]
        blocks.extend(self.body(r.preamble, ("preamble",)))
        for index, item in enumerate(r.sections):
            loc = ("sections", index)
            line = self.source.line_of((*loc, "unit"))
            spans = self.filler.spans(f"{item.unit}：{item.headline}", line)
            blocks.append(
                Block(
                    "heading", spans, level=1, number=heading_number(1, index + 1), source_line=line
                )
            )
            blocks.extend(self.body(item.paragraphs, (*loc, "paragraphs")))
            blocks.extend(self.body(item.progress, (*loc, "progress")))
        if r.distribution:
            for key, label in (("submit_to", "报"), ("copy_to", "送"), ("send_to", "发")):
                value = getattr(r.distribution, key)
                if value:
                    blocks.append(
                        self.block("distribution", f"{label}：{value}", ("distribution", key))
                    )
        return blocks


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
