"""Mapping a segmented draft onto the YAML data of a brief-layout kind (工作简报).

Items start where a paragraph opens with a unit's name (see :mod:`units`); without such
paragraphs, each section of the draft is an item. Within an item, the paragraphs from the first
``截至…`` on are its progress. 报/送/发 lines at the end are the distribution.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from reportgen.gongwen.placeholders import todo
from reportgen.importer.mapping import formal_data, unfilled_date_note
from reportgen.importer.structure import Node, Outline
from reportgen.importer.tables import place_tables
from reportgen.importer.units import UnitStart, is_progress, unit_start

if TYPE_CHECKING:
    from reportgen.kinds.spec import KindSpec

_DISTRIBUTION = re.compile(r"^(报送|抄送|分送|印发|报|送|发)[ 　]*[：:][ 　]*(.+)$")
_DISTRIBUTION_KEYS = {
    "报": "submit_to",
    "报送": "submit_to",
    "送": "copy_to",
    "抄送": "copy_to",
    "分送": "copy_to",
    "发": "send_to",
    "印发": "send_to",
}


def brief_data(outline: Outline, spec: KindSpec) -> tuple[dict[str, Any], list[str]]:
    notes: list[str] = []
    whole = ([f"{outline.recipient}："] if outline.recipient else []) + outline.body()
    whole += outline.back_lines
    stream, distribution = _take_distribution(whole)
    tail = set(whole[len(stream) :])  # the 报/送/发 lines, which belong to no item
    starts = [(index, start) for index, text in enumerate(stream) if (start := unit_start(text))]
    if starts:
        preamble = stream[: starts[0][0]]
        items = _items_from_units(stream, starts, notes)
    elif outline.sections:
        preamble = list(outline.preamble)
        items = [_item_from_section(node) for node in outline.sections]
        items[-1]["progress"] = items[-1].get("progress", []) + outline.closing
        for item in items:
            for key in ("paragraphs", "progress"):
                if key in item:
                    item[key] = [text for text in item[key] if text not in tail]
        notes.append("未找到以单位名称开头的段落，已把各部分作为单位条目，请核对单位名称和要点")
    else:
        preamble = []
        items = [{"unit": todo("单位"), "headline": todo("要点"), "paragraphs": stream}]
        notes.append("未找到单位条目，正文都放在了一个待补的条目中，请按单位分条")
    masthead = outline.masthead
    editor = (masthead.editor if masthead else None) or outline.issuer
    if editor is None:
        hint = f"（网页来源是“{outline.source}”，如是编发单位请填入）" if outline.source else ""
        notes.append(f"草稿中没有编发单位，editor 留作待补{hint}")
    if outline.date is None:
        notes.append(unfilled_date_note(outline, "编发日期"))
    issue_no = masthead.issue_no if masthead and masthead.issue_no else None
    if issue_no is None:
        notes.append("草稿中没有期号，issue_no 已留空：排版时显示为高亮的“第X期”，请填写")
    if not distribution:
        notes.append("未找到报尾（报、送、发），请按需填写 distribution")
    data: dict[str, Any] = {
        "kind": spec.id,
        "brief_name": masthead.name if masthead else spec.defaults.get("brief_name", "工作简报"),
        "issue_no": issue_no,
        "editor": editor or todo("编发单位"),
        "date": outline.date,
        "title": outline.title or todo("标题"),
        "preamble": preamble,
        "sections": items,
        "distribution": distribution or {"submit_to": "", "copy_to": "", "send_to": ""},
    }
    if outline.title is None:
        notes.append("未找到标题，请填写 title")
    data.update(formal_data(outline, spec))
    notes.extend(place_tables(data, outline, spec, attachments=False))  # a brief has no 附件
    return {key: value for key, value in data.items() if value != []}, notes


def _take_distribution(stream: list[str]) -> tuple[list[str], dict[str, str]]:
    found: dict[str, str] = {}
    while stream and (line := _DISTRIBUTION.match(stream[-1])):
        key = _DISTRIBUTION_KEYS[line.group(1)]
        if key in found:
            break
        found[key] = line.group(2).strip()
        stream = stream[:-1]
    return stream, found


def _items_from_units(
    stream: list[str], starts: list[tuple[int, UnitStart]], notes: list[str]
) -> list[dict[str, Any]]:
    items = []
    doubled = [start.unit for _, start in starts if start.doubled]
    if doubled:
        notes.append(f"单位名称连写了两遍（如“{doubled[0] * 2}”），已只保留一次，请核对")
    bounds = [index for index, _ in starts] + [len(stream)]
    for (index, start), end in zip(starts, bounds[1:], strict=True):
        body = stream[index + 1 : end]
        headline = start.rest
        if not headline and body:
            headline, body = body[0], body[1:]
        split = next((i for i, text in enumerate(body) if is_progress(text)), len(body))
        item: dict[str, Any] = {"unit": start.unit, "headline": headline or todo("要点")}
        if body[:split]:
            item["paragraphs"] = body[:split]
        if body[split:]:
            item["progress"] = body[split:]
        items.append(item)
    return items


def _item_from_section(node: Node) -> dict[str, Any]:
    start = unit_start(node.heading, plain=False)
    body = node.paragraphs + [line for child in node.children for line in child.flat()]
    if start and start.rest:
        unit, headline = start.unit, start.rest
    elif body:
        unit, headline, body = node.heading, body[0], body[1:]
    else:
        unit, headline = node.heading, todo("要点")
    split = next((i for i, text in enumerate(body) if is_progress(text)), len(body))
    item: dict[str, Any] = {"unit": unit, "headline": headline}
    if body[:split]:
        item["paragraphs"] = body[:split]
    if body[split:]:
        item["progress"] = body[split:]
    return item
