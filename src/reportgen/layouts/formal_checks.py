"""The checks of the formal fields (GB/T 9704-2012), as plain functions (no pydantic).

:mod:`.formal_fields` builds the pydantic fields with the checks of single values; the
validators prepared from the models (:mod:`reportgen.kinds.prepared`) call the same functions.
The checks that need more than one field (签发人 for a 上行文, the 请示's closing words) are in
:func:`check_formal`, which knows the YAML lines.
"""

from __future__ import annotations

import re
from typing import Any

from reportgen.errors import InputError, Problem
from reportgen.patterns import LazyPattern
from reportgen.yamlio.source import SourceMap

_DOC_NUMBER = LazyPattern(r"^(?P<code>[^〔〕\s]+)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")
_BRACKET_YEAR = LazyPattern(r"[\[［(（【{｛〈<《]\s*(\d{2,4})\s*[\]］)）】}｝〉>》]")


def doc_number_problem(text: str) -> str | None:
    """What is wrong with a 发文字号 (机关代字〔年份〕序号号, GB/T 9704 7.2.5), or None."""
    if _DOC_NUMBER.match(text):
        return None
    example = "写作 市建发〔2026〕12号"
    if "第" in text:
        return f"发文字号中不加“第”字，{example}"
    if _BRACKET_YEAR.search(text) and "〔" not in text:
        return f"年份应放在六角括号〔〕中，不用 [ ]、（ ）或【】，{example}"
    year = re.search(r"〔(\d*)〕", text)
    if year and len(year.group(1)) != 4:
        return f"年份应写全四位，如〔2026〕，{example}"
    if re.search(r"〕0\d*号", text):
        return f"序号不编虚位（不写 012、001），{example}"
    if not text.endswith("号"):
        return f"发文字号以“号”结尾，{example}"
    if text.startswith("〔"):
        return f"发文字号前面应有机关代字，{example}"
    return f"发文字号的写法是 机关代字〔年份〕序号号，{example}"


def doc_number(value: Any) -> Any:
    if isinstance(value, str):
        problem = doc_number_problem(value.strip())
        if problem:
            raise ValueError(problem)
        return value.strip()
    return value


def copy_no(value: Any) -> Any:
    """份号: six Arabic digits. YAML reads ``000012`` as the number 12, so numbers are padded."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 999999:
        return f"{value:06d}"
    if isinstance(value, str) and not re.fullmatch(r"\d{6}", value.strip()):
        raise ValueError("份号应是 6 位阿拉伯数字，如 000012")
    return value


def secrecy_period(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"\d+(年|个月)|长期", value.strip()):
        raise ValueError("保密期限写作 1年、6个月 或 长期")
    return value


def attachment_title_only(data: Any) -> Any:
    """An 附件 written as one line of text is its title."""
    return {"title": data} if isinstance(data, str) else data


def attachment_title_end(attachment: Any) -> Any:
    if attachment.title[-1] in "。，；：、.,;:":
        raise ValueError("附件名称末尾不加标点")
    return attachment


def names(value: str | list[str] | None) -> list[str]:
    """A one-or-several names field as a list."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def check_formal(report: Any, source: SourceMap, spec: Any) -> None:
    """Checks across fields, each reported at its YAML line."""
    problems: list[Problem] = []
    chosen = report.format or spec.format
    if chosen != "ordinary" and spec.direction == "up" and not names(report.signers):
        loc = ("format",) if report.format else ("kind",)
        problems.append(
            source.problem(
                loc,
                f"{spec.name}是上行文，公文格式须写签发人（signers）",
                "加一行 signers: 签发人姓名；多人写列表，主办机关的在前",
            )
        )
    if report.secrecy_period and not report.secrecy:
        problems.append(
            source.problem(("secrecy_period",), "写了保密期限却没有密级", "加一行 secrecy: 秘密")
        )
    if spec.ending:
        closing = _last_text(report.closing).rstrip().rstrip("。")
        # An ending still to write (import's to-do) renders highlighted and is listed as unfilled.
        if not _TODO_AT_END.search(closing) and not any(
            closing.endswith(end.rstrip("。")) for end in spec.ending
        ):
            where = ("closing",) if report.closing else ("kind",)
            endings = "、".join(spec.ending)
            problems.append(
                source.problem(
                    where,
                    f"{spec.name}的结尾段应以“{endings}”结束",
                    f"在 closing 的最后写上 {spec.ending[0]}",
                )
            )
    if problems:
        raise InputError(*problems)


_TODO_AT_END = LazyPattern(r"【待补[：:][^】]*】$")


def _last_text(value: Any) -> str:
    if isinstance(value, list):
        return str(value[-1]) if value else ""
    return str(value or "")
