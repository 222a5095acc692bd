"""Measure `reportgen lint` against the truth of the real-document corpus (corpus/).

Runs the installed ``reportgen lint --format json`` over ``corpus/docs`` (a subprocess, so this
script does not depend on reportgen's internals) and compares every finding with the truth file of
its document (``corpus/truth/<stem>.yaml``):

- a ``placeholder`` finding is true when it overlaps (same line, overlapping column span) a truth
  slot not matched yet; each slot matches once, so a second finding on one slot is false;
- a finding of any other rule is true when the truth lists a ``defects`` entry with that rule and
  line (a defect says "this line has this problem", so several findings on it are all true; an
  entry no finding reaches is missed).

Prints per rule: documents with findings, findings, true, false, missed, precision and recall
(placeholder), false findings per 10 documents (other rules), and the targets with whether each is
met. ``--verbose`` adds every false finding and every missed slot per document; ``--json`` prints the
same data as JSON. Exit status 0 (it is a report) unless ``--check`` is given: then 1 when a target
is missed.

    python benchmarks/evaluate_lint.py [--verbose] [--json] [--check] [--reportgen CMD]
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

try:
    import corpus_eval
except ModuleNotFoundError:  # loaded by file path (tests/test_lint_corpus.py), not run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus_eval

PLACEHOLDER = "placeholder"
TARGET_PRECISION = 0.98
TARGET_RECALL = 0.95
TARGET_FALSE_PER_10 = 1.0


def load_truth(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {
        "slots": list(data.get("slots") or []),
        "lookalikes": list(data.get("lookalikes") or []),
        "defects": list(data.get("defects") or []),
    }


def run_lint(command: list[str], documents: list[Path]) -> dict[str, Any]:
    """One lint run over every document; the JSON report as a dict."""
    result = subprocess.run(
        [*command, "lint", "--format", "json", *map(str, documents)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(
            f"reportgen lint gave no JSON (exit {result.returncode}):\n{result.stderr[-2000:]}"
        )
    return report


def _span(item: dict[str, Any]) -> tuple[int, int, int]:
    """(line, first column, column after the end) of a finding."""
    line, column = int(item["line"]), int(item["column"])
    if item.get("end_line") not in (None, line):
        return line, column, 10**9  # runs past the end of its line
    end = item.get("end_column")
    if end is None:
        end = column + max(len(str(item.get("match") or "")), 1)
    return line, column, max(int(end), column + 1)


def _overlaps(a: tuple[int, int, int], b: tuple[int, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _truth_span(slot: dict[str, Any]) -> tuple[int, int, int]:
    line, column = int(slot["line"]), int(slot["column"])
    return line, column, column + max(len(str(slot["text"])), 1)


def judge_document(findings: list[dict[str, Any]], truth: dict[str, Any]) -> dict[str, Any]:
    """Per-rule true/false findings and missed truth entries of one document."""
    out: dict[str, Any] = {"rules": defaultdict(lambda: {"true": [], "false": [], "missed": []})}
    slots = [(_truth_span(slot), slot) for slot in truth["slots"]]
    used_slots: set[int] = set()
    lookalikes = [(_truth_span(item), item) for item in truth["lookalikes"]]
    defects = truth["defects"]
    used_defects: set[int] = set()
    for finding in sorted(findings, key=lambda f: (f["line"], f["column"])):
        rule = finding["rule"]
        record = out["rules"][rule]
        span = _span(finding)
        if rule == PLACEHOLDER:
            hit = next(
                (i for i, (s, _) in enumerate(slots) if i not in used_slots and _overlaps(s, span)),
                None,
            )
            if hit is not None:
                used_slots.add(hit)
                record["true"].append(finding)
                continue
            why = "extra finding on a slot already found"
            if not any(_overlaps(s, span) for s, _ in slots):
                lookalike = next((item for s, item in lookalikes if _overlaps(s, span)), None)
                why = f"look-alike “{lookalike['text']}”" if lookalike else "not a slot"
            record["false"].append({**finding, "why": why})
        else:
            hits = [
                i
                for i, d in enumerate(defects)
                if d.get("rule") == rule and int(d["line"]) == span[0]
            ]
            if hits:  # a defect is "this line has this problem": every finding on it is true
                used_defects.update(hits)
                record["true"].append(finding)
            else:
                record["false"].append({**finding, "why": "no such defect in the truth"})
    for i, (_, slot) in enumerate(slots):
        if i not in used_slots:
            out["rules"][PLACEHOLDER]["missed"].append(slot)
    for i, defect in enumerate(defects):
        if i not in used_defects:
            out["rules"][defect["rule"]]["missed"].append(defect)
    return out


def evaluate(corpus: Path, command: list[str]) -> dict[str, Any]:
    documents = corpus_eval.documents(corpus)
    report = run_lint(command, documents)
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in report.get("findings", []):
        by_path[str(Path(finding["path"]).resolve())].append(finding)
    totals: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"documents": 0, "findings": 0, "true": 0, "false": 0, "missed": 0}
    )
    totals[PLACEHOLDER]  # always reported, even with no findings
    per_document: list[dict[str, Any]] = []
    for document in documents:
        truth_file = corpus / "truth" / f"{document.stem}.yaml"
        truth = load_truth(truth_file) if truth_file.exists() else load_truth_missing()
        judged = judge_document(by_path.get(str(document.resolve()), []), truth)
        entry: dict[str, Any] = {"document": document.name, "rules": {}}
        for rule, record in judged["rules"].items():
            row = totals[rule]
            found = len(record["true"]) + len(record["false"])
            row["documents"] += 1 if found else 0
            row["findings"] += found
            row["true"] += len(record["true"])
            row["false"] += len(record["false"])
            row["missed"] += len(record["missed"])
            entry["rules"][rule] = {
                "true": len(record["true"]),
                "false": [_brief(f) for f in record["false"]],
                "missed": [_brief(m) for m in record["missed"]],
            }
        per_document.append(entry)
    count = len(documents)
    rules: dict[str, Any] = {}
    for rule, row in sorted(totals.items(), key=lambda kv: (kv[0] != PLACEHOLDER, kv[0])):
        found, true = row["findings"], row["true"]
        precision = true / found if found else None
        relevant = true + row["missed"]
        recall = true / relevant if relevant else None
        false_per_10 = row["false"] * 10 / count if count else 0.0
        if rule == PLACEHOLDER:
            met = (precision or 0.0) >= TARGET_PRECISION and (recall or 0.0) >= TARGET_RECALL
        else:
            met = false_per_10 <= TARGET_FALSE_PER_10
        rules[rule] = {
            **row,
            "precision": precision,
            "recall": recall,
            "false_per_10_documents": round(false_per_10, 2),
            "target_met": met,
        }
    summary = report.get("summary", {})
    return {
        "documents": count,
        "unreadable": summary.get("unreadable", 0),
        "rules": rules,
        "per_document": per_document,
        "targets": {
            "placeholder_precision": TARGET_PRECISION,
            "placeholder_recall": TARGET_RECALL,
            "other_rules_false_per_10_documents": TARGET_FALSE_PER_10,
        },
        "all_targets_met": all(r["target_met"] for r in rules.values()),
    }


def load_truth_missing() -> dict[str, Any]:
    return {"slots": [], "lookalikes": [], "defects": []}


def _brief(item: dict[str, Any]) -> dict[str, Any]:
    keep = ("line", "column", "match", "text", "rule", "note", "why", "shape", "location")
    return {k: item[k] for k in keep if k in item and item[k] is not None}


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_table(result: dict[str, Any], verbose: bool) -> None:
    print(f"corpus: {result['documents']} documents, {result['unreadable']} unreadable by lint")
    print()
    print(
        "| rule | documents | findings | true | false | missed | precision | recall | false/10 docs | target | met |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for rule, row in result["rules"].items():
        if rule == PLACEHOLDER:
            target = f"P ≥ {TARGET_PRECISION}, R ≥ {TARGET_RECALL}"
        else:
            target = f"≤ {TARGET_FALSE_PER_10:g} false/10 docs"
        print(
            f"| {rule} | {row['documents']} | {row['findings']} | {row['true']} | {row['false']} "
            f"| {row['missed']} | {_ratio(row['precision'])} | {_ratio(row['recall'])} "
            f"| {row['false_per_10_documents']:.2f} | {target} | {'yes' if row['target_met'] else 'NO'} |"
        )
    print()
    print("all targets met" if result["all_targets_met"] else "targets NOT met")
    if not verbose:
        return
    for entry in result["per_document"]:
        lines = []
        for rule, record in sorted(entry["rules"].items()):
            for item in record["false"]:
                lines.append(
                    f"  false  {rule} {item['line']}:{item['column']} “{item.get('match', '')}” ({item['why']})"
                )
            for item in record["missed"]:
                what = item.get("text") or item.get("note") or ""
                lines.append(f"  missed {rule} {item['line']}:{item.get('column', '')} “{what}”")
        if lines:
            print()
            print(entry["document"])
            print("\n".join(lines))


def main() -> int:
    args = corpus_eval.parser(__doc__.split("\n\n")[0]).parse_args()
    result = evaluate(args.corpus, corpus_eval.command(args))
    return corpus_eval.finish(args, result, print_table)


if __name__ == "__main__":
    sys.exit(main())
