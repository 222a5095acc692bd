"""Findings past the limits are counted while the rules run, not built and dropped after: the
file's listing is the same as capping every finding, and a draft of 100,000 findings is never
held as findings."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from reportgen.lint.readers import read_source
from reportgen.lint.rules import DEFAULT_RULES, RULES
from reportgen.lint.runner import LintOptions, check_source, run_lint

TEXT = "\n".join(
    ["第一段写到共*个，增长**.*%，其中XX镇*.**万个。"] * 30
    + ["一行里很多：" + "共*个，" * 12]
    + ["第二段写到X月X日，【待补】，增长**%，，"] * 30
)


def capped_after(path: Path, per_line: int, per_file: int) -> list[tuple[int, int, str, str]]:
    """Every finding built, sorted, then capped: what the listing must equal."""
    found = check_source(read_source(path, path.name), [RULES[r] for r in DEFAULT_RULES])
    per: Counter[int] = Counter()
    listed = []
    for finding, _ in found:
        if per[finding.line] >= per_line or len(listed) >= per_file:
            continue
        per[finding.line] += 1
        listed.append((finding.line, finding.column, finding.rule, finding.match))
    return listed


@pytest.mark.parametrize(
    ("per_line", "per_file"), [(100, 10_000), (100, 7), (100, 40), (3, 40), (2, 7), (1, 500)]
)
def test_the_listing_within_limits_is_every_finding_capped(
    tmp_path: Path, per_line: int, per_file: int
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(TEXT, "utf-8")
    (tmp_path / ".reportgen.toml").write_text(
        f"[limits]\nfindings_per_line = {per_line}\nfindings_per_file = {per_file}\n", "utf-8"
    )
    expected = capped_after(draft, per_line, per_file)
    total = len(check_source(read_source(draft, draft.name), [RULES[r] for r in DEFAULT_RULES]))
    assert total > 2 * 7  # the small limits switch to counting places only
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        run = run_lint([str(draft)], LintOptions(format="json"))
    finally:
        os.chdir(cwd)
    assert [(f.line, f.column, f.rule, f.match) for f in run.findings] == expected
    omitted = total - len(expected)
    assert bool(run.notes) == bool(omitted)
    if omitted:
        assert f"另有 {omitted:,} 处问题未逐一列出" in run.notes[0]
    assert run.exit_code == 1  # placeholders are errors, listed or not


def test_a_keys_line_and_column_are_the_findings_place(tmp_path: Path) -> None:
    """Keys are made with ``line_column``, findings with ``place``: they must agree."""
    draft = tmp_path / "draft.txt"
    draft.write_text("前言\n" + TEXT, "utf-8")
    source = read_source(draft, draft.name)
    offsets = range(0, len(source.text), 3)
    assert len(offsets) > 100
    assert all(source.line_column(o) == tuple(source.place(o)[:2]) for o in offsets)
