"""Writing the commented YAML scaffold of a kind: what ``reportgen new`` gives a user.

The scaffold validates and renders as it is: guidance stands in the text as bracketed notes
(``【待补：…】``, which render highlighted and which lint reports), and figures are declared with no
value, so they render as placeholders until the numbers arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from reportgen.gongwen.placeholders import todo
from reportgen.kinds.spec import FigureSpec, KindSpec
from reportgen.layouts import get as get_layout
from reportgen.yamlio.emit import LINE_BREAKS as _LINE_BREAKS
from reportgen.yamlio.emit import scalar

if TYPE_CHECKING:
    from reportgen.gongwen.days import Day


def _one_line(value: Any) -> Any:
    """``value`` (a kind's spec, or a part of it) with every text on one line: the texts of a
    kind file go into the scaffold's comments, and a line break would end the comment and let
    the rest of the text become YAML. ``defaults`` are left as they are: they go through
    :func:`scalar`, which quotes them."""
    if isinstance(value, str):
        return "".join(" " if char in _LINE_BREAKS else char for char in value)
    if isinstance(value, list):
        return [_one_line(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={
                name: _one_line(getattr(value, name))
                for name in type(value).model_fields
                if name != "defaults"
            }
        )
    return value


def scaffold(spec: KindSpec, schema_name: str, day: Day) -> str:
    spec = _one_line(spec)
    layout = get_layout(spec.layout)
    lines = [
        f"# yaml-language-server: $schema={schema_name}",
        f"# {spec.name}（{spec.id}）—— reportgen 模板",
        f"# {spec.summary}",
        f"# 填法：按各行注释替换内容；{todo('…')}处是要写的内容，未写的在成稿中黄色高亮。",
        "# 写好后运行：reportgen render 本文件名.yaml    检查未填数据：reportgen lint 本文件名.yaml",
        "",
        "# 报告类型，不要改",
        f"kind: {spec.id}",
        "",
    ]
    lines += layout.scaffold_head(spec, day)
    lines += [
        "# 导语：一两段，交代背景、依据和总体情况；可写一段文字，或每段一项的列表",
        "preamble:",
        f"  - {todo('导语，交代背景、依据和总体情况')}",
        "",
    ]
    lines += layout.scaffold_body(spec, day)
    lines += _own_fields(spec)
    lines += _figures(layout.scaffold_figures(spec))
    return "\n".join(lines) + "\n"


def _own_fields(spec: KindSpec) -> list[str]:
    lines = []
    for field in spec.fields:
        need = "必填" if field.required else "可选"
        how = {"text": "文字", "number": "数字", "integer": "整数", "date": "日期，写作 2023-10-20"}
        guidance = f"：{field.guidance}" if field.guidance else ""
        lines.append(
            f"# {field.name}{guidance}（{need}，{how[field.type]}；正文中写 {{{{ {field.key} }}}} 引用）"
        )
        value = "" if field.default is None else f" {scalar(str(field.default))}"
        lines += [f"{field.key}:{value}", ""]
    return lines


def _figures(figures: list[FigureSpec]) -> list[str]:
    lines = [
        "# 数据：声明一次，正文中写 {{ 名称 }} 引用。value 暂缺时留空，成稿中显示为 *.** 并高亮；",
        "# unit 单位；precision 小数位数；note 来源口径（不进入成稿）",
        "figures:",
    ]
    if not figures:
        return [*lines[:-1], "figures: {}"]
    for figure in figures:
        lines.append(f"  {figure.name}:")
        lines.append("    value:")
        lines.append(f"    unit: {scalar(figure.unit) if figure.unit else chr(34) * 2}")
        lines.append(f"    precision: {figure.precision}")
        if figure.digits:
            lines.append(f"    digits: {figure.digits}")
        if figure.note:
            lines.append(f"    note: {scalar(figure.note)}")
    return lines
