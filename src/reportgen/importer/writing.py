"""Writing the imported data as YAML a user can read and edit: keys in the scaffold's order,
a comment over each part, every text as a scalar that reads back exactly.

Paragraph text goes through Jinja when it holds ``{{``, ``{%`` or ``{#`` (that is how figures
are referenced), so a draft's own braces are written as Jinja expressions that print them:
``{{`` becomes ``{{ '{{' }}``. The rendered text shows the braces as the draft had them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from reportgen.yamlio.emit import scalar

_TEMPLATE_OPEN = re.compile(r"\{([{%#])")
# Plain scalars YAML would read as something other than a string.
_SPECIAL = re.compile(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?(?:\.?\d[\d_.,:eE+-]*|\.inf|\.nan))$",
    re.IGNORECASE,
)

_COMMENTS = {
    "kind": "报告类型，不要改",
    "format": "格式：formal 公文格式（红头、发文字号、版记），letter 信函格式，ordinary 普通汇报",
    "title": "标题",
    "recipient": "主送机关",
    "preamble": "导语：每段一项",
    "sections": "正文各部分：标题不写“一、”，序号自动加",
    "closing": "结尾段",
    "issuer": "发文机关署名",
    "date": "成文日期：写作 2023-10-20；留空时排为高亮的待填日期",
    "brief_name": "简报名称",
    "issue_no": "期号：只写数字；留空时排为高亮的“第X期”",
    "editor": "编发单位",
    "distribution": "报尾：报、送、发，不需要的一项留空",
}
_BRIEF_COMMENTS = {
    "date": "编发日期：写作 2021-09-22；留空时排为高亮的待填日期",
    "sections": "各单位条目：unit 单位，headline 要点，paragraphs 主要措施，progress 进展",
}
_TEXT_KEYS = {
    "title",
    "recipient",
    "preamble",
    "closing",
    "issuer",
    "editor",
    "heading",
    "paragraphs",
    "unit",
    "headline",
    "progress",
    "brief_name",
    "submit_to",
    "copy_to",
    "send_to",
}


def escape_template(text: str) -> str:
    """``text`` with every Jinja opener written so that it renders as itself."""
    return _TEMPLATE_OPEN.sub(lambda m: "{{ '{" + m.group(1) + "' }}", text)


def yaml_scalar(text: str) -> str:
    """``text`` as one YAML scalar that reads back as exactly ``text``."""
    if _SPECIAL.match(text) or text != text.strip() or not text.isprintable() or "'" in text[:1]:
        return _quoted(text)
    plain = scalar(text)
    return plain if plain == text else _quoted(text)


def _quoted(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    # JSON leaves these unescaped; YAML readers may take them for line breaks.
    return (
        quoted.replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
        .replace("\ufeff", "\\ufeff")
    )


def to_yaml(data: dict[str, Any], header: list[str]) -> str:
    lines = [f"# {line}" for line in header]
    comments = _COMMENTS | (_BRIEF_COMMENTS if "brief_name" in data else {})
    for key, value in data.items():
        lines.append("")
        if key in comments:
            lines.append(f"# {comments[key]}")
        lines.extend(_entry(key, value, "", key in _TEXT_KEYS))
    return "\n".join(lines) + "\n"


def _entry(key: str, value: Any, indent: str, text: bool) -> list[str]:
    if isinstance(value, dict):
        if not value:
            return [f"{indent}{key}: {{}}"]
        lines = [f"{indent}{key}:"]
        for sub_key, sub_value in value.items():
            lines.extend(_entry(sub_key, sub_value, indent + "  ", sub_key in _TEXT_KEYS))
        return lines
    if isinstance(value, list):
        if not value:
            return [f"{indent}{key}: []"]
        lines = [f"{indent}{key}:"]
        for item in value:
            lines.extend(_item(item, indent + "  ", key in _TEXT_KEYS))
        return lines
    if value is None:
        return [f"{indent}{key}:"]  # left empty: render shows it as a placeholder
    return [f"{indent}{key}: {_value(value, text)}"]


def _item(value: Any, indent: str, text: bool) -> list[str]:
    if isinstance(value, list):  # a table row: one line, every cell quoted (a flow sequence)
        return [f"{indent}- [{', '.join(_quoted(str(cell)) for cell in value)}]"]
    if isinstance(value, dict):
        entries: list[str] = []
        for sub_key, sub_value in value.items():
            entries.extend(_entry(sub_key, sub_value, indent + "  ", sub_key in _TEXT_KEYS))
        entries[0] = f"{indent}- " + entries[0][len(indent) + 2 :]
        return entries
    return [f"{indent}- {_value(value, text)}"]


def _value(value: Any, text: bool) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool) or value is None:
        raise TypeError(f"unexpected YAML value {value!r}")
    if isinstance(value, int):
        return str(value)
    return yaml_scalar(escape_template(value) if text else value)
