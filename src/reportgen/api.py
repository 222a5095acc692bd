"""The library API behind the commands. The CLI only parses options and prints; all work is here."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import InputError, Problem, UsageError
from reportgen.kinds.registry import Kind, Registry, load_registry
from reportgen.textfill import Unfilled
from reportgen.yamlsource import SourceMap


@dataclass(frozen=True)
class LoadedReport:
    kind: Kind
    report: Any
    source: SourceMap


@dataclass(frozen=True)
class RenderResult:
    output: Path | None
    unfilled: tuple[Unfilled, ...]
    source: str


def kinds(kind_dirs: list[Path] | None = None) -> Registry:
    return load_registry(kind_dirs or [])


def load_report(path: str | Path, registry: Registry) -> LoadedReport:
    from reportgen.validation import validate
    from reportgen.yamlsource import load_yaml, require_mapping

    data, source = load_yaml(path)
    data = require_mapping(data, source)
    if "kind" not in data:
        raise InputError(
            Problem(
                "缺少 kind 字段，不知道这是哪种报告",
                str(path),
                1,
                1,
                f"在第一行写 kind: 类型编号；可用的类型：{'、'.join(k.id for k in registry)}",
            )
        )
    kind = registry.get(str(data["kind"]), source=source.problem(("kind",), ""))
    report = validate(kind.model, data, source)
    return LoadedReport(kind, report, source)


def render(
    path: str | Path,
    output: str | Path | None = None,
    *,
    strict: bool = False,
    template: str | Path | None = None,
    registry: Registry | None = None,
) -> RenderResult:
    """Validate and render ``path``; with ``strict``, unfilled figures are an error."""
    from reportgen.compose import compose
    from reportgen.render import render_docx

    path = Path(path)
    loaded = load_report(path, registry or load_registry())
    composed = compose(loaded.report, loaded.source, loaded.kind.spec.layout)
    if strict and composed.unfilled:
        raise InputError(*unfilled_problems(composed.unfilled, str(path), strict=True))
    out = Path(output) if output else path.with_suffix(".docx")
    if out.resolve() == path.resolve():
        raise UsageError.at("输出文件不能与输入的 YAML 相同", out, hint="用 -o 指定 .docx 文件名")
    render_docx(composed.document, out, Path(template) if template else None)
    return RenderResult(out, composed.unfilled, str(path))


def unfilled_problems(unfilled: tuple[Unfilled, ...], path: str, *, strict: bool = False):
    hint = "填好数据后再渲染；或去掉 --strict 先出草稿" if strict else None
    problems = []
    for item in unfilled:
        what = f"数据“{item.figure}”未填，" if item.figure else ""
        problems.append(Problem(f"{what}占位符 {item.text} 尚未填写", path, item.line, hint=hint))
    return problems


def new(
    kind_id: str,
    output: str | Path = "report.yaml",
    *,
    force: bool = False,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write the scaffold of ``kind_id`` and its JSON Schema beside it; returns the files written."""
    from reportgen.scaffold import scaffold
    from reportgen.textio import write_atomically

    kind = (registry or load_registry()).get(kind_id)
    out = Path(output)
    if out.exists() and not force:
        raise UsageError.at("文件已存在，未覆盖", out, hint="换一个文件名（-o），或加 --force 覆盖")
    schema_path = out.with_name(f"{kind.id}.schema.json")
    text = scaffold(kind.spec, schema_path.name, today or dt.date.today())
    write_atomically(out, text.encode("utf-8"), overwrite=force)
    written = [out]
    schema_text = schema(kind)
    if force or not schema_path.exists() or schema_path.read_text("utf-8") == schema_text:
        write_atomically(schema_path, schema_text.encode("utf-8"))
        written.append(schema_path)
    return written


def schema(kind: Kind) -> str:
    document = kind.model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
