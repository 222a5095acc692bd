"""Segmenting a draft's paragraphs into the parts of a report.

A 公文 draft reads: title; 主送机关 (a line ending in ``：`` right after the title); preamble;
sections headed 一、 with （一） 1. （1） below; closing; issuer and 成文日期 at the end. Copies
from the web carry a ``发布日期: 2021-09-22  来源：…`` line under the title instead.

Headings are found by their numbers first (typed or Word's automatic ones); failing those, by the
levels the format declares (Markdown ``#``, Word's outline levels); failing those, by their shape:
a short line without sentence-final punctuation that comes before paragraphs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reportgen.gongwen.dates import DATE, date_line, parse_date
from reportgen.gongwen.headings import draft_label_level
from reportgen.gongwen.numerals import DIGITS, parse_count
from reportgen.importer.lines import Para, ends_sentence, has_cjk
from reportgen.importer.reading import Reading

_PUBLISHED = re.compile(
    rf"(?:发布日期|发布时间|发文日期|日期)[ \t　]*[:：][ \t　]*({DATE})(?:[ \t　]*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
)
_SOURCE = re.compile(r"^[ \t　]*(?:来源|作者|供稿)[ \t　]*[:：][ \t　]*")
_ORG_ENDS_LONG = re.compile(r"办公室|委员会|领导小组|报社|日报|晚报|新闻网|中心|研究院|网站")
_ORG_ENDS_SHORT = re.compile(r"[局司厅部委办报网社院府]")
_CLOSING = re.compile(r"^(?:特此|以上|下一步|下步|今后)|将继续|不止于此|再接再厉|继续努力|奋勇争先")
_ISSUER_FROM_TITLE = re.compile(r"^(.{2,24}?)关于")
_EXCERPTED_FROM = re.compile(r"^摘自[ \t　]*《?([^ \t　》]{2,20})")
_META_SCAN = 5  # paragraphs at the top that may carry 发布日期/来源
HEADING_MAX = 40  # characters of a heading found by shape
_RUN_IN_MAX = 40  # characters of a run-in heading: （一）加强领导。正文……


@dataclass
class Node:
    """A heading with what stands under it, in draft order: paragraphs, then lower headings."""

    label: str
    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def flat(self) -> list[str]:
        """The node as plain paragraphs, headings written with the draft's own numbers."""
        lines = [self.label + self.heading, *self.paragraphs]
        for child in self.children:
            lines.extend(child.flat())
        return lines


@dataclass
class Outline:
    title: str | None = None
    recipient: str | None = None
    preamble: list[str] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    issuer: str | None = None
    date: dt.date | None = None
    source: str | None = None  # 来源/作者 of a web copy: the organ that published it
    masthead: Masthead | None = None  # 报头 of a 工作简报
    issuer_from_title: str | None = None
    headings_by: str = "none"  # numbers | outline | shape | none
    notes: list[str] = field(default_factory=list)

    def body(self) -> list[str]:
        """Every paragraph between the recipient and the issuer, headings included."""
        lines = list(self.preamble)
        for section in self.sections:
            lines.extend(section.flat())
        return lines + self.closing


@dataclass
class Masthead:
    """The 报头 of a 工作简报: its name, 第N期, and the issuing unit with the date."""

    name: str
    issue_no: int | None = None
    editor: str | None = None


def segment(reading: Reading) -> Outline:
    outline = Outline(notes=list(reading.notes))
    paras = _take_masthead(reading.paras, outline)
    paras, meta_at = _take_meta(paras, reading.meta, outline)
    paras = _take_title(paras, meta_at, reading.meta, outline)
    paras = _take_recipient(paras, outline)
    paras = _take_signature(paras, outline)
    _build(paras, outline)
    _take_closing(outline)
    body = outline.body()
    excerpted = _EXCERPTED_FROM.match(body[-1]) if body else None
    if excerpted and not outline.source:
        outline.source = excerpted.group(1)
    if outline.title:
        found = _ISSUER_FROM_TITLE.match(outline.title)
        outline.issuer_from_title = found.group(1) if found else None
    return outline


_BRIEF_NAME = re.compile(r"^[^，。；：:]{0,16}(?:简报|快报|专报|动态|通讯|情况反映)$")
_ISSUE = re.compile(rf"^(?:\d{{4}}\s*年\s*)?第\s*([0-9０-９]+|[{DIGITS}十百]+)\s*期")
_EDITOR_AND_DATE = re.compile(rf"^(?P<editor>[^\s　]{{2,30}}?)[\s　]+(?P<date>{DATE})$")


def _take_masthead(paras: list[Para], outline: Outline) -> list[Para]:
    """A brief opens with its name, 第N期, and the issuing unit and date on one line: take
    them off the top, so that the title below is found as the title."""
    if not paras or paras[0].label or not _BRIEF_NAME.match(paras[0].text):
        return paras
    masthead = Masthead(paras[0].text)
    rest = paras[1:]
    if rest and (issue := _ISSUE.match(rest[0].text)):
        number = issue.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        masthead.issue_no = parse_count(number)
        rest = rest[1:]
    if rest and (line := _EDITOR_AND_DATE.match(rest[0].text.replace("\t", " "))):
        masthead.editor = line.group("editor")
        outline.date = parse_date(line.group("date"))
        rest = rest[1:]
    outline.masthead = masthead
    return rest


def _take_meta(
    paras: list[Para], meta: dict[str, str], outline: Outline
) -> tuple[list[Para], int | None]:
    """Pull 发布日期/来源 out of the top lines; returns the rest and where the meta stood."""
    if meta.get("date"):
        outline.date = parse_date(meta["date"])
    outline.source = meta.get("author") or meta.get("source")
    out: list[Para] = []
    meta_at = None
    for index, para in enumerate(paras):
        found = _PUBLISHED.search(para.text) if index < _META_SCAN and not para.label else None
        source = _SOURCE.match(para.text) if index < _META_SCAN and not para.label else None
        if not found and not source:
            out.append(para)
            continue
        before, after = (
            (para.text[: found.start()], para.text[found.end() :]) if found else ("", para.text)
        )
        if found:
            outline.date = outline.date or parse_date(found.group(1))
        if before.strip():
            out.append(Para(before.strip(" 　"), "", None, para.line))
        meta_at = len(out)
        rest = _take_source(after, outline)
        if rest.strip():
            out.append(Para(rest.strip(" 　"), "", None, para.line))
    return out, meta_at


def _take_source(text: str, outline: Outline) -> str:
    found = _SOURCE.match(text)
    if not found:
        return text
    text = text[found.end() :]
    space = re.search(r"[ \t　]", text[:30])
    if space:
        end = space.start()
    else:
        longer = list(_ORG_ENDS_LONG.finditer(text[:30]))
        shorter = _ORG_ENDS_SHORT.search(text, 2, 30)
        end = longer[-1].end() if longer else shorter.end() if shorter else len(text)
    outline.source = outline.source or text[:end]
    return text[end:]


def _title_shaped(para: Para) -> bool:
    return (
        not para.label
        and 0 < len(para.text) <= 80
        and has_cjk(para.text)
        and not ends_sentence(para.text)
    )


def _take_title(
    paras: list[Para], meta_at: int | None, meta: dict[str, str], outline: Outline
) -> list[Para]:
    if not paras:
        outline.title = meta.get("title")
        return paras
    if meta_at in (1, 2) and all(_title_shaped(p) for p in paras[:meta_at]):
        outline.title = "".join(p.text for p in paras[:meta_at])
        return paras[meta_at:]
    first = paras[0]
    declared = first.outline is not None and first.outline <= 1
    if _title_shaped(first) or (declared and not first.label):
        if meta.get("title") and meta["title"] != first.text and not declared:
            outline.title = meta["title"]
            return paras
        outline.title = first.text
        return paras[1:]
    outline.title = meta.get("title")
    return paras


def _take_recipient(paras: list[Para], outline: Outline) -> list[Para]:
    first = paras[0] if paras else None
    if (
        first
        and not first.label
        and first.text.endswith(("：", ":"))
        and len(first.text) <= 50
        and not any(stop in first.text[:-1] for stop in "。！？；")
    ):
        outline.recipient = first.text[:-1].strip()
        return paras[1:]
    return paras


def _take_signature(paras: list[Para], outline: Outline) -> list[Para]:
    """成文日期 standing alone at the end, and the issuer on the line above it."""
    if not paras or paras[-1].label:
        return paras
    day = date_line(paras[-1].text)
    if day is None:
        return paras
    outline.date = day
    paras = paras[:-1]
    last = paras[-1] if paras else None
    if (
        last
        and not last.label
        and len(last.text) <= 30
        and not ends_sentence(last.text)
        and has_cjk(last.text)
    ):
        outline.issuer = last.text
        paras = paras[:-1]
    return paras


# --- headings and the tree ------------------------------------------------------------------


def _levels(paras: list[Para], outline: Outline) -> list[int | None]:
    numbered = [draft_label_level(p.label) if p.label else None for p in paras]
    if 1 in numbered:
        outline.headings_by = "numbers"
        return numbered
    declared = sorted({p.outline for p in paras if p.outline})
    if declared:
        outline.headings_by = "outline"
        rank = {value: index + 1 for index, value in enumerate(declared[:4])}
        return [rank.get(p.outline or 0) or level for p, level in zip(paras, numbered, strict=True)]
    shaped = [
        level or (1 if _heading_shaped(paras, index) else None)
        for index, level in enumerate(numbered)
    ]
    if 1 in shaped:
        outline.headings_by = "shape"
    return shaped


def _heading_shaped(paras: list[Para], index: int) -> bool:
    para = paras[index]
    if (
        para.label
        or len(para.text) > HEADING_MAX
        or ends_sentence(para.text)
        or not has_cjk(para.text)
    ):
        return False
    following = paras[index + 1] if index + 1 < len(paras) else None
    return following is not None and (
        ends_sentence(following.text) or len(following.text) > HEADING_MAX
    )


def split_heading(text: str, level: int) -> tuple[str, str] | None:
    """A numbered line as (heading, the paragraph run in after it); None if it is no heading."""
    if len(text) <= _RUN_IN_MAX and not any(stop in text[:-1] for stop in "。！？"):
        return text, ""
    stop = re.search(r"[。！？]", text[: _RUN_IN_MAX + 1])
    if stop:
        return text[: stop.end()], text[stop.end() :].strip(" 　")
    return (text, "") if level == 1 else None


def _build(paras: list[Para], outline: Outline) -> None:
    levels = _levels(paras, outline)
    stack: list[Node] = []
    for para, level in zip(paras, levels, strict=True):
        parts = split_heading(para.text, level) if level else None
        if level is None or parts is None or (level > 1 and not stack):
            target = stack[-1].paragraphs if stack else outline.preamble
            target.append(para.full)
            continue
        heading, run_in = parts
        while stack and stack[-1].level >= level:
            stack.pop()
        node = Node(para.label, heading, len(stack) + 1)
        (stack[-1].children if stack else outline.sections).append(node)
        stack.append(node)
        if run_in:
            node.paragraphs.append(run_in)


def _take_closing(outline: Outline) -> None:
    if not outline.sections:
        return
    node = outline.sections[-1]
    while node.children:
        node = node.children[-1]
    if len(node.paragraphs) >= 2 and _CLOSING.search(node.paragraphs[-1]):
        outline.closing.append(node.paragraphs.pop())
