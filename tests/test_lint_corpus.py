"""Lint's results on the real-document corpus do not slide back (issue 9).

Runs benchmarks/evaluate_lint.py's scoring in this process (lint itself in-process too, not the
installed command) and holds every rule to the targets: placeholder precision ≥ 0.98 and recall
≥ 0.95, every other rule at most 1 false finding per 10 documents, and no document unreadable.
Run ``benchmarks/evaluate_lint.py --verbose`` to see what a failure is about.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from reportgen.lint import LintOptions, run_lint

ROOT = Path(__file__).resolve().parent.parent


def _evaluator() -> Any:
    spec = importlib.util.spec_from_file_location(
        "evaluate_lint", ROOT / "benchmarks" / "evaluate_lint.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    evaluator = _evaluator()

    def lint_in_process(command: list[str], documents: list[Path]) -> dict[str, Any]:
        run = run_lint([str(path) for path in documents], LintOptions(format="json"))
        return json.loads(run.output)

    evaluator.run_lint = lint_in_process
    result: dict[str, Any] = evaluator.evaluate(ROOT / "corpus", [])
    return result


def test_every_corpus_document_is_read(scores: dict[str, Any]) -> None:
    assert scores["documents"] >= 40 and scores["unreadable"] == 0


def test_placeholder_precision_and_recall_hold(scores: dict[str, Any]) -> None:
    placeholder = scores["rules"]["placeholder"]
    assert placeholder["precision"] >= 0.98, placeholder
    assert placeholder["recall"] >= 0.95, placeholder


def test_other_rules_stay_quiet_on_real_documents(scores: dict[str, Any]) -> None:
    noisy = {
        rule: row["false"]
        for rule, row in scores["rules"].items()
        if rule != "placeholder" and not row["target_met"]
    }
    assert noisy == {}
