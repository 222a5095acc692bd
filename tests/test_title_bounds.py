"""A title whose breaks the lexicon and the text alone decide is broken without loading the
segmenter: for every title below (the examples' and lines of the seed texts, at three widths)
the bounds hold the cost the segmenter gives, and the breaks decided from them are the breaks
the segmenter's costs give."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEEDS
from reportgen.docx.write import title

WIDTHS = (22, 20, 14)


def _titles() -> list[str]:
    found = set()
    for path in EXAMPLES.glob("*.yaml"):
        for line in path.read_text("utf-8").splitlines():
            if line.startswith("title: "):
                found.add(line.removeprefix("title: ").strip())
    for path in sorted(SEEDS.glob("*.txt"))[:40]:
        for line in path.read_text("utf-8", errors="replace").splitlines():
            line = line.strip()
            if 12 <= len(line) <= 80 and "。" not in line:
                found.add(line)
    return sorted(found)


TITLES = _titles()


def _edges(text: str) -> list[float]:
    edges = [0.0]
    for char in text:
        edges.append(edges[-1] + title.char_width(char))
    return edges


@pytest.mark.parametrize("with_segmenter", [True, False], ids=["segmenter", "pairs"])
def test_the_bounds_hold_every_cost(monkeypatch: pytest.MonkeyPatch, with_segmenter: bool) -> None:
    if not with_segmenter:
        monkeypatch.setattr(title, "_segmenter_words", lambda text: None)
    for text in TITLES:
        costs = title._boundary_costs(text)
        bounds = title._cost_bounds(text)
        assert bounds.keys() == costs.keys(), text
        for i, cost in costs.items():
            assert bounds[i][0] <= cost <= bounds[i][1], (text, i)


@pytest.mark.parametrize("with_segmenter", [True, False], ids=["segmenter", "pairs"])
def test_decided_breaks_are_the_segmenters(
    monkeypatch: pytest.MonkeyPatch, with_segmenter: bool
) -> None:
    if not with_segmenter:
        monkeypatch.setattr(title, "_segmenter_words", lambda text: None)
    decided = tried = 0
    for text in TITLES:
        for width in WIDTHS:
            if "\n" in text or not width < title.text_width(text) <= title.MAX_LINES * width:
                continue
            tried += 1
            breaks = title._decided(title._cost_bounds(text), _edges(text), width)
            with monkeypatch.context() as exact:
                exact.setattr(title, "_decided", lambda *_: None)
                if breaks is not None:
                    decided += 1
                    assert breaks == title.title_breaks(text, width), (text, width)
    assert decided > tried // 10, (decided, tried)  # the comparison is not vacuous


def test_the_examples_title_is_broken_without_the_segmenter(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom reportgen.docx.write.title import title_breaks\n"
        "print(title_breaks('区水务局关于党员干部主题教育以学促干工作情况的汇报', 22),"
        " 'rjieba' in sys.modules)\n"
    )
    env = {**os.environ, "REPORTGEN_CACHE": "off"}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split() == ["[14]", "False"]
