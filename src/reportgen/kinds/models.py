"""Building the pydantic model of a report from its kind's spec.

A kind spec chooses a layout (:mod:`reportgen.layouts`), which gives the report's fields from the
parts below (sections, 简报 items, 报尾 …), and the sections; :func:`build_model` adds the kind's
own fields and its figures and turns it all into a model with Chinese titles, so the JSON Schema
and editors show them, and with unknown keys forbidden.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Protocol, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from reportgen.kinds.figure import Figure
from reportgen.kinds.spec import KindSpec, SectionSpec
from reportgen.layouts import get as get_layout

Text = str | list[str]


class Report(Protocol):
    """A validated report: an instance of the model :func:`build_model` makes for its kind.

    Every report has these; the other fields depend on its layout (:mod:`reportgen.layouts`)
    and its kind's own fields, and are read through the layout.
    """

    @property
    def kind(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def figures(self) -> dict[str, Figure]: ...

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self: ...


TEXT_HELP = "一段文字，或每段一项的列表；可用 {{ 数据名称 }} 引用 figures 中的数据"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


#: A heading's number as the draft wrote it (``二、``, ``1. `` with its space, ``第一章 ``): kept
#: by import where the automatic number would differ; empty for the automatic one.
WrittenNumber = Annotated[str, StringConstraints(strip_whitespace=False, max_length=12)]
_NUMBER_HELP = "照原文写的序号，如“二、”；一般不写，序号自动加"


class Subsection(_Strict):
    """（一）（二）… 小标题及其段落；其下还可再分 1. 2. 和（1）（2）。"""

    model_config = ConfigDict(title="小标题")
    heading: str = Field(min_length=1, title="小标题", description="不写序号，（一）（二）自动加")
    number: WrittenNumber = Field("", title="原文序号", description=_NUMBER_HELP)
    paragraphs: Text = Field(default_factory=list, title="段落", description=TEXT_HELP)
    subsections: list[Subsection] = Field(default_factory=list, title="下一级小标题")


class Section(_Strict):
    """一个部分：标题（序号自动加）和段落。"""

    model_config = ConfigDict(title="部分")
    heading: str = Field(min_length=1, title="标题", description="不写“一、”，序号自动加")
    number: WrittenNumber = Field("", title="原文序号", description=_NUMBER_HELP)
    paragraphs: Text = Field(default_factory=list, title="段落", description=TEXT_HELP)
    subsections: list[Subsection] = Field(
        default_factory=list, title="小标题", description="可选，排为（一）（二）…"
    )


class BriefItem(_Strict):
    """简报中一个单位的条目。"""

    model_config = ConfigDict(title="单位条目")
    unit: str = Field(min_length=1, title="单位", description="如 城市建设司、某某街道")
    headline: str = Field(min_length=1, title="要点", description="一句话概括该单位做了什么")
    paragraphs: Text = Field(default_factory=list, title="主要措施", description=TEXT_HELP)
    progress: Text = Field("", title="进展", description="截至目前的进展和数据")


class Distribution(_Strict):
    """报尾：报、送、发。"""

    model_config = ConfigDict(title="报尾")
    submit_to: str = Field("", title="报", description="报送的上级机关")
    copy_to: str = Field("", title="送", description="抄送的机关")
    send_to: str = Field("", title="发", description="印发的单位")


def _section_model(spec: SectionSpec) -> type[BaseModel]:
    return Section if spec.subsections else _NoSubsections


class _NoSubsections(Section):
    subsections: list[Subsection] = Field(
        default_factory=list,
        max_length=0,
        title="小标题",
        description="这一部分通常不分小标题",
    )


def build_model(spec: KindSpec) -> type[BaseModel]:
    """The pydantic model of a report of kind ``spec``."""
    fields: dict[str, Any] = {
        "kind": (Literal[spec.id], Field(title="报告类型", description=spec.name)),
        "title": (
            str | list[Annotated[str, Field(min_length=1)]],
            Field(
                min_length=1,
                title="标题",
                description="写成一行时自动在词语之间断行；要自己断行，写成每行一项的列表",
            ),
        ),
    }
    fields.update(get_layout(spec.layout).fields(spec))
    fields.update(_own_fields(spec))
    fields["figures"] = (
        dict[str, Figure],
        Field(
            default_factory=dict,
            title="数据",
            description="正文引用的数据，声明一次：名称: {value: 数值, unit: 单位, precision: 小数位数}",
        ),
    )
    model = create_model(
        "Report_" + spec.id.replace("-", "_"),
        __base__=_Strict,
        **fields,
    )
    model.model_config["title"] = spec.name
    model.model_rebuild(force=True)
    return model


def optional(spec: KindSpec, name: str, annotation: Any, **field_args: Any) -> tuple[Any, Any]:
    if name in spec.required:
        return (annotation, Field(**field_args))
    return (annotation | None, Field(None, **field_args))


_FIELD_TYPES: dict[str, Any] = {"text": str, "number": float, "integer": int, "date": dt.date}


def _own_fields(spec: KindSpec) -> dict[str, Any]:
    """The kind's own fields (联系人, 检查时段 …), referred to from the text as ``{{ key }}``."""
    own = {}
    for field in spec.fields:
        kind = _FIELD_TYPES[field.type]
        description = field.guidance or f"正文中写 {{{{ {field.key} }}}} 引用"
        if field.required:
            own[field.key] = (kind, Field(title=field.name, description=description))
        else:
            own[field.key] = (kind | None, Field(None, title=field.name, description=description))
    return own


def sections_type(spec: KindSpec) -> Any:
    if spec.sections.mode == "list":
        return list[Section]
    members: dict[str, Any] = {
        str(item.key): (_section_model(item), Field(title=item.heading, description=item.guidance))
        for item in spec.sections.items
    }
    model = create_model("Sections_" + spec.id.replace("-", "_"), __base__=_Strict, **members)
    model.model_config["title"] = "正文各部分"
    return model
