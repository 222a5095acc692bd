"""Mapping a segmented draft onto the YAML data of a report-layout kind.

List kinds take the draft's sections as they are. Fixed kinds have a set of named parts
(``study``, ``research`` …): the draft's sections go to them in order; when the counts differ,
each section goes to the part whose heading it resembles most, order kept, and a part the draft
lacks gets its suggested heading and a note. Nothing of the draft's text is dropped: a heading
that cannot stand as a heading where it lands (a part without subsections, a fifth level) stays
as a paragraph with its own number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportgen.gongwen.placeholders import find_placeholders, todo
from reportgen.importer.backmatter import names_of
from reportgen.importer.frontmatter import WEB, mark_name
from reportgen.importer.lines import Dropped
from reportgen.importer.proposal import bigrams
from reportgen.importer.structure import Node, Outline
from reportgen.importer.tables import place_tables

if TYPE_CHECKING:
    from reportgen.kinds.spec import KindSpec, SectionSpec
    from reportgen.layouts.base import Format

_MAX_LEVEL = 4

#: The 红头 elements import recognises, by the key it gives them, with their GB/T 9704 names.
FORMAL_NAMES = {
    "copy_no": "份号",
    "secrecy": "密级",
    "urgency": "紧急程度",
    "issuer_mark": "发文机关标志",
    "doc_number": "发文字号",
    "signer": "签发人",
}


def kind_format(spec: KindSpec) -> Format:
    """The format a report of ``spec`` goes out in when its YAML names none: what import may
    fill (its 红头 fields, its back matter, its 附件), as the kind's layout decides."""
    from types import SimpleNamespace

    from reportgen.layouts import format_for, get

    return format_for(get(spec.layout).format_name(SimpleNamespace(format=None), spec))


def draft_format(outline: Outline, spec: KindSpec) -> Format:
    """The format the imported report goes out in: the kind's own, or the 公文 format when the
    draft has a 红头 (a 发文机关标志 or 发文字号) that the kind's own format would drop and
    the kind's layout lets a report choose it (``format: formal``)."""
    from types import SimpleNamespace

    from reportgen.layouts import format_for, get

    own = kind_format(spec)
    if own.head != "none" or not {"issuer_mark", "doc_number"} & outline.formal.keys():
        return own
    chosen = get(spec.layout).format_name(SimpleNamespace(format="formal"), spec)
    return format_for(chosen) if chosen == "formal" else own


def report_data(outline: Outline, spec: KindSpec) -> tuple[dict[str, Any], list[str]]:
    """The YAML data of a report of kind ``spec``, and notes for the user. What the draft does
    not have stays a to-do (``【待补：…】``) or empty (the date): nothing is made up."""
    notes: list[str] = []
    data: dict[str, Any] = {"kind": spec.id}
    form = draft_format(outline, spec)
    if form is not kind_format(spec):
        data["format"] = form.name
        found = "、".join(name for key, name in FORMAL_NAMES.items() if key in outline.formal)
        notes.append(f"草稿有红头（{found}），已按公文格式导入：format: {form.name}")
    data["title"] = _title(outline, notes)
    data["recipient"] = outline.recipient or _required(spec, "recipient", "主送机关", notes)
    data["preamble"] = outline.preamble or _listed(_required(spec, "preamble", "导语", notes))
    if spec.sections.mode == "list":
        data["sections"] = [section_data(node, True) for node in outline.sections]
        if not outline.sections:
            notes.append("未找到分部分的标题，正文都放在了导语中，请按需分部分")
    else:
        data["sections"] = _fixed_sections(outline.sections, spec, notes)
    formal = formal_data(outline, spec, form)
    closing = outline.closing + outline.after + _as_text(outline, spec, formal, form)
    data["closing"] = closing or _listed(_required(spec, "closing", "结尾段", notes))
    data["issuer"] = _issuer(outline, notes)
    data["date"] = outline.date
    if outline.date is None and spec.minutes and "print_date" in formal:
        data["date"] = formal.pop("print_date")  # a 纪要 prints no 成文日期, only 印发日期
    elif outline.date is None:
        notes.append(unfilled_date_note(outline, "成文日期"))
    if "print_date" in formal and formal["print_date"] == data["date"]:
        del formal["print_date"]  # the 印发日期 defaults to the 成文日期
    data.update(formal)
    # a format with back matter (公文, 信函) has 附件, and tables there
    notes.extend(place_tables(data, outline, spec, attachments=form.back_matter))
    return {
        key: value
        for key, value in data.items()
        if key in ("sections", "date") or value not in (None, [])
    }, notes


def required_to_dos(data: dict[str, Any], spec: KindSpec) -> list[str]:
    """To-dos where the draft lacks what ``spec`` requires of the text (a 请示's ending): put
    into ``data``, and the notes that say so."""
    if not spec.ending:
        return []
    closing = [*data.get("closing", []), todo("结尾语，如“" + spec.ending[0] + "”")]
    if "closing" not in data:  # in its place, after the sections
        items = list(data.items())
        at = next((i + 1 for i, (key, _) in enumerate(items) if key == "sections"), len(items))
        data.clear()
        data.update([*items[:at], ("closing", closing), *items[at:]])
    data["closing"] = closing
    endings = "、".join(f"“{end}”" for end in spec.ending)
    return [f"草稿的结尾段不是{spec.name}的结尾语（{endings}），结尾段末已留待补标记，请补写"]


_ATTENDANCE_KEYS = {"attendees": "出席", "on_leave": "请假", "observers": "列席"}


def _back_matter(outline: Outline, spec: KindSpec) -> dict[str, Any]:
    """附注, 版记, 附件 and a 纪要's attendance into the formal fields."""
    from reportgen.gongwen.dates import parse_date

    data: dict[str, Any] = {}
    for key, found in outline.back.items():
        if key in _ATTENDANCE_KEYS and not spec.minutes:
            continue
        value: Any = found.text
        if key == "print_date":
            value = parse_date(value)
        elif key == "copy_to" or key in _ATTENDANCE_KEYS:
            value = names_of(value)
        data[key] = value
    attachments = _attachments(outline)
    if attachments:
        data["attachments"] = attachments
    return {key: value for key, value in data.items() if value}


def _attachments(outline: Outline) -> list[Any]:
    """The 附件 pages (their title, text, table) and the names the 附件说明 lists beyond them;
    [] when a title could not stand as one (the lines then stay text)."""
    pages = outline.attachment_pages
    items: list[Any] = [page.data() for page in pages]
    items += outline.attachment_names[len(pages) :]
    titles = [item if isinstance(item, str) else item["title"] for item in items]
    if any(not title or title[-1] in "。，；：、.,;:" for title in titles):
        return []
    return items


def _as_text(outline: Outline, spec: KindSpec, formal: dict[str, Any], form: Format) -> list[str]:
    """The 附件说明, 附件, 附注, 版记 and attendance lines no field of ``spec`` in ``form``
    took, as written."""
    lines: list[str] = []
    if "attachments" not in formal:
        pages = [line for page in outline.attachment_pages for line in page.lines]
        lines += outline.attachment_note + pages
    if not form.back_matter:  # no 附注 or 版记 to put them in: they stay text
        return lines + outline.back_lines
    if not spec.minutes:
        lines += [
            f"{_ATTENDANCE_KEYS[key]}：{found.text}"
            for key, found in outline.back.items()
            if key in _ATTENDANCE_KEYS
        ]
    return lines


def unfilled_date_note(outline: Outline, name: str) -> str:
    found = outline.found.get("date")
    where = f"（第 {found.line} 行“{found.text}”待填）" if found and found.line else ""
    return f"草稿中没有{name}{where}，date 已留空：排版时显示为高亮的待填日期，请填写"


def formal_data(outline: Outline, spec: KindSpec, form: Format | None = None) -> dict[str, Any]:
    """红头 elements into the formal fields of ``form`` (the kind's own format unless given), or
    the kind's fields of the same name; listed as dropped where neither takes them."""
    form = form or kind_format(spec)
    fields = {field.name: field.key for field in spec.fields}
    found = {k: e.text for k, e in outline.formal.items()}
    data, taken = form.recognise(found, spec)
    if "mark" in data:
        data["mark"] = outline.joint_marks or mark_name(data["mark"])
    if form.back_matter:
        data.update(_back_matter(outline, spec))
    for key, element in outline.formal.items():
        name = FORMAL_NAMES[key]
        if key in taken:
            continue
        if name in fields:
            data[fields[name]] = element.text
        elif element.line not in {d.line for d in outline.dropped if d.reason == WEB}:
            reason = _why_not_taken(name, element.text, spec, form)
            shown = f"签发人：{element.text}" if key == "signer" else element.text
            outline.dropped.append(Dropped(element.line, shown, reason))
    return data


def _why_not_taken(name: str, text: str, spec: KindSpec, form: Format) -> str:
    if form.head == "none":
        return f"红头的{name}：“{spec.name}”没有这一项"
    if find_placeholders(text):
        return f"红头的{name}待补：{name}留空，排版时仍显示为高亮的待填项"
    return f"红头的{name}写法不合规范，没有填入，请核对后填写"


def section_data(node: Node, subsections: bool, level: int = 1) -> dict[str, Any]:
    """A section (or subsection) of the YAML; children beyond what may nest become paragraphs."""
    paragraphs = list(node.paragraphs)
    children: list[dict[str, Any]] = []
    for child in node.children:
        if subsections and level < _MAX_LEVEL:
            children.append(section_data(child, True, level + 1))
        else:
            paragraphs.extend(child.flat())
    data: dict[str, Any] = {"heading": node.heading}
    if node.number:
        data["number"] = node.number
    data["paragraphs"] = paragraphs
    if children:
        data["subsections"] = children
    return data


def _fixed_sections(nodes: list[Node], spec: KindSpec, notes: list[str]) -> dict[str, Any]:
    items = spec.sections.items
    groups = _align(nodes, items)
    sections: dict[str, Any] = {}
    for item, group in zip(items, groups, strict=True):
        key = item.key or ""
        if not group:
            sections[key] = {"heading": item.heading, "paragraphs": []}
            notes.append(f"草稿中没有与“{item.heading}”对应的部分，已用建议标题，请补写内容")
            continue
        first, *more = group
        data = section_data(first, item.subsections)
        for extra in more:
            if item.subsections:
                data.setdefault("subsections", []).append(section_data(extra, True, 2))
            else:
                data["paragraphs"].extend(extra.flat())
        if more:
            shown = "、".join(f"“{node.heading}”" for node in more)
            notes.append(f"{shown} 并入了“{first.heading}”部分，请核对")
        sections[key] = data
    if not nodes:
        notes.append("未找到“一、”等部分标题，正文都放在了导语中，请把内容移到各部分")
    return sections


def _align(nodes: list[Node], items: list[SectionSpec]) -> list[list[Node]]:
    """Which of ``nodes`` go to each item: in order, each to the item it resembles most."""
    if len(nodes) == len(items):
        return [[node] for node in nodes]
    if not nodes:
        return [[] for _ in items]
    score = [[_resemblance(node.heading, item) for item in items] for node in nodes]
    # best[i][j]: the best total for nodes[:i+1] with nodes[i] in items[j]; a part reached
    # first earns a little, so sections spread over the parts rather than pile into one.
    best = [[0.0] * len(items) for _ in nodes]
    back = [[0] * len(items) for _ in nodes]
    for j in range(len(items)):
        best[0][j] = score[0][j] + 0.5
    for i in range(1, len(nodes)):
        for j in range(len(items)):
            options = [(best[i - 1][k] + (0.5 if k < j else 0.0), k) for k in range(j + 1)]
            total, back[i][j] = max(options)
            best[i][j] = total + score[i][j]
    j = max(range(len(items)), key=lambda k: best[-1][k])
    groups: list[list[Node]] = [[] for _ in items]
    for i in range(len(nodes) - 1, -1, -1):
        groups[j].insert(0, nodes[i])
        j = back[i][j]
    return groups


def _resemblance(heading: str, item: SectionSpec) -> float:
    spec_grams = bigrams(item.heading)
    shared = len(spec_grams & bigrams(heading)) / len(spec_grams) if spec_grams else 0.0
    # words the kind file names for the part (调研 for research) point a heading to it
    return shared + (1.0 if any(word in heading for word in item.words) else 0.0)


def _title(outline: Outline, notes: list[str]) -> str:
    if outline.title:
        return outline.title
    notes.append("未找到标题，请填写 title")
    return todo("标题")


def _issuer(outline: Outline, notes: list[str]) -> str:
    if outline.issuer:
        return outline.issuer
    hints = [
        f"{where}中有“{name}”"
        for name, where in ((outline.issuer_from_title, "标题"), (outline.source, "网页来源"))
        if name
    ]
    hint = f"（{'，'.join(hints)}，如是发文机关请填入）" if hints else ""
    notes.append(f"草稿文末没有署名，issuer 留作待补{hint}")
    return todo("发文机关署名")


def _required(spec: KindSpec, name: str, label: str, notes: list[str]) -> str | None:
    """A to-do note for a part the kind requires and the draft lacks; None if optional."""
    if name not in spec.required:
        return None
    notes.append(f"草稿中没有{label}，这一类型必须有，已留待补标记")
    return todo(label)


def _listed(text: str | None) -> list[str] | None:
    return [text] if text else None
