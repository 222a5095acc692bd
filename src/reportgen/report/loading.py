"""Loading a report: its YAML read with positions, its kind found, and validated against it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import InputError, Problem
from reportgen.kinds.models import Report
from reportgen.kinds.registry import Kind, Registry
from reportgen.layouts import get as get_layout
from reportgen.yamlio.source import SourceMap


@dataclass(frozen=True)
class LoadedReport:
    kind: Kind
    report: Report
    source: SourceMap


def load_report(path: str | Path, registry: Registry) -> LoadedReport:
    from reportgen.textio import read_text

    return parse_report(read_text(path), str(path), registry)


def parse_report(text: str, path: str, registry: Registry) -> LoadedReport:
    """Validate the report YAML ``text``; ``path`` names it in messages."""
    from reportgen.yamlio.source import parse_yaml, require_mapping
    from reportgen.yamlio.validation import validate

    data, source = parse_yaml(text, path)
    data = require_mapping(data, source)
    if "kind" not in data:
        raise InputError(
            Problem(
                "缺少 kind 字段，不知道这是哪种报告",
                path,
                1,
                1,
                f"在第一行写 kind: 类型编号；可用的类型：{'、'.join(registry.ids())}",
            )
        )
    kind = registry.get(str(data["kind"]), source=source.problem(("kind",), ""))
    report = validate(kind.model, data, source)
    get_layout(kind.spec.layout).check(report, source, kind.spec)
    return LoadedReport(kind, report, source)
