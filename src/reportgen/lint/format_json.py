"""The ``json`` output: ``{"findings": [...], "summary": {...}}`` as SPEC fixes it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from reportgen.lint.findings import Finding


def format_json(findings: Sequence[Finding], summary: Mapping[str, object]) -> str:
    document = {"findings": [finding.as_dict() for finding in findings], "summary": summary}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
