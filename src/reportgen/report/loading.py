"""Loading a report: its YAML read with positions, its kind found, and validated against it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reportgen.errors import InputError, Problem
from reportgen.kinds.registry import Kind, Registry
from reportgen.layouts import get as get_layout
from reportgen.yamlio.source import SourceMap

if TYPE_CHECKING:
    from reportgen.kinds.models import Report


class LoadedReport(NamedTuple):
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


def load_prepared(path: str | Path, kind_dirs: tuple[Path, ...]) -> LoadedReport | None:
    """:func:`load_report` of ``path`` with the registry of ``kind_dirs``, through the kinds'
    prepared validators (:mod:`reportgen.kinds.prepared`), without pydantic: the report as
    plain records. None for anything but a report that passes every check: the full path
    then says what is wrong, in the words it always does."""
    from reportgen.kinds import prepared

    if not prepared.enabled():
        return None
    try:
        return _load_prepared(path, kind_dirs)
    except Exception:  # whatever it is, the full path decides
        return None


def _load_prepared(path: str | Path, kind_dirs: tuple[Path, ...]) -> LoadedReport | None:
    from reportgen.kinds import prepared
    from reportgen.textio import read_text
    from reportgen.yamlio.source import parse_yaml

    data, source = parse_yaml(read_text(path), str(path))
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
        return None
    found = prepared.find(data["kind"], kind_dirs)
    spec_validator = prepared.spec_validator()
    if found is None or spec_validator is None:
        return None
    spec = spec_validator.validate_python(found.kind_data)
    report = found.validator.validate_python(data)
    get_layout(spec.layout).check(report, source, spec)
    return LoadedReport(Kind(spec, found.origin), report, source)
