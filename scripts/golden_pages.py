"""Lay out every kind's example in LibreOffice, keep one page of each for review, and print what
`reportgen check` measures on each.

    python scripts/golden_pages.py            # rewrite tests/golden/layout/<kind>.png, print figures
    python scripts/golden_pages.py --no-png   # only the figures

The PNGs (60 dpi) are for reading by eye in a review, not compared by any test: page 1 of each
kind, the last page of the brief (its 报尾). The figures table is the one in
docs/layout-findings.md ("Figures per kind").
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

from reportgen import api
from reportgen.check.convert import to_pdf
from reportgen.check.measured import doc_text, measure
from reportgen.check.pdftext import read_lines
from reportgen.check.structure import check_structure
from reportgen.docx.read.reader import read_docx

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "layout"
KINDS = ROOT / "examples" / "kinds"
#: Every kind's example (examples/<kind>.yaml; a -draft is an import example, not a kind's), and
#: the bureau kind of examples/kinds as its scaffold renders.
EXAMPLES = tuple(
    p.stem for p in sorted((ROOT / "examples").glob("*.yaml")) if not p.stem.endswith("-draft")
)
LAST_PAGE = {"progress-brief"}  # the page that shows what is particular to the kind


def _render(folder: Path) -> dict[str, Path]:
    registry = api.load_kinds([KINDS])
    files = {
        kind: Path(
            api.render(
                ROOT / "examples" / f"{kind}.yaml", folder / f"{kind}.docx", registry=registry
            ).output
        )
        for kind in EXAMPLES
    }
    scaffold = folder / "anquan-jiancha.yaml"
    api.new_scaffold("anquan-jiancha", scaffold, registry=registry)
    files["anquan-jiancha"] = Path(api.render(scaffold, registry=registry).output)
    return files


def _widths(figure: object) -> str:
    assert isinstance(figure, dict)
    shown = ", ".join(f"{w} ×{n}" for w, n in sorted(figure.items(), key=lambda i: -float(i[0])))
    return shown or "—"


def _row(kind: str, docx: Path, pdf: Path) -> str:
    pages = read_lines(pdf)
    letter = check_structure(docx)[1].letter  # a 信函 is held to 10.1, as `check` does
    findings, figures = measure(pages, doc_text(list(read_docx(docx))), letter=letter)
    rules = Counter(f.rule for f in findings)
    full_pages = figures["整页行数"]
    assert isinstance(full_pages, list)
    rows = ", ".join(map(str, sorted(set(full_pages)))) or "—"
    return (
        f"| {kind} | {len(pages)} | {rows} | {_widths(figures['整行字数'])} | "
        f"{_widths(figures['含数字或西文的整行字数'])} | {rules['lost-character']} | "
        f"{rules['glyph-outside']} | {rules['placeholder-split']} | {figures.get('版记页', '—')} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-png", action="store_true", help="print the figures only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reportgen-golden-") as name:
        folder = Path(name)
        files = _render(folder)
        GOLDEN.mkdir(parents=True, exist_ok=True)
        pdfs = to_pdf(list(files.values()), folder)
        print(
            "| kind | pages | lines per full page | characters per full line | of them with digits "
            "or Latin | lost | beyond the 版心 | placeholders split | 版记 page |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for (kind, docx), pdf in zip(files.items(), pdfs, strict=True):
            if pdf is None:
                print(f"| {kind} | LibreOffice gave no PDF | | | | | | | |")
                continue
            print(_row(kind, docx, pdf))
            if args.no_png:
                continue
            page = len(read_lines(pdf)) if kind in LAST_PAGE else 1
            target = GOLDEN / kind
            command = ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page)]
            subprocess.run([*command, "-singlefile", str(pdf), str(target)], check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
