"""The ``sarif`` output: SARIF 2.1.0, for code-scanning dashboards and editors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PureWindowsPath
from urllib.parse import quote

from reportgen.lint.findings import Finding
from reportgen.lint.rules import RULES
from reportgen.version import __version__

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def format_sarif(findings: Sequence[Finding]) -> str:
    """One run of the tool ``reportgen`` with every rule described and every finding a result.

    Columns count Unicode code points (``columnKind``), as our columns do. For a .docx the
    "line" is the paragraph number and the paragraph's place (正文, 表格1 …) is a logical
    location.
    """
    rule_index = {rule_id: index for index, rule_id in enumerate(RULES)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "reportgen",
                        "version": __version__,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.id,
                                "shortDescription": {"text": rule.title},
                                "defaultConfiguration": {
                                    "level": _LEVELS[rule.severity],
                                    "enabled": rule.default_on,
                                },
                                "properties": {"source": rule.source_level},
                            }
                            for rule in RULES.values()
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, rule_index) for finding in findings],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    location: dict[str, object] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(finding.path)},
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
                "snippet": {"text": finding.match},
            },
        }
    }
    if finding.location:
        location["logicalLocations"] = [{"name": finding.location, "kind": "paragraph"}]
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [location],
    }


def _uri(path: str) -> str:
    """A relative URI reference for a path as given (Windows separators too)."""
    return quote(PureWindowsPath(path).as_posix() if "\\" in path else path, safe="/:")
