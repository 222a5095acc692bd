"""What a kind file says: a report kind defined as data.

Built-in kinds are files in ``kinds/builtin/``; a bureau adds its own in a folder named by
``--kinds`` or the config file. A kind file names the kind, picks a layout, lists its sections with
headings and guidance, the optional fields it requires, and the figures its reports usually carry.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reportgen.kinds.checks import kind_names_unique, sections_fit_mode
from reportgen.layouts import FormatName, LayoutName

_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
_KEY_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SectionSpec(_Strict):
    """一个部分：固定部分有 key；可增减的部分只是建议。"""

    key: str | None = Field(None, pattern=_KEY_PATTERN, title="字段名（英文）")
    heading: str = Field(title="建议标题")
    guidance: str = Field("", title="填写说明")
    example: str = Field(
        "", title="模板中的示例段落", description="可用 {{ 数据名称 }} 引用 figures"
    )
    subsections: bool = Field(False, title="是否可分（一）（二）小标题")
    words: list[str] = Field(
        default_factory=list,
        title="导入时认这一部分的词",
        description="reportgen import 把标题含其中一个词的部分归入这里，如 调研、调查",
    )


class SectionsSpec(_Strict):
    mode: Literal["fixed", "list"] = Field(
        "fixed", title="结构", description="fixed：固定的几个部分；list：部分可增减"
    )
    items: list[SectionSpec] = Field(min_length=1, title="各部分")

    _keys_fit_mode = model_validator(mode="after")(sections_fit_mode)


class FigureSpec(_Strict):
    name: str = Field(title="数据名称", min_length=1)
    unit: str = Field("", title="单位")
    precision: int = Field(0, ge=0, le=6, title="小数位数")
    digits: int | None = Field(None, ge=1, le=9, title="整数位数（占位用）")
    note: str = Field("", title="说明")


class ImportHints(_Strict):
    """How ``reportgen import`` recognises a draft of this kind; a kind without hints is
    judged by how closely the draft's headings echo its sections and by its 文种."""

    title_words: list[str] = Field(
        default_factory=list,
        title="标题中的特征词",
        description="草稿标题（或部分标题）含其中一个词时更像本类型，如 总结、以学促干",
    )
    body_words: list[str] = Field(
        default_factory=list,
        title="正文中的特征词",
        description="只在正文中出现时算较弱的特征",
    )
    heading_words: list[str] = Field(
        default_factory=list,
        title="部分标题中的特征词",
        description="各部分标题提到的词；“成效|效果”表示其中之一即可",
    )
    heading_words_needed: int = Field(
        1,
        ge=1,
        title="部分标题特征词的最少个数",
        description="提到的特征词少于这个数时，每个只算三分之一（常用词不足为凭）",
    )
    general: bool = Field(
        False,
        title="通用类型",
        description="草稿没有明显特征时按本类型导入；只应有一个类型这样写",
    )
    thematic: bool = Field(
        False,
        title="专题类型",
        description="本类型针对某一主题：草稿文种相同（如“汇报”）不等于适合本类型",
    )


OptionalField = Literal["recipient", "closing", "preamble", "distribution"]


class FieldSpec(_Strict):
    """A field of the kind's own, e.g. 联系人; the text refers to it as ``{{ key }}``."""

    key: str = Field(pattern=_KEY_PATTERN, title="字段名（英文）", description="如 contact")
    name: str = Field(min_length=1, title="中文名", description="如 联系人")
    type: Literal["text", "number", "integer", "date"] = Field(
        "text", title="类型", description="text 文字、number 数字、integer 整数、date 日期"
    )
    required: bool = Field(False, title="是否必填")
    guidance: str = Field("", title="填写说明")
    default: str | int | float | None = Field(None, title="模板中的预填值")


class KindSpec(_Strict):
    id: str = Field(pattern=_ID_PATTERN, title="类型编号", description="英文小写，如 yixue-cugan")
    name: str = Field(min_length=1, title="中文名")
    summary: str = Field(min_length=1, title="何时使用（一句话）")
    layout: LayoutName = Field("report", title="版式")
    format: FormatName = Field(
        "ordinary",
        title="默认格式",
        description="ordinary 普通汇报；formal 公文（红头、发文字号、版记）；letter 信函格式",
    )
    direction: Literal["up", "down", "across"] | None = Field(
        None, title="行文方向", description="up 上行文（须有签发人）、down 下行文、across 平行文"
    )
    minutes: bool = Field(False, title="纪要格式", description="有出席、请假、列席人员")
    ending: list[str] = Field(
        default_factory=list,
        title="结尾语",
        description="结尾段须以其中之一结束，如 妥否，请批示。",
    )
    required: list[OptionalField] = Field(default_factory=list, title="必填的可选字段")
    defaults: dict[str, str] = Field(default_factory=dict, title="模板中预填的内容")
    sections: SectionsSpec = Field(title="正文结构")
    figures: list[FigureSpec] = Field(default_factory=list, title="常用数据")
    fields: list[FieldSpec] = Field(default_factory=list, title="本类型自有的字段")
    import_hints: ImportHints = Field(
        default_factory=ImportHints,
        title="导入时的识别特征",
        description="reportgen import 据此推荐类型，均可不写",
    )

    _unique_names = model_validator(mode="after")(kind_names_unique)
