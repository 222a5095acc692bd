"""The document model between a report and its rendering.

A kind (``yixue-cugan``, ``progress-brief`` …) is turned into a :class:`Document`: a flat list of
blocks, each with a *role* that says what it is in an official document. The renderer lays out
roles and knows nothing of kinds; a new kind therefore never touches the renderer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, NamedTuple

from reportgen.layouts import FormatName, LayoutName

Layout = LayoutName
#: How a report-layout document goes out: a plain 汇报 page, a formal 公文, or the 信函 format.
Format = FormatName

#: Roles a block can have. ``report`` documents use the first group, ``brief`` adds the second.
ROLES = frozenset(
    {
        "title",  # 标题：方正小标宋简体 二号，居中，按词断行
        "recipient",  # 主送机关：标题后空一行，顶格，以“：”结尾
        "body",  # 正文段落：仿宋_GB2312 三号，首行缩进两字，两端对齐
        "heading",  # 层次标题：level 1–4 → 一、 （一） 1. （1）；number 为已算好的序号
        "signature",  # 发文机关署名：居右
        "date",  # 成文日期：居右，阿拉伯数字
        "brief-name",  # 简报名称：红色大字，居中
        "brief-issue",  # 期号：第N期，居中
        "brief-meta",  # 编发单位（左） + 日期（aside，右），其下一条红色分隔线
        "distribution",  # 报尾：报/送/发 各一行，上下各一条分隔线
        # formal 公文 (GB/T 9704-2012), laid out by render/formal.py
        "copy-no",  # 份号：版心左上第一行
        "secrecy",  # 密级和保密期限：黑体，份号之下
        "urgency",  # 紧急程度：黑体，密级之下
        "mark",  # 发文机关标志：红色小标宋，上边缘距版心上边缘 35 mm；每个机关一块
        "doc-number",  # 发文字号；aside 为签发人姓名（上行文）；其下 4 mm 红色分隔线
        "attachment-note",  # 附件说明：number 为“附件：”或序号，正文后空一行
        "note",  # 附注：成文日期下一行，居左空二字，加圆括号
        "attendance",  # 纪要的出席/请假/列席：number 为“出席：”（黑体）
        "attachment-label",  # 附件N：另起一页，黑体，顶格
        "table",  # 附件中的表格：rows 为各行
        "imprint-to",  # 版记：主送（主送机关过长时移至此）
        "imprint-cc",  # 版记：抄送
        "imprint",  # 版记：印发机关（左）+ 印发日期（aside，右）
    }
)


class Span(NamedTuple):
    """A run of text; ``placeholder`` marks a missing figure that must be highlighted."""

    text: str
    placeholder: bool = False


class Block:
    """A block of the document: a paragraph (or a table) in one role.

    (Plain classes and named tuples, not dataclasses, for what a render builds: importing
    dataclasses and creating the classes would be a tenth of a ``render`` command.)"""

    __slots__ = ("aside", "level", "number", "role", "rows", "source_line", "spans")

    def __init__(
        self,
        role: str,
        spans: tuple[Span, ...] = (),
        level: int = 0,
        number: str = "",
        aside: tuple[Span, ...] = (),
        source_line: int | None = None,
        rows: tuple[tuple[str, ...], ...] = (),
    ) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown block role {role!r}")
        self.role = role
        self.spans = spans
        self.level = level
        self.number = number
        #: Text set on the right of the same line (the date of ``brief-meta``).
        self.aside = aside
        #: The line of the YAML this block came from, for reporting placeholders by line.
        self.source_line = source_line
        #: The cells of a ``table`` block, row by row.
        self.rows = rows

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _BLOCK_FIELDS)

    def replace(self, **changes: Any) -> Block:
        """This block with ``changes`` to its fields (checked as a new block is)."""
        fields = dict(zip(_BLOCK_FIELDS, self._fields(), strict=True))
        return Block(**{**fields, **changes})

    def __eq__(self, other: object) -> bool:
        return type(other) is Block and other._fields() == self._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in zip(_BLOCK_FIELDS, self._fields(), strict=True))
        return f"Block({shown})"

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


_BLOCK_FIELDS = ("role", "spans", "level", "number", "aside", "source_line", "rows")


class Document(NamedTuple):
    layout: Layout
    title: str
    author: str
    date: dt.date | None  # None: not yet known (rendered as a placeholder)
    blocks: tuple[Block, ...] = ()
    format: Format = "ordinary"

    def placeholders(self) -> Iterator[tuple[Block, Span]]:
        """Every placeholder span left in the document, in reading order."""
        for block in self.blocks:
            for span in (*block.spans, *block.aside):
                if span.placeholder:
                    yield block, span
