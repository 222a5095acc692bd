"""The seeds are kept verbatim: they are reference material and test input, never edited.

``seeds/SHA256SUMS`` records each seed's digest as copied from the shared seed folder; the
copies are checked against it everywhere, and the record against the shared folder where that
folder is beside the checkout."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

SHARED = ROOT.parent / "shared" / "seeds"


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.txt")}


def recorded() -> dict[str, str]:
    lines = (SEEDS / "SHA256SUMS").read_text("ascii").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def test_seeds_are_the_recorded_bytes():
    assert len(recorded()) == 5
    assert digests(SEEDS) == recorded()


def test_the_record_is_the_shared_seed_folder():
    if not SHARED.is_dir():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert digests(SHARED) == recorded()


def test_the_five_seeds_are_here():
    assert len(list(SEEDS.glob("*.txt"))) == 5
    assert (SEEDS / "002_b642ac03053a293c.txt").read_text("utf-8").startswith("市住建局关于")
