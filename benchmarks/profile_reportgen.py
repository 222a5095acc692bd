"""Where reportgen's time goes: start-up imports and warm profiles, for the team's findings.

Usage (in the benchmark venv, after ``run.sh`` built the inputs):
    benchmarks/.work/venv/bin/python benchmarks/profile_reportgen.py [--quick]

Prints, for ``reportgen --help``, ``lint short.txt`` and ``render`` as whole commands, the imports
that cost most (``python -X importtime``), then cProfile's top functions for a warm render and a
warm lint of the corpus.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench  # noqa: E402
import data as bench_data  # noqa: E402
import make_docxtpl_template  # noqa: E402

_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_costs(argv: list[str], top: int = 12) -> str:
    """The slowest imports of a command, cumulative, outermost first (ms)."""
    code = f"import sys; sys.argv = {argv!r}; from reportgen.cli.app import main; main()"
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        m = _LINE.match(line)
        if m:
            rows.append((int(m.group(2)) / 1000, len(m.group(3)) // 2, m.group(4)))
    total = sum(ms for ms, depth, _ in rows if depth == 0)
    shown = sorted((r for r in rows if r[1] <= 2), reverse=True)[:top]
    lines = [f"  {' '.join(argv[1:])}: {total:.0f} ms of imports in all"]
    lines += [f"    {ms:7.1f} ms  {'  ' * depth}{name}" for ms, depth, name in shown]
    return "\n".join(lines)


def profile(call, runs: int, top: int = 18) -> str:  # type: ignore[no-untyped-def]
    call()  # warm
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        call()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return re.sub(r"\n{3,}", "\n\n", out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    cfg = bench.Config.make(args.quick)
    report = bench.find_report()
    paths = bench_data.build(
        report,
        cfg.corpus_bytes,
        cfg.docx_paragraphs,
        cfg.big_pages,
        make_docxtpl_template.style_names(Path("missing")),
    )
    out = Path(tempfile.mkdtemp(prefix="profile-", dir=bench.WORK)) / "out.docx"

    print("== start-up: imports (python -X importtime) ==")
    for argv in (
        ["reportgen", "--help"],
        ["reportgen", "lint", str(paths["short"])],
        ["reportgen", "render", str(report), "-o", str(out)],
    ):
        out.unlink(missing_ok=True)
        print(import_costs(argv))

    import reportgen_api

    render = reportgen_api.render_function(str(out))

    def render_once() -> None:
        out.unlink(missing_ok=True)
        render(str(report))

    print("\n== warm render of the report, 20 runs ==")
    print(profile(render_once, 20))
    lint = reportgen_api.lint_function()
    print("\n== warm lint of the corpus, 1 run ==")
    print(profile(lambda: lint(str(paths["corpus"])), 1))


if __name__ == "__main__":
    main()
