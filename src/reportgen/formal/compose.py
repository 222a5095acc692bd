"""The blocks of a formal 公文 (``format: formal`` or ``letter``) around a report's 主体.

The report's own blocks (标题, 主送, 正文, 署名, 日期) come from :mod:`reportgen.compose`; this
module puts the 版头 before them (份号, 密级, 紧急程度, 发文机关标志, 发文字号 with 签发人), the
附件说明, 附注 and 出席/请假/列席 around the 署名, each 附件 after them, and the 版记 last, in the
order GB/T 9704-2012 gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.gongwen.dates import chinese_date
from reportgen.kinds.formal_fields import names
from reportgen.report.document import Block, Span

#: A 主送 longer than this many characters moves to the 版记 (7.3.2: 首页 must show 正文).
RECIPIENT_MOVE_CHARS = 3 * 28


def formal_blocks(builder: Any, blocks: list[Block], fmt: str, minutes: bool) -> list[Block]:
    """``blocks`` (the report's) with the formal elements added, for format ``fmt``."""
    report = builder.report
    recipient = next((b for b in blocks if b.role == "recipient"), None)
    moved = recipient is not None and len(recipient.text) > RECIPIENT_MOVE_CHARS
    body = [
        b for b in blocks if b.role not in ("signature", "date") and not (moved and b is recipient)
    ]
    ending = [b for b in blocks if b.role in ("signature", "date")]
    out = [*_head(builder, fmt, minutes), *body]
    out.extend(_attachment_note(builder))
    if minutes:
        out.extend(_attendance(builder))
    else:
        out.extend(ending)
    if report.note:
        note = report.note.strip().removeprefix("（").removesuffix("）")
        out.append(builder.block("note", f"（{note}）", ("note",)))
    out.extend(_attachments(builder))
    out.extend(_imprint(builder, recipient if moved else None, fmt))
    return out


def _head(builder: Any, fmt: str, minutes: bool) -> Iterator[Block]:
    report = builder.report
    if report.copy_no:
        yield builder.block("copy-no", report.copy_no, ("copy_no",))
    if report.secrecy:
        text = report.secrecy + (f"★{report.secrecy_period}" if report.secrecy_period else "")
        yield builder.block("secrecy", text, ("secrecy",))
    if report.urgency:
        yield builder.block("urgency", report.urgency, ("urgency",))
    issuers = names(report.mark) or [report.issuer]
    loc = ("mark",) if report.mark else ("issuer",)
    if fmt == "letter" or len(issuers) == 1:
        text = issuers[0]
        if minutes and not text.endswith("纪要"):
            text += "纪要"
        elif fmt != "letter" and not text.endswith(("文件", "纪要")):
            text += "文件"
        yield builder.block("mark", text, loc)
    else:  # 联合行文: the names stacked, 文件 on their right (7.2.4)
        for index, name in enumerate(issuers):
            block = builder.block("mark", name, (*loc, index))
            if index == 0:
                block = _with(block, aside=(Span("文件"),))
            yield block
    signers = names(report.signers)
    if report.doc_number or signers:
        block = builder.block("doc-number", report.doc_number or "", ("doc_number",))
        yield _with(block, aside=tuple(Span(name) for name in signers))


def _attachment_note(builder: Any) -> Iterator[Block]:
    """附件说明 (7.3.4): ``附件：1. 名称``, one block per attachment."""
    attachments = builder.report.attachments
    for index, attachment in enumerate(attachments):
        number = f"{index + 1}." if len(attachments) > 1 else ""
        label = ("附件：" if index == 0 else "") + number
        block = builder.block("attachment-note", attachment.title, ("attachments", index))
        yield _with(block, number=label, level=index)


def _attendance(builder: Any) -> Iterator[Block]:
    report = builder.report
    for key, label in (("attendees", "出席"), ("on_leave", "请假"), ("observers", "列席")):
        people = names(getattr(report, key))
        if people:
            block = builder.block("attendance", "，".join(people), (key,))
            yield _with(block, number=f"{label}：")


def _attachments(builder: Any) -> Iterator[Block]:
    """Each 附件 on a new page: 附件N (黑体, line 1), the title centred on line 3, its text."""
    attachments = builder.report.attachments
    for index, attachment in enumerate(attachments):
        loc = ("attachments", index)
        label = f"附件{index + 1}" if len(attachments) > 1 else "附件"
        line = builder.source.line_of(loc)
        yield Block("attachment-label", (Span(label),), source_line=line)
        yield builder.block("title", attachment.title, (*loc, "title"))
        yield from builder.body(attachment.paragraphs, (*loc, "paragraphs"))
        if attachment.table:
            rows = tuple(tuple(_cell(cell) for cell in row) for row in attachment.table)
            yield Block("table", source_line=builder.source.line_of((*loc, "table")), rows=rows)


def _imprint(builder: Any, moved_recipient: Block | None, fmt: str) -> Iterator[Block]:
    """The 版记 (7.4): 主送 (if moved), 抄送, 印发机关 and 印发日期."""
    report = builder.report
    if moved_recipient is not None:
        yield _with(moved_recipient, role="imprint-to")
    copies = names(report.copy_to)
    if copies:
        text = "，".join(copies).rstrip("。") + "。"
        yield builder.block("imprint-cc", text, ("copy_to",))
    if report.printer and fmt != "letter":  # 信函 has no 印发 line (10.1)
        block = builder.block("imprint", report.printer, ("printer",))
        day = report.print_date
        if day is None:  # 印发日期 defaults to the 成文日期, which may still be unfilled
            date = builder.date_span()
            yield _with(block, aside=(date, Span("印发")))
        else:
            yield _with(block, aside=(Span(chinese_date(day.year, day.month, day.day) + "印发"),))


def _cell(value: Any) -> str:
    return str(value)


def _with(block: Block, **changes: Any) -> Block:
    from dataclasses import replace

    return replace(block, **changes)
