"""The fields of a formal 公文 (GB/T 9704-2012), validated as data rather than strings.

Every report-layout kind accepts them; ``format: formal`` (or ``letter``) lays them out as the
版头, 附件 and 版记. Each field's title is the name of the GB/T 9704 element, so editors and the
JSON Schema show 发文字号, 签发人 … . The checks are plain functions in :mod:`.formal_checks`
(no pydantic), shared with the validators prepared from the models.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from reportgen.layouts import FormatName
from reportgen.layouts.formal_checks import (
    attachment_title_end,
    attachment_title_only,
    copy_no,
    doc_number,
    secrecy_period,
)

Names = str | list[str]
_TEXT_HELP = "一段文字，或每段一项的列表；可用 {{ 数据名称 }} 引用 figures 中的数据"

DocNumber = Annotated[str, BeforeValidator(doc_number)]
SecrecyPeriod = Annotated[str, BeforeValidator(secrecy_period)]
CopyNo = Annotated[str, BeforeValidator(copy_no)]
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

    _title_only = model_validator(mode="before")(attachment_title_only)
    _no_end_punctuation = model_validator(mode="after")(attachment_title_end)


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
