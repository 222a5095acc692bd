"""The ``brief`` layout (工作简报): 报头（简报名称、期号、编发单位和日期）、标题、导语、各单位条目、报尾.

简报 is not in GB/T 9704-2012: its masthead follows office practice (实务 in the profile).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from reportgen.gongwen.placeholders import todo
from reportgen.layouts.base import Composer, Layout, Missing, Pieces, date_pieces
from reportgen.yamlio.emit import scalar

if TYPE_CHECKING:
    from reportgen.gongwen.days import Day
    from reportgen.kinds.spec import FigureSpec, KindSpec

#: 报尾 lines: the field of ``distribution`` and its label.
DISTRIBUTION = (("submit_to", "报"), ("copy_to", "送"), ("send_to", "发"))
#: The figure the scaffold's 进展 line refers to.
PROGRESS_FIGURE = "完成比例"


class BriefLayout(Layout):
    name = "brief"
    author_key = "editor"

    def fields(self, spec: KindSpec) -> dict[str, Any]:
        from pydantic import Field

        from reportgen.kinds.models import TEXT_HELP, BriefItem, Distribution, Text, optional

        return {
            "brief_name": (str, Field("工作简报", min_length=1, title="简报名称")),
            "issue_no": (
                int | None,
                Field(ge=1, title="期号", description="第几期，只写数字；暂不确定时留空"),
            ),
            "editor": (str, Field(min_length=1, title="编发单位")),
            "date": (
                dt.date | None,
                Field(
                    title="编发日期", description="写作 2021-09-22；暂不确定时留空，排为待填的日期"
                ),
            ),
            "preamble": optional(spec, "preamble", Text, title="导语", description=TEXT_HELP),
            "sections": (
                list[BriefItem],
                Field(min_length=1, title="各单位条目", description="每个单位一项"),
            ),
            "distribution": optional(spec, "distribution", Distribution, title="报尾"),
        }

    def section_form(self, spec: KindSpec) -> dict[str, Any]:
        """The edit page draws each unit's item (单位, 要点, 主要措施, 进展)."""
        return {
            "widget": "brief-items",
            "help": spec.sections.items[0].guidance,
            "parts": [
                {"key": "unit", "name": "单位", "widget": "line"},
                {"key": "headline", "name": "要点", "widget": "line"},
                {"key": "paragraphs", "name": "主要措施", "widget": "paragraphs"},
                {"key": "progress", "name": "进展", "widget": "paragraphs"},
            ],
        }

    def compose(self, report: Any, composer: Composer) -> list[Any]:
        r = report
        issue: Pieces = (
            f"第{r.issue_no}期"
            if r.issue_no is not None
            else ("第", Missing("issue_no", "X"), "期")
        )
        blocks = [
            composer.block("brief-name", r.brief_name, ("brief_name",)),
            composer.fixed("brief-issue", issue, ("issue_no",)),
            composer.block("brief-meta", r.editor, ("editor",), aside=date_pieces(r.date)),
            composer.title_block(),
        ]
        blocks.extend(composer.body(r.preamble, ("preamble",)))
        for index, item in enumerate(r.sections):
            loc = ("sections", index)
            text = f"{item.unit}：{item.headline}"
            blocks.append(composer.heading(text, (*loc, "unit"), 1, index + 1))
            blocks.extend(composer.body(item.paragraphs, (*loc, "paragraphs")))
            blocks.extend(composer.body(item.progress, (*loc, "progress")))
        if r.distribution:
            for key, label in DISTRIBUTION:
                value = getattr(r.distribution, key)
                if value:
                    line = f"{label}：{value}"
                    blocks.append(composer.block("distribution", line, ("distribution", key)))
        return blocks

    def scaffold_head(self, spec: KindSpec, day: Day) -> list[str]:
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
            f"date: {day.iso}",
            "",
            "# 标题：本期主题",
            f"title: {scalar(defaults.get('title', 'XX工作有力有序推进'))}",
            "",
        ]

    def scaffold_body(self, spec: KindSpec, day: Day) -> list[str]:
        guidance = spec.sections.items[0].guidance
        return [
            f"# 各单位条目：{guidance}",
            "sections:",
            "  - unit: XX科",
            f"    headline: {todo('一句话概括做了什么')}",
            "    paragraphs:",
            f"      - {todo('主要措施，每段一项')}",
            "    # 进展：截至目前的数据，数据在 figures 中声明，用 {{ 名称 }} 引用",
            f"    progress: 截至目前，已完成年度目标任务的{{{{ {PROGRESS_FIGURE} }}}}。",
            "",
            "# 报尾：报送、抄送、印发的单位，不需要的一项可删去",
            "distribution:",
            "  submit_to: XX领导小组",
            "  copy_to: XX办公室",
            "  send_to: 各科室、各直属单位",
            "",
        ]

    def scaffold_figures(self, spec: KindSpec) -> list[FigureSpec]:
        from reportgen.kinds.spec import FigureSpec

        figures = list(spec.figures)
        if not any(f.name == PROGRESS_FIGURE for f in figures):
            figures.append(
                FigureSpec(name=PROGRESS_FIGURE, unit="%", precision=1, note="由各单位报送")
            )
        return figures


LAYOUT = BriefLayout()
