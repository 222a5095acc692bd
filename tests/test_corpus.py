"""The real-document corpus (corpus/) is well-formed: every document has its truth and its
SOURCES row and the other way round, and every truth entry points at text that is really there,
at the line and column lint reports (for .docx: the paragraph numbered as lint numbers them).

Cheap on purpose: no lint run and no LibreOffice. How lint scores on the corpus is measured by
benchmarks/evaluate_lint.py, not here.
"""

from __future__ import annotations

import csv
import importlib.util
from functools import cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# pending/ holds documents kept out of the scored set for now (see corpus/README.md); they are
# checked the same way.
FOLDERS = (CORPUS, CORPUS / "pending")
DOCS = sorted(
    p for folder in FOLDERS for p in (folder / "docs").iterdir() if not p.name.startswith(".")
)
SHAPES = {
    "stars",
    "x-run",
    "bracket-note",
    "box",
    "date",
    "docnum",
    "blank",
    "template-tag",
    "other",
}


def _sources() -> dict[str, dict[str, str]]:
    with (CORPUS / "SOURCES.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {row["file"]: row for row in rows}


@cache
def _docx_reader():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docx_paragraphs", CORPUS / "docx_paragraphs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(doc: Path) -> dict[int, str]:
    """The document's units as lint numbers them: text lines, or .docx paragraphs."""
    if doc.suffix == ".docx":
        return {number: text for number, _, text in _docx_reader().paragraphs(doc)}
    text = doc.read_bytes().decode("utf-8")
    return dict(enumerate(text.split("\n"), start=1))


def _truth(doc: Path) -> dict:
    data = YAML(typ="safe").load(
        (doc.parent.parent / "truth" / f"{doc.stem}.yaml").read_text("utf-8")
    )
    assert isinstance(data, dict), f"{doc.stem}.yaml is not a mapping"
    return data


def test_documents_truth_and_sources_match_one_to_one():
    sources = _sources()
    names = {doc.name for doc in DOCS}
    truths = {path.stem for folder in FOLDERS for path in (folder / "truth").glob("*.yaml")}
    assert names == set(sources), "SOURCES.tsv rows and corpus/docs differ"
    assert {Path(name).stem for name in names} == truths, "truth files and documents differ"
    ids = [name.split("-", 1)[0] for name in names]
    assert all(len(i) == 3 and i.isdigit() for i in ids), "ids are three digits"
    assert len(ids) == len(set(ids)), "an id is used twice"


def test_sources_rows_are_complete():
    for name, row in _sources().items():
        assert row["id"] == name.split("-", 1)[0], name
        assert row["format"] == Path(name).suffix.lstrip("."), name
        assert row["kind"].strip() and row["source"].strip(), name


def test_text_documents_are_utf8_with_plain_line_ends():
    for doc in DOCS:
        if doc.suffix != ".docx":
            data = doc.read_bytes()
            assert not data.startswith(b"\xef\xbb\xbf"), f"{doc.name}: BOM"
            assert b"\r" not in data, f"{doc.name}: CR line ends"
            data.decode("utf-8")


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.stem)
def test_truth_points_at_the_text(doc: Path):
    truth = _truth(doc)
    assert set(truth) <= {"slots", "lookalikes", "defects"}, doc.name
    lines = _lines(doc)
    for key in ("slots", "lookalikes"):
        for entry in truth.get(key) or []:
            line, column, text = entry["line"], entry["column"], entry["text"]
            found = lines.get(line, "")[column - 1 : column - 1 + len(text)]
            assert found == text, f"{doc.name} {key} {line}:{column}: {text!r} is not there"
    for entry in truth.get("slots") or []:
        assert entry["shape"] in SHAPES, f"{doc.name}: unknown shape {entry['shape']!r}"
    for entry in truth.get("defects") or []:
        assert entry["rule"] and entry["line"] in lines, f"{doc.name}: defect {entry}"
