"""Writing the commented YAML scaffold of a kind: what ``reportgen new`` gives a user.

The scaffold validates and renders as it is: guidance stands in the text as bracketed notes
(``【待补：…】``, which render highlighted and which lint reports), and figures are declared with no
value, so they render as placeholders until the numbers arrive.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from reportgen.gongwen.placeholders import todo
from reportgen.kinds.spec import KindSpec, SectionSpec

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\d][^#]*$")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, double-quoted otherwise."""
    if _PLAIN.match(text) and ": " not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)


def scaffold(spec: KindSpec, schema_name: str, today: dt.date) -> str:
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
    defaults = spec.defaults
    if spec.layout == "brief":
        lines += _brief_head(spec, today)
    else:
        lines += [
            "# 标题：发文机关 + 关于 + 事由 + 文种，如“××局关于……情况的汇报”",
            f"title: {scalar(defaults.get('title', 'XX局关于XX工作情况的汇报'))}",
            "",
            "# 主送机关：报送的上级机关全称或规范简称" + _optional_note(spec, "recipient"),
            f"recipient: {scalar(defaults.get('recipient', 'XX办公室'))}",
            "",
        ]
    lines += [
        "# 导语：一两段，交代背景、依据和总体情况；可写一段文字，或每段一项的列表",
        "preamble:",
        f"  - {todo('导语，交代背景、依据和总体情况')}",
        "",
    ]
    lines += _brief_items(spec) if spec.layout == "brief" else _sections(spec)
    if spec.layout == "brief":
        lines += [
            "# 报尾：报送、抄送、印发的单位，不需要的一项可删去",
            "distribution:",
            "  submit_to: XX领导小组",
            "  copy_to: XX办公室",
            "  send_to: 各科室、各直属单位",
            "",
        ]
    else:
        lines += [
            "# 结尾段（可选）：表态、下一步打算，一两句即可",
            "closing:",
            f"  - {scalar(defaults['closing']) if 'closing' in defaults else todo('结尾段')}",
            "",
            "# 发文机关署名：写全称",
            f"issuer: {scalar(defaults.get('issuer', 'XX局'))}",
            "",
            "# 成文日期：写作 2023-10-20，成稿中排为“2023年10月20日”",
            f"date: {today.isoformat()}",
            "",
        ]
    if spec.format != "ordinary":
        from reportgen.formal.scaffold import formal_lines

        lines += formal_lines(spec, today)
    lines += _own_fields(spec)
    lines += _figures(spec)
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


def _optional_note(spec: KindSpec, name: str) -> str:
    return "" if name in spec.required else "；可选，不需要时删去这一行"


def _brief_head(spec: KindSpec, today: dt.date) -> list[str]:
    defaults = spec.defaults
    return [
        "# 简报名称：报头红色大字",
        f"brief_name: {scalar(defaults.get('brief_name', '工作简报'))}",
        "",
        "# 期号：第几期，只写数字",
        "issue_no: 1",
        "",
        "# 编发单位：报头左下方",
        f"editor: {scalar(defaults.get('editor', 'XX办公室'))}",
        "",
        "# 编发日期：写作 2021-09-22，报头右下方排为“2021年9月22日”",
        f"date: {today.isoformat()}",
        "",
        "# 标题：本期主题",
        f"title: {scalar(defaults.get('title', 'XX工作有力有序推进'))}",
        "",
    ]


def _sections(spec: KindSpec) -> list[str]:
    lines = ["# 正文各部分：标题不写“一、”，序号自动加"]
    if spec.sections.mode == "list":
        lines += ["# 部分可增减：每部分以“- heading:”开头", "sections:"]
        for item in spec.sections.items:
            lines += _section(item, "  - ", "    ")
    else:
        lines += ["# 这几个部分都要有，按此顺序排出", "sections:"]
        for item in spec.sections.items:
            lines += [f"  # {item.heading}", f"  {item.key}:"]
            lines += _section(item, "    ", "    ")
    return [*lines, ""]


def _section(item: SectionSpec, first: str, indent: str) -> list[str]:
    lines = []
    if item.guidance:
        lines.append(f"{indent}# {item.guidance}")
    lines += [
        f"{first}heading: {scalar(item.heading)}",
        f"{indent}paragraphs:",
        f"{indent}  - {scalar(item.example or todo(item.guidance or item.heading))}",
    ]
    if item.subsections:
        lines += [
            f"{indent}# 小标题（可选）：排为（一）（二）…，不需要时删去 subsections 整段",
            f"{indent}subsections:",
            f"{indent}  - heading: {todo('小标题')}",
            f"{indent}    paragraphs:",
            f"{indent}      - {todo('这一条的具体做法')}",
        ]
    return lines


def _brief_items(spec: KindSpec) -> list[str]:
    guidance = spec.sections.items[0].guidance
    return [
        f"# 各单位条目：{guidance}",
        "sections:",
        "  - unit: XX科",
        f"    headline: {todo('一句话概括做了什么')}",
        "    paragraphs:",
        f"      - {todo('主要措施，每段一项')}",
        "    # 进展：截至目前的数据，数据在 figures 中声明，用 {{ 名称 }} 引用",
        "    progress: 截至目前，已完成年度目标任务的{{ 完成比例 }}。",
        "",
    ]


def _figures(spec: KindSpec) -> list[str]:
    lines = [
        "# 数据：声明一次，正文中写 {{ 名称 }} 引用。value 暂缺时留空，成稿中显示为 *.** 并高亮；",
        "# unit 单位；precision 小数位数；note 来源口径（不进入成稿）",
        "figures:",
    ]
    figures = list(spec.figures)
    if spec.layout == "brief" and not any(f.name == "完成比例" for f in figures):
        from reportgen.kinds.spec import FigureSpec

        figures.append(FigureSpec(name="完成比例", unit="%", precision=1, note="由各单位报送"))
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
