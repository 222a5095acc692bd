"""The fields of a formal 公文 (GB/T 9704-2012), validated as data rather than strings.

Every report-layout kind accepts them; ``format: formal`` (or ``letter``) lays them out as the
版头, 附件 and 版记. Each field's title is the name of the GB/T 9704 element, so editors and the
JSON Schema show 发文字号, 签发人 … . The checks that need more than one field (签发人 for a
上行文, the 请示's closing words) are in :func:`check_formal`, which knows the YAML lines.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from reportgen.errors import InputError, Problem
from reportgen.layouts import FormatName
from reportgen.yamlio.source import SourceMap

Names = str | list[str]
_TEXT_HELP = "一段文字，或每段一项的列表；可用 {{ 数据名称 }} 引用 figures 中的数据"

_DOC_NUMBER = re.compile(r"^(?P<code>[^〔〕\s]+)〔(?P<year>\d{4})〕(?P<serial>[1-9]\d*)号$")
_BRACKET_YEAR = re.compile(r"[\[［(（【{｛〈<《]\s*(\d{2,4})\s*[\]］)）】}｝〉>》]")


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


def _doc_number(value: Any) -> Any:
    if isinstance(value, str):
        problem = doc_number_problem(value.strip())
        if problem:
            raise ValueError(problem)
        return value.strip()
    return value


def _copy_no(value: Any) -> Any:
    """份号: six Arabic digits. YAML reads ``000012`` as the number 12, so numbers are padded."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 999999:
        return f"{value:06d}"
    if isinstance(value, str) and not re.fullmatch(r"\d{6}", value.strip()):
        raise ValueError("份号应是 6 位阿拉伯数字，如 000012")
    return value


def _secrecy_period(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"\d+(年|个月)|长期", value.strip()):
        raise ValueError("保密期限写作 1年、6个月 或 长期")
    return value


DocNumber = Annotated[str, BeforeValidator(_doc_number)]
SecrecyPeriod = Annotated[str, BeforeValidator(_secrecy_period)]
CopyNo = Annotated[str, BeforeValidator(_copy_no)]
NameList = Names


class Attachment(BaseModel):
    """一个附件：标题，可附正文段落或一张表格。只写标题时可直接写成一行文字。"""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, title="附件")
    title: str = Field(min_length=1, title="附件名称", description="与附件说明一致，末尾不加标点")
    paragraphs: str | list[str] = Field(
        default_factory=list, title="附件正文", description=_TEXT_HELP
    )
    table: list[list[str | int | float]] = Field(
        default_factory=list, title="附件表格", description="每行一个列表，第一行为表头"
    )

    @model_validator(mode="before")
    @classmethod
    def _title_only(cls, data: Any) -> Any:
        return {"title": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _no_end_punctuation(self) -> Attachment:
        if self.title[-1] in "。，；：、.,;:":
            raise ValueError("附件名称末尾不加标点")
        return self


def formal_fields(minutes: bool) -> dict[str, Any]:
    """The formal fields for ``create_model``; ``minutes`` adds 出席/请假/列席 (纪要格式)."""
    fields: dict[str, Any] = {
        "format": (
            FormatName | None,
            Field(
                None,
                title="格式",
                description="ordinary 普通汇报；formal 公文格式（红头、发文字号、版记）；"
                "letter 信函格式；不写时用本类型的默认格式",
            ),
        ),
        "copy_no": (CopyNo | None, Field(None, title="份号", description="6 位数字，如 000012")),
        "secrecy": (
            Literal["秘密", "机密", "绝密"] | None,
            Field(None, title="密级", description="秘密、机密或绝密；不涉密不写"),
        ),
        "secrecy_period": (
            SecrecyPeriod | None,
            Field(
                None,
                title="保密期限",
                description="如 1年、6个月、长期；须同时写密级",
            ),
        ),
        "urgency": (
            Literal["特急", "加急"] | None,
            Field(None, title="紧急程度", description="特急或加急；不紧急不写"),
        ),
        "mark": (
            NameList | None,
            Field(
                None,
                title="发文机关标志",
                description="发文机关全称或规范化简称，“文件”二字自动加；联合行文写列表，"
                "主办机关在前；不写时用署名（issuer）",
            ),
        ),
        "doc_number": (
            DocNumber | None,
            Field(
                None, title="发文字号", description="机关代字〔年份〕序号号，如 市建发〔2026〕12号"
            ),
        ),
        "signers": (
            NameList | None,
            Field(
                None,
                title="签发人",
                description="签发人姓名；上行文必填，多人写列表，主办机关的在前",
            ),
        ),
        "attachments": (
            list[Attachment],
            Field(
                default_factory=list,
                title="附件",
                description="每项一个附件：只写名称，或写 title 和 paragraphs / table",
            ),
        ),
        "note": (
            str | None,
            Field(None, title="附注", description="如 联系人：张三，电话：12345678"),
        ),
        "copy_to": (
            NameList | None,
            Field(None, title="抄送", description="抄送机关，多个写列表，按上级、平级、下级排列"),
        ),
        "printer": (
            str | None,
            Field(None, title="印发机关", description="一般是发文机关的办公厅（室）"),
        ),
        "print_date": (
            dt.date | None,
            Field(None, title="印发日期", description="写作 2026-03-02；不写时用成文日期"),
        ),
    }
    if minutes:
        from reportgen.layouts.minutes import ATTENDANCE

        for key, title in ATTENDANCE:
            fields[key] = (
                NameList | None,
                Field(None, title=title, description="姓名（可带单位、职务），多人写列表"),
            )
    return fields


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


_TODO_AT_END = re.compile(r"【待补[：:][^】]*】$")


def _last_text(value: Any) -> str:
    if isinstance(value, list):
        return str(value[-1]) if value else ""
    return str(value or "")
