"""The seeds are kept verbatim: they are reference material and test input, never edited."""

from __future__ import annotations

import hashlib

import pytest

from conftest import ROOT, SEEDS

# sha256 of each seed as copied from the shared seed folder.
EXPECTED = {
    path.name: hashlib.sha256(path.read_bytes()).hexdigest()
    for path in (ROOT.parent / "shared" / "seeds").glob("*.txt")
}


@pytest.mark.skipif(not EXPECTED, reason="the shared seed folder is not beside this checkout")
def test_seeds_are_verbatim_copies():
    ours = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in SEEDS.glob("*.txt")
    }
    assert ours == EXPECTED


def test_the_five_seeds_are_here():
    assert len(list(SEEDS.glob("*.txt"))) == 5
    assert (SEEDS / "002_b642ac03053a293c.txt").read_text("utf-8").startswith("市住建局关于")
