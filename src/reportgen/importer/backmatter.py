"""The end of a formal 公文 as it prints: the 版记 (抄送, 印发机关 and 印发日期), the 附件 pages
(``附件N``, the attachment's title, its text or table), the 附件说明 that lists them, and a
纪要's 出席/请假/列席 lines.

Each is recognised by its printed shape only, and kept in the :class:`Outline` with the lines as
written: a kind with the formal fields takes them as fields (:mod:`mapping`), any other kind gets
the lines back as text, so nothing is lost either way.
"""

# (full-width colons and brackets are what these lines print)

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.gongwen.dates import DATE, parse_date
from reportgen.importer.lines import CELL_SEPARATOR, Para, ends_sentence, has_cjk
from reportgen.importer.outline import Found, Outline

_TAIL = 60  # paragraphs at the end where the 版记 may be read (a text box, wherever anchored)
_COPY_TO = re.compile(r"^抄送[:：][ \t　]*(.+?)[。.]?$")
_SENT_TO = re.compile(r"^主送[:：][ \t　]*(.+?)[。.]?$")  # a long 主送, moved to the 版记
_PRINTED = re.compile(rf"^(?P<printer>\S.*?)[\t｜　 ]+(?P<date>{DATE})印发$")
_PAGE_LABEL = re.compile(r"^附件[ \t　]*(\d*)$")
_NOTE_FIRST = re.compile(r"^附件[ \t　]*[:：][ \t　]*(?:(\d{1,2})[.．][ \t　]*)?(\S.*)$")
_NOTE_NEXT = re.compile(r"^(\d{1,2})[.．][ \t　]*(\S.*)$")
_ATTENDANCE = {"出席": "attendees", "请假": "on_leave", "列席": "observers"}
_ATTENDANCE_LINE = re.compile(r"^(出席|请假|列席)[:：][ \t　]*(\S.*)$")
#: Between names in the 版记 and the 出席 lines, as the renderer and clerks write them.
NAME_SEPARATOR = re.compile(r"[，,、]")


@dataclass
class AttachmentPage:
    """One 附件 as printed after the 成文日期: its title, text and table rows (cells)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # as written, for a kind without 附件
    line: int | None = None

    def data(self) -> dict[str, object] | str:
        """The YAML of the attachment: just its title when it has no text."""
        if not self.paragraphs and not self.table:
            return self.title
        out: dict[str, object] = {"title": self.title}
        if self.paragraphs:
            out["paragraphs"] = self.paragraphs
        if self.table:
            out["table"] = self.table
        return out


def take_imprint(paras: list[Para], outline: Outline) -> list[Para]:
    """版记 lines near the end (主送：…, 抄送：…。 and ``印发机关<tab>日期印发``): the 版记 is a text box
    at the foot of the last page, read wherever its anchor stands, before a table even."""
    start = max(0, len(paras) - _TAIL)
    rest = paras[:start]
    for para in paras[start:]:
        text = para.full.strip(" 　\t")
        printed = _PRINTED.match(text)
        copy_to = _COPY_TO.match(text)
        sent_to = _SENT_TO.match(text)
        if para.table is not None or para.label:
            rest.append(para)
        elif sent_to and outline.recipient is None:
            outline.recipient = sent_to.group(1)
            how = "版记中的主送（主送机关过长时移至版记）"
            outline.found["recipient"] = Found(para.line, how, sent_to.group(1))
        elif printed and parse_date(printed.group("date")):
            outline.back["printer"] = Found(para.line, "版记：印发机关", printed.group("printer"))
            outline.back["print_date"] = Found(para.line, "版记：印发日期", printed.group("date"))
            outline.back_lines.append(para.full)
        elif copy_to:
            outline.back["copy_to"] = Found(para.line, "版记：抄送", copy_to.group(1))
            outline.back_lines.append(para.full)
        else:
            rest.append(para)
    return rest


def take_attachment_pages(paras: list[Para], outline: Outline) -> list[Para]:
    """The 附件 pages at the end: from a line ``附件`` or ``附件1`` standing alone and followed
    by a title, each page to the next such label; numbered ones must run 1, 2, 3 …"""
    labels = [
        index
        for index, para in enumerate(paras)
        if para.table is None and _PAGE_LABEL.match(para.full.strip(" 　\t"))
    ]
    start = next((i for i in labels if _starts_pages(paras, i, labels)), None)
    if start is None:
        return paras
    pages: list[AttachmentPage] = []
    for para in paras[start:]:
        text = para.full.strip(" 　\t")
        if para.table is None and _PAGE_LABEL.match(text) and (not pages or pages[-1].title):
            pages.append(AttachmentPage("", lines=[para.full], line=para.line))
            continue
        page = pages[-1]
        page.lines.append(para.full)
        if not page.title:
            page.title = text
        elif para.table is not None:
            page.table.append(para.text.split(CELL_SEPARATOR))
        else:
            page.paragraphs.append(para.full)
    outline.attachment_pages = pages
    return paras[:start]


def _starts_pages(paras: list[Para], start: int, labels: list[int]) -> bool:
    after = [i for i in labels if i >= start]
    numbers = [_PAGE_LABEL.match(paras[i].full.strip(" 　\t")).group(1) for i in after]  # type: ignore[union-attr]
    sequential = numbers == [""] or numbers == [str(n) for n in range(1, len(numbers) + 1)]
    titled = all(
        i + 1 < len(paras)
        and paras[i + 1].table is None
        and has_cjk(paras[i + 1].text)
        and not ends_sentence(paras[i + 1].text)
        for i in after
    )
    return sequential and titled


def attachment_note(lines: list[str]) -> list[str] | None:
    """The names a 附件说明 lists (``附件：1.名称`` and ``2.名称`` below), None when ``lines``
    are not one: then they stay text."""
    if not lines:
        return None
    first = _NOTE_FIRST.match(lines[0].strip(" 　\t"))
    if not first:
        return None
    names = [first.group(2)]
    for number, line in enumerate(lines[1:], start=2):
        item = _NOTE_NEXT.match(line.strip(" 　\t"))
        if not item or int(item.group(1)) != number or first.group(1) != "1":
            return None
        names.append(item.group(2))
    if any(ends_sentence(name) or len(name) > 60 for name in names):
        return None
    return names


def take_attendance(paras: list[Para], outline: Outline) -> list[Para]:
    """出席：… 请假：… 列席：… at the end of a 纪要."""
    rest = list(paras)
    while (
        rest
        and rest[-1].table is None
        and (found := _ATTENDANCE_LINE.match(rest[-1].full.strip(" 　\t")))
    ):
        key = _ATTENDANCE[found.group(1)]
        if key in outline.back:
            break
        outline.back[key] = Found(rest[-1].line, f"纪要的“{found.group(1)}”", found.group(2))
        outline.back_lines.insert(0, rest.pop().full)
    return rest


def names_of(text: str) -> str | list[str]:
    """A list of names as the YAML holds it: one name as it is, several as a list."""
    names = [name.strip(" 　") for name in NAME_SEPARATOR.split(text) if name.strip(" 　")]
    return names if len(names) > 1 else text.strip(" 　")
