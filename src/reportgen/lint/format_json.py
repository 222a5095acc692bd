"""The ``json`` output: ``{"findings": [...], "summary": {...}}`` as SPEC fixes it.

One finding per line: as easy to read and to diff as indented JSON, and written by the C
encoder (``indent`` switches json to its pure-Python encoder, a quarter of a large lint's time).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from reportgen.lint.findings import Finding


def format_json(findings: Sequence[Finding], summary: Mapping[str, object]) -> str:
    rows = ",\n    ".join(json.dumps(f.as_dict(), ensure_ascii=False) for f in findings)
    body = f"[\n    {rows}\n  ]" if rows else "[]"
    return (
        f'{{\n  "findings": {body},\n'
        f'  "summary": {json.dumps(summary, ensure_ascii=False, sort_keys=False)}\n}}\n'
    )
