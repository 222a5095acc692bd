"""What import decided, for the user to confirm: as lines of text, or as one JSON object.

The JSON object (``reportgen import DRAFT --format json``) has these keys; ``line`` is 1-based:
the line in a .txt/.md draft, the paragraph's number in reading order in a .docx (as in lint):

* ``draft``, ``output``: the files read and written;
* ``kind``: ``id``, ``name``, ``chosen_by`` (``proposal`` or ``option`` for ``--kind``),
  ``reason``, ``fits`` (false: no kind has the draft's 文种, ``id`` is only the nearest) and
  ``runner_up`` (``{"id", "reason"}`` or null);
* ``values``: for ``title``, ``recipient``, ``issuer``, ``date`` (and a brief's ``brief_name``,
  ``issue_no``, ``editor``): ``value`` as found in the draft (a date as ``YYYY-MM-DD``), null when
  the draft does not have it; ``written``, what the YAML holds (null or a ``【待补：…】`` to-do
  when not found); ``line``, ``how`` and ``source_text``, where and how it was found;
* ``formal``: the 红头 elements found (``copy_no``, ``secrecy``, ``urgency``, ``issuer_mark``,
  ``doc_number``, ``signer``), each ``{"text", "line", "how"}``;
* ``headings``: every numbered line: ``label``, ``text``, ``level`` (1 一、 … 4 （1）), ``line``,
  ``kept`` (``heading``: a heading of the YAML, renders with the same number; ``verbatim``: a
  heading of the YAML that keeps the draft's own number, ``number`` in the YAML) and ``why``;
* ``dropped``: every line of the draft that is not in the YAML: ``line``, ``text``, ``reason``;
* ``notes``: the rest the user should check, in Chinese.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportgen.importer.mapping import FORMAL_NAMES

if TYPE_CHECKING:
    from reportgen.importer import ImportResult

_NAMES = {
    "title": "标题",
    "recipient": "主送机关",
    "issuer": "发文机关署名",
    "date": "成文日期",
    "brief_name": "简报名称",
    "issue_no": "期号",
    "editor": "编发单位",
}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _is_todo(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.startswith("【待补"))


def as_json(result: ImportResult) -> dict[str, Any]:
    values = {}
    for key, written in result.values.items():
        found = result.found.get(key)
        values[key] = {
            "value": None if _is_todo(written) else _plain(written),
            "written": _plain(written),
            "line": found.line if found else None,
            "how": found.how if found else None,
            "source_text": found.text if found else None,
        }
    runner_up = result.runner_up
    return {
        "draft": str(result.draft) if result.draft else None,
        "output": str(result.output),
        "kind": {
            "id": result.kind,
            "name": result.kind_name,
            "chosen_by": result.chosen_by,
            "reason": result.reason,
            "fits": result.fits,
            "runner_up": {"id": runner_up[0], "reason": runner_up[1]} if runner_up else None,
        },
        "values": values,
        "formal": {
            key: {"text": found.text, "line": found.line, "how": found.how}
            for key, found in result.formal.items()
        },
        "headings": [
            {
                "label": h.label,
                "text": h.text,
                "level": h.level,
                "line": h.line,
                "kept": h.kept,
                "why": h.why,
            }
            for h in result.headings
        ],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in result.dropped],
        "notes": list(result.warnings),
    }


def as_text(result: ImportResult) -> list[str]:
    """The decisions as lines in Chinese, most important first."""
    name = f"“{result.kind_name}”" if result.kind_name else ""
    if result.chosen_by == "option":
        lines = [f"类型：{result.kind}{name}（用 --kind 指定）"]
    elif result.fits:
        lines = [f"推荐类型：{result.kind}{name}。理由：{result.reason}"]
    else:
        lines = [f"没有相符的类型，按最接近的 {result.kind}{name} 导入。{result.reason}"]
    if result.runner_up and result.chosen_by == "proposal":
        lines.append(f"  其次：{result.runner_up[0]}（{result.runner_up[1]}）")
    for key, written in result.values.items():
        found = result.found.get(key)
        label = _NAMES.get(key, key)
        if _is_todo(written):
            pending = f"，草稿中是“{found.text}”" if found and found.text else ""
            lines.append(f"{label}：未找到，留待填写{pending}")
        elif found:
            where = f"第 {found.line} 行，" if found.line else ""
            lines.append(f"{label}：{_plain(written)}（{where}{found.how}）")
        else:
            lines.append(f"{label}：{_plain(written)}")
    for key, found in result.formal.items():
        where = f"第 {found.line} 行，" if found.line else ""
        lines.append(f"{FORMAL_NAMES[key]}：{found.text}（{where}{found.how}）")
    if result.headings:
        kept = sum(1 for h in result.headings if h.kept == "verbatim")
        lines.append(f"标题层次：{len(result.headings)} 个，{kept} 个按原文序号")
        for h in result.headings:
            where = f"第 {h.line} 行" if h.line else ""
            shown = f"{h.label}{h.text}"[:30]
            if h.kept == "heading":
                lines.append(f"  {where} {h.level} 级  {shown}")
            else:
                lines.append(f"  {where} {h.level} 级，原文序号  {shown}：{h.why}")
    if result.dropped:
        lines.append(f"未导入的行：{len(result.dropped)} 行")
        for d in result.dropped:
            where = f"第 {d.line} 行" if d.line else ""
            lines.append(f"  {where} “{d.text[:40]}”：{d.reason}")
    lines.extend(f"注意：{note}" for note in result.warnings)
    return lines
