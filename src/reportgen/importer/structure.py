"""Segmenting a draft's paragraphs into the parts of a report.

A 公文 draft reads: title; 主送机关 (a line ending in ``：`` right after the title); preamble;
sections headed 一、 with （一） 1. （1） below; closing; issuer and 成文日期 at the end. Copies
from the web carry a ``发布日期: 2021-09-22  来源：…`` line under the title instead.

Headings are found by their numbers first (typed or Word's automatic ones); failing those, by the
levels the format declares (Markdown ``#``, Word's outline levels); failing those, by their shape:
a short line without sentence-final punctuation that comes before paragraphs.
"""

from __future__ import annotations

import re

from reportgen.gongwen.headings import draft_label_level, heading_number
from reportgen.importer import backmatter as back
from reportgen.importer import frontmatter as front
from reportgen.importer.lines import CELL_SEPARATOR, Para, ends_sentence, has_cjk
from reportgen.importer.outline import HeadingSeen, Masthead, Node, Outline, TableSeen
from reportgen.importer.reading import Reading

__all__ = ["HEADING_MAX", "Masthead", "Node", "Outline", "segment", "split_heading"]

_CLOSING = re.compile(
    r"^(?:特此|以上|下一步|下步|今后|新的一年|妥否|当否|专此|请予|【待补：结尾)|将继续|不止于此|再接再厉|继续努力|奋勇争先"
)
_ISSUER_FROM_TITLE = re.compile(r"^(.{2,24}?)关于")
_ATTACHMENTS = re.compile(r"^附件[ \t　]*\d*[ \t　]*[:：]")
HEADING_MAX = 40  # characters of a heading found by shape
_RUN_IN_MAX = 40  # characters of a run-in heading: （一）加强领导。正文……


def segment(reading: Reading) -> Outline:
    outline = Outline(notes=list(reading.notes), dropped=list(reading.dropped))
    paras = front.take_masthead(reading.paras, outline)
    paras = front.take_redhead(paras, outline)
    paras, meta_at = front.take_web_lines(paras, reading.meta, outline)
    paras = front.take_title(paras, meta_at, reading.meta, outline)
    paras = front.take_recipient(paras, outline)
    paras = back.take_imprint(paras, outline)
    paras = back.take_attachment_pages(paras, outline)
    paras = back.take_attendance(paras, outline)
    paras = front.take_signature(paras, outline)
    paras, attachments = _split_attachments(paras)
    _build(paras, outline)
    _take_closing(outline)
    names = back.attachment_note(attachments)
    if names:
        outline.attachment_names, outline.attachment_note = names, attachments
    else:
        outline.closing.extend(attachments)
    if outline.title:
        match = _ISSUER_FROM_TITLE.match(outline.title)
        outline.issuer_from_title = match.group(1) if match else None
    outline.dropped.sort(key=lambda item: item.line or 0)
    return outline


def _split_attachments(paras: list[Para]) -> tuple[list[Para], list[str]]:
    """附件：1.…… 2.…… before the signature: a list of its own, never headings of the body."""
    for index, para in enumerate(paras):
        if index and para.table is None and _ATTACHMENTS.match(para.full):
            return paras[:index], [p.full for p in paras[index:]]
    return paras, []


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
        para.table is not None
        or para.label
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
    """The tree of headings. A heading whose number the renderer would not give it again (the
    draft starts at 二、, skips a number, puts 1. right under 一、, writes 第一部分) keeps the
    number it had (``Node.number``), printed as written in the style of its own level."""
    levels = _levels(paras, outline)
    stack: list[Node] = []
    for para, level in zip(paras, levels, strict=True):
        if para.table is not None and not para.text.strip(CELL_SEPARATOR):
            continue  # an empty row of a form: nothing to keep as text
        parts = split_heading(para.text, level) if level and para.table is None else None
        target = stack[-1].paragraphs if stack else outline.preamble
        if para.table is not None:
            where = stack[-1].label + stack[-1].heading if stack else "导语"
            outline.tables.setdefault(para.table, TableSeen([], where)).rows.append(para.full)
        if level is None or parts is None:
            target.append(para.full)
            continue
        open_nodes = [node for node in stack if node.level < level]
        siblings = open_nodes[-1].children if open_nodes else outline.sections
        depth = len(open_nodes) + 1
        why = _why_not(para.label, level, depth, len(siblings) + 1)
        heading, run_in = parts
        stack = open_nodes
        number = para.label if why else ""
        node = Node(
            para.label, heading, level if para.label else depth, line=para.line, number=number
        )
        siblings.append(node)
        stack.append(node)
        if run_in:
            node.paragraphs.append(run_in)
        # a heading with its own number is set in the style of that number's level
        _seen(outline, para, level if why else depth, "verbatim" if why else "heading", why)


def _why_not(label: str, level: int, depth: int, ordinal: int) -> str:
    """Why a heading cannot be a heading of the YAML with its own number; "" when it can."""
    if not label:
        return ""  # no number in the draft: the renderer's is the only one
    if level != depth:
        return f"“{label.strip()}”直接在上一级之下（自动编号会是“{heading_number(depth, ordinal)}”），按原文序号排为标题"
    wanted = heading_number(depth, ordinal)
    if _normal(label, depth) != wanted:
        return f"草稿编号“{label.strip()}”（自动编号会是“{wanted}”），按原文序号排为标题"
    return ""


def _normal(label: str, level: int) -> str:
    label = label.strip(" 　\t").translate(_HALF_TO_FULL)
    if level == 1 and label[-1:] in ".．":
        return label[:-1] + "、"
    return label.replace("．", ".")


_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）"})


def _seen(outline: Outline, para: Para, level: int, kept: str, why: str = "") -> None:
    outline.headings.append(HeadingSeen(para.label, para.text, level, para.line, kept, why))


def _take_closing(outline: Outline) -> None:
    if not outline.sections:
        return
    node = outline.sections[-1]
    while node.children:
        node = node.children[-1]
    if len(node.paragraphs) >= 2 and _CLOSING.search(node.paragraphs[-1]):
        outline.closing.append(node.paragraphs.pop())
