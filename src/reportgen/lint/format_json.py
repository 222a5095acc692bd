"""The ``json`` output: ``{"findings": [...], "summary": {...}}`` as SPEC fixes it.

One finding per line: as easy to read and to diff as indented JSON, and written by the C
encoder (``indent`` switches json to its pure-Python encoder, a quarter of a large lint's time).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from reportgen.lint.findings import Finding


def format_json(findings: Sequence[Finding], summary: Mapping[str, object]) -> str:
    # Joined once from the rows: a long document's output is not copied again whole.
    pieces = ['{\n  "findings": [']
    for index, finding in enumerate(findings):
        pieces.append(",\n    " if index else "\n    ")
        pieces.append(json.dumps(finding.as_dict(), ensure_ascii=False))
    pieces.append("\n  ],\n" if findings else "],\n")
    pieces.append(f'  "summary": {json.dumps(summary, ensure_ascii=False, sort_keys=False)}\n}}\n')
    return "".join(pieces)
