"""The ``report`` layout (汇报、总结): 标题、主送机关、导语、各部分（一、（一）1.（1））、结尾、署名、成文日期."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportgen.gongwen.placeholders import todo
from reportgen.layouts import format_for
from reportgen.layouts.base import Composer, Layout, date_pieces
from reportgen.yamlio.emit import scalar

if TYPE_CHECKING:
    from reportgen.gongwen.days import Day
    from reportgen.kinds.spec import KindSpec, SectionSpec
    from reportgen.layouts import FormatName
    from reportgen.yamlio.source import SourceMap


class ReportLayout(Layout):
    name = "report"
    author_key = "issuer"

    def fields(self, spec: KindSpec) -> dict[str, Any]:
        from pydantic import Field

        from reportgen.kinds.models import TEXT_HELP, Text, optional, sections_type
        from reportgen.layouts.formal_fields import formal_fields

        return {
            "recipient": optional(spec, "recipient", str, title="主送机关", description="可选"),
            "preamble": optional(spec, "preamble", Text, title="导语", description=TEXT_HELP),
            "sections": (sections_type(spec), Field(title="正文各部分")),
            "closing": optional(spec, "closing", Text, title="结尾段", description=TEXT_HELP),
            "issuer": (str, Field(min_length=1, title="发文机关署名")),
            "date": (
                dt.date | None,
                Field(
                    title="成文日期", description="写作 2023-10-20；暂不确定时留空，排为待填的日期"
                ),
            ),
            **formal_fields(spec.minutes),
        }

    def compose(self, report: Any, composer: Composer) -> list[Any]:
        r = report
        blocks = [composer.title_block()]
        if r.recipient:
            blocks.append(composer.block("recipient", r.recipient, ("recipient",)))
        blocks.extend(composer.body(r.preamble, ("preamble",)))
        blocks.extend(composer.sections(r.sections, ("sections",)))
        blocks.extend(composer.body(r.closing, ("closing",)))
        blocks.append(composer.block("signature", r.issuer, ("issuer",)))
        blocks.append(composer.fixed("date", date_pieces(r.date), ("date",)))
        return blocks

    def scaffold_head(self, spec: KindSpec, day: Day) -> list[str]:
        defaults = spec.defaults
        return [
            "# 标题：发文机关 + 关于 + 事由 + 文种，如“××局关于……情况的汇报”",
            f"title: {scalar(defaults.get('title', 'XX局关于XX工作情况的汇报'))}",
            "",
            "# 主送机关：报送的上级机关全称或规范简称" + _optional_note(spec, "recipient"),
            f"recipient: {scalar(defaults.get('recipient', 'XX办公室'))}",
            "",
        ]

    def scaffold_body(self, spec: KindSpec, day: Day) -> list[str]:
        defaults = spec.defaults
        lines = [
            *_sections(spec),
            "# 结尾段（可选）：表态、下一步打算，一两句即可",
            "closing:",
            f"  - {scalar(defaults['closing']) if 'closing' in defaults else todo('结尾段')}",
            "",
            "# 发文机关署名：写全称",
            f"issuer: {scalar(defaults.get('issuer', 'XX局'))}",
            "",
            "# 成文日期：写作 2023-10-20，成稿中排为“2023年10月20日”",
            f"date: {day.iso}",
            "",
        ]
        return lines + format_for(spec.format).scaffold(spec, day)

    def format_name(self, report: Any, spec: KindSpec | None) -> FormatName:
        chosen: FormatName = report.format or (spec.format if spec is not None else "ordinary")
        return chosen

    def check(self, report: Any, source: SourceMap, spec: KindSpec) -> None:
        from reportgen.layouts.formal_checks import check_formal

        check_formal(report, source, spec)


def _optional_note(spec: KindSpec, name: str) -> str:
    return "" if name in spec.required else "；可选，不需要时删去这一行"


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


LAYOUT = ReportLayout()
