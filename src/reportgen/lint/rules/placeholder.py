"""Rule ``placeholder`` (error): unfilled placeholders left in a draft."""

# ruff: noqa: RUF002  (full-width brackets are the subject)

from __future__ import annotations

from collections.abc import Iterator

from reportgen import patterns
from reportgen.gongwen.placeholders import iter_placeholders
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_TAG_NAME = patterns.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
_MESSAGES = {
    "star": "占位符“{}”尚未填写：请填入实际数据后再印发",
    "x": "占位符“{}”尚未填写：请填入实际的数字、日期或名称",
    "underscore": "空格线“{}”尚未填写：请填入实际内容",
    "note": "待办标注“{}”仍在文中：请补齐内容并删除标注",
    "tag": "模板标记“{}”未被替换：请填入内容或重新生成文档（大括号须为半角 {{{{ }}}}）",
    "blank": "空位“{}”尚未填写：请填入实际的编号或日期",
    "box": "占位符“{}”尚未填写：请填入实际的名称或内容",
    "quote": '单位“{}”带着中文引号：YAML 中应写半角引号，如 unit: "%"',
}


class PlaceholderRule(Rule):
    """Finds what a drafter wrote where a figure, a name or a date is still missing.

    Why: drafts circulate with ``*`` standing for figures that other departments send late,
    and templates with ``XX局``, （单位名称） and 【待补：…】 guidance; one left in the signed
    copy is an embarrassment. Every shape :func:`reportgen.gongwen.placeholders.find_placeholders`
    knows is reported, each judged by its context (the rule of thumb for each shape is in that
    module's docs): ``*.**万个``, ``**.*%``, ``XXXX年XX月XX日`` (one finding), ``XX领导小组``,
    ``主持人：XXX``, ``X,XXX人次``, ``共___项``, ``【待补：…】`` of any length, ``（单位名称）``,
    ``[此处输入标题]``, ``□□□``, ``〔2020〕号``, ``第  号``, ``{{ 名称 }}``, ``｛｛ 名称 ｝｝``,
    ``{ 名称 }``, ``96.8“%”``. Not: ``数据要素×``, ``×100%``, ``415X``, ``1+N+X``, ``PM2.5``,
    ``X光``, ``3×3``, Markdown emphasis and bullets, a stale but real date.

    Example: ``新增公共停车泊位*.**万个`` → ``*.**`` at the column of the first ``*``.
    """

    id = "placeholder"
    severity = "error"
    title = "未填写的占位符"

    def check(self, source: Source) -> Iterator[Hit]:
        for match in iter_placeholders(source.text, markdown=source.markdown):
            message = _MESSAGES[match.kind].format(match.text)
            if match.kind == "tag" and source.figures is not None:
                reference = _figure_reference(match.text, source.figures, source.fields)
                if reference is None:
                    continue
                message = reference
            yield Hit(match.start, match.end, message)


def _figure_reference(tag: str, figures: dict[str, bool], fields: frozenset[str]) -> str | None:
    """In a report YAML ``{{ 名称 }}`` refers to a figure or a field of the kind's own: fine
    once it has a value."""
    name = _TAG_NAME.fullmatch(tag)
    if name is None:
        return _MESSAGES["tag"].format(tag)
    if name.group(1) not in figures:
        return f"引用了未声明的数据“{name.group(1)}”：请在 figures 中声明它，或检查名称是否写错"
    if figures[name.group(1)]:
        return None
    if name.group(1) in fields:
        return f"字段 {name.group(1)} 尚未填写，成稿中将是待补标注：请在 YAML 中填写 {name.group(1)}: …"
    return f"数据“{name.group(1)}”尚无数值，成稿中将是占位符：请在 figures 中填写 value"
