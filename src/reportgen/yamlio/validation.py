"""Turning pydantic's validation errors into Chinese ``file:line:col: loc: message`` problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from reportgen.errors import InputError, Problem
from reportgen.yamlio.source import Loc, SourceMap

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "缺少必填项",
    "extra_forbidden": "不认识的字段（可能拼错了）",
    "string_type": "应是一段文字",
    "list_type": "应是列表（每项一行，以“- ”开头）",
    "dict_type": "应是“名称: 内容”的映射",
    "model_type": "应是“名称: 内容”的映射",
    "model_attributes_type": "应是“名称: 内容”的映射",
    "int_type": "应是整数",
    "int_parsing": "应是整数",
    "int_from_float": "应是整数",
    "float_type": "应是数字",
    "float_parsing": "应是数字",
    "bool_type": "应是 true 或 false",
    "bool_parsing": "应是 true 或 false",
    "date_type": "应是日期，写作 2023-10-20",
    "date_parsing": "日期写法不对，应写作 2023-10-20",
    "date_from_datetime_parsing": "不是有效日期，应写作 2023-10-20（月份 1–12，日期不超过当月天数）",
    "date_from_datetime_inexact": "应只写日期，不带时间，写作 2023-10-20",
    "string_too_short": "不能为空",
    "literal_error": "只能是 {expected}",
    "enum": "只能是 {expected}",
    "too_short": "至少需要 {min_length} 项",
    "too_long": "最多 {max_length} 项",
    "greater_than_equal": "应不小于 {ge}",
    "less_than_equal": "应不大于 {le}",
    "string_pattern_mismatch": "写法不符合要求（{pattern}）",
}


def validate(model: type[M], data: Any, source: SourceMap) -> M:
    """Validate ``data`` against ``model``; every error becomes a problem with its place."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(*problems_from(exc, source)) from None


def problems_from(exc: ValidationError, source: SourceMap) -> list[Problem]:
    seen: set[tuple[Loc, str]] = set()
    problems = []
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        kind = error["type"]
        if kind == "literal_error" and loc == ("kind",):
            continue  # the registry reports an unknown kind, with the list of kinds
        message = _message(error)
        if (loc, message) in seen:
            continue
        seen.add((loc, message))
        dotted = ".".join(str(part) for part in loc) or "（整个文件）"
        hint = _hint(kind, loc)
        problems.append(
            source.problem(loc, f"{dotted}：{message}", hint, key=kind == "extra_forbidden")
        )
    return problems


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # Union members add their type name to the path ("str", "list[str]"); users don't see types.
    return tuple(
        part
        for part in loc
        if isinstance(part, int)
        or not (part in {"str", "list[str]", "function-after"} or "[" in part)
    )


def _message(error: Any) -> str:
    template = _MESSAGES.get(error["type"])
    if template is None:
        text = str(error.get("msg", ""))
        return text.removeprefix("Value error, ") if text else error["type"]
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


def _hint(kind: str, loc: Loc) -> str | None:
    if kind == "extra_forbidden":
        return "检查字段名的拼写，或对照 reportgen schema 的输出；不需要的字段请删去"
    if kind == "missing":
        return "补上这一项；可参照 reportgen new 生成的模板"
    return None
