"""Rule ``placeholder`` (error): unfilled placeholders left in a draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.gongwen.placeholders import find_placeholders
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_TAG_NAME = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
_MESSAGES = {
    "star": "占位符“{}”尚未填写：请填入实际数据后再印发",
    "x": "占位符“{}”尚未填写：请填入实际的数字、日期或名称",
    "underscore": "空格线“{}”尚未填写：请填入实际内容",
    "note": "待办标注“{}”仍在文中：请补齐内容并删除标注",
    "tag": "模板标记“{}”未被替换：请填入内容或重新生成文档",
}


class PlaceholderRule(Rule):
    """Finds what a drafter wrote where a figure, a name or a date is still missing.

    Why: drafts circulate with ``*`` standing for figures that other departments send late,
    and one left in the signed copy is an embarrassment. Every shape
    :func:`reportgen.gongwen.placeholders.find_placeholders` knows is reported: ``*.**万个``,
    ``**.*%``, ``X月X日``, ``××市``, ``共___项``, ``【待补】``, ``{{ 名称 }}``.

    Example: ``新增公共停车泊位*.**万个`` → ``*.**`` at the column of the first ``*``.
    """

    id = "placeholder"
    severity = "error"
    title = "未填写的占位符"

    def check(self, source: Source) -> Iterator[Hit]:
        for match in find_placeholders(source.text, markdown=source.markdown):
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
