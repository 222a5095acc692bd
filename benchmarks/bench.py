"""Measure reportgen side by side with the tools a user would pick instead; print and save a table.

Run through ``bash benchmarks/run.sh [--quick]``, which prepares the venv this expects
(reportgen installed with ``pip install .``, docxtpl, docx2python, autocorrect-py; pandoc on PATH).

Every comparison is made in the same run on the same inputs, and the ratios reportgen ÷ anchor
are the figures that count: the machine is shared and absolute times drift between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
sys.path.insert(0, str(HERE))

import data as bench_data  # noqa: E402
import make_docxtpl_template  # noqa: E402


@dataclass
class Config:
    quick: bool
    corpus_bytes: int
    docx_paragraphs: int
    big_pages: int
    batch_reports: int
    warm_min_runs: int
    warm_seconds: float
    heavy_warm_min_runs: int
    heavy_warm_seconds: float
    command_runs: int
    startup_runs: int
    heavy_command_runs: int
    huge_docx_paragraphs: int  # ~2,000 pages at 30,000
    stored_xml_mb: int

    @classmethod
    def make(cls, quick: bool) -> Config:
        if quick:
            return cls(True, 500_000, 300, 20, 100, 3, 1.0, 2, 1.0, 3, 5, 1, 3000, 15)
        return cls(False, 5_000_000, 3000, 200, 1000, 20, 8.0, 5, 10.0, 15, 20, 3, 30_000, 150)


@dataclass
class Measure:
    """One tool on one task: seconds (median) and peak RSS; or why it could not be measured."""

    seconds: float | None = None
    rss_mb: float | None = None
    runs: int = 0
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.seconds is not None


# --- running things -------------------------------------------------------------------------

GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


@dataclass
class Command:
    """A whole command to time: its argv, the exit codes that mean it worked, what to clear."""

    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    fresh_out: Path | None = None  # removed before each run (commands that refuse to overwrite)
    fresh_dir: Path | None = None  # emptied (moved aside, see _aside) before each run
    # A user cache folder emptied before each run (as on a machine that has just installed
    # reportgen and never run it), given to the command as XDG_CACHE_HOME.
    fresh_cache: Path | None = None
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of each run
    pressure: list[float] = field(default_factory=list)  # share of each run some task waited
    failed: str = ""
    codes: list[int] = field(default_factory=list)

    def run_once(self, record: bool) -> None:
        """One run. Peak RSS comes from GNU time (``%M``): the rusage of a child forked straight
        from this (large) Python process would include this process's RSS from before the exec."""
        if self.fresh_out is not None and self.fresh_out.exists():
            self.fresh_out.unlink()
        if self.fresh_dir is not None:
            if self.fresh_dir.exists():
                self.fresh_dir.rename(_aside(self.fresh_dir))
            self.fresh_dir.mkdir(parents=True)
        env = None
        if self.fresh_cache is not None:
            if self.fresh_cache.exists():
                self.fresh_cache.rename(_aside(self.fresh_cache))
            self.fresh_cache.mkdir(parents=True)
            env = {**os.environ, "XDG_CACHE_HOME": str(self.fresh_cache)}
            env.pop("REPORTGEN_CACHE", None)
        rss_file = WORK / "rss.txt"
        full = (
            [GNU_TIME, "-f", "%M %U %S", "-o", str(rss_file), *self.argv] if GNU_TIME else self.argv
        )
        waited = _cpu_pressure_s()
        start = time.perf_counter()
        proc = subprocess.run(
            full,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE if not record else subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=env,
        )
        elapsed = time.perf_counter() - start
        waited_after = _cpu_pressure_s()
        self.codes.append(proc.returncode)
        if proc.returncode not in self.ok_codes:
            tail = (proc.stderr or b"").decode("utf-8", "replace").strip().splitlines()[-3:]
            self.failed = f"exit {proc.returncode}: {' / '.join(tail)[:200]}"
        elif record:
            self.times.append(elapsed)
            if waited is not None and waited_after is not None:
                self.pressure.append((waited_after - waited) / elapsed)
            if GNU_TIME:
                rss_kb, user, system = rss_file.read_text().split()[-3:]
                self.peaks.append(int(rss_kb) / 1024)
                self.cpu.append(float(user) + float(system))

    def measure(self) -> Measure:
        if self.failed or not self.times:
            return Measure(note=self.failed or "not run")
        return Measure(
            statistics.median(self.times),
            max(self.peaks) if self.peaks else None,
            len(self.times),
            extra={"min_s": min(self.times), "exit": self.codes[-1]}
            | (
                {
                    "cores": statistics.median(self.cpu) / statistics.median(self.times),
                    "cpu_s": statistics.median(self.cpu),
                }
                if self.cpu
                else {}
            )
            | ({"pressure": statistics.median(self.pressure)} if self.pressure else {}),
        )


def _cpu_pressure_s() -> float | None:
    """Seconds for which some task on the machine has waited for a CPU since boot (Linux PSI):
    the share of a run's wall time spent so says how much the other sessions took."""
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    return int(line.rsplit("total=", 1)[1]) / 1e6


def run_interleaved(commands: list[Command], runs: int, warmup: int = 1) -> list[Measure]:
    """Time commands round by round (A B C, A B C, …), so a burst of load on the shared machine
    falls on all of them alike and their ratios stay fair."""
    for i in range(warmup + runs):
        for command in commands:
            if not command.failed:
                command.run_once(record=i >= warmup)
    return [command.measure() for command in commands]


def _aside(folder: Path) -> Path:
    """A free name beside ``folder``: a run's outputs are moved there, not deleted, before the
    next run (they go with ``out_dir`` at the end). This machine's ext4 has no journal, and
    without one ext4 skips every inode freed in the last minute when it allocates one, reading
    the inode table to find out: deleting a batch's 1,000 outputs just before the next run made
    each of that run's 1,000 new files scan past them, 1-2 s of system time that the command
    itself does not cause (FINDINGS, 2026-11-29 02:25)."""
    n = 0
    while folder.with_name(f"{folder.name}.run{n}").exists():
        n += 1
    return folder.with_name(f"{folder.name}.run{n}")


def run_command(
    argv: list[str],
    runs: int,
    ok_codes: tuple[int, ...] = (0,),
    warmup: int = 1,
    fresh_out: Path | None = None,
    fresh_dir: Path | None = None,
) -> Measure:
    """Median wall time and peak RSS of one whole command, as a user runs it."""
    return run_interleaved([Command(argv, ok_codes, fresh_out, fresh_dir)], runs, warmup)[0]


def run_warm(
    python: str, task: str, path: Path, min_runs: int, seconds: float, extra: Path | None = None
) -> Measure:
    argv = [
        python,
        str(HERE / "warm.py"),
        task,
        str(path),
        "--min-runs",
        str(min_runs),
        "--max-seconds",
        str(seconds),
    ]
    if extra is not None:
        argv += ["--extra", str(extra)]
    proc = subprocess.run(argv, capture_output=True, text=True)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return Measure(note="failed: " + " / ".join(proc.stderr.strip().splitlines()[-2:])[:200])
    result = json.loads(lines[-1])
    if result["status"] != "ok":
        return Measure(note="n/a: " + result["why"][:160])
    return Measure(
        result["median_s"],
        result["maxrss_mb"],
        result["runs"],
        extra={"tracemalloc_mb": result["tracemalloc_peak_mb"]},
    )


def run_warm_alternating(
    python: str,
    specs: list[tuple[str, Path, Path | None]],
    min_runs: int,
    seconds: float,
    rounds: int = 3,
) -> list[Measure]:
    """Warm measurements of tools compared with each other, in alternating rounds (A B, A B, …)
    of a fresh process each, with the median of the rounds' medians: a burst of load on the
    shared machine then falls on every tool alike."""
    per_round = [
        [
            run_warm(python, task, path, max(2, min_runs // rounds), seconds / rounds, extra)
            for task, path, extra in specs
        ]
        for _ in range(rounds)
    ]
    combined = []
    for i in range(len(specs)):
        results = [r[i] for r in per_round]
        failed = next((m for m in results if not m.ok), None)
        if failed is not None:
            combined.append(failed)
            continue
        combined.append(
            Measure(
                statistics.median(m.seconds for m in results if m.seconds is not None),
                max(m.rss_mb or 0 for m in results),
                sum(m.runs for m in results),
                extra={"tracemalloc_mb": max(m.extra["tracemalloc_mb"] for m in results)},
            )
        )
    return combined


def help_text(argv: list[str]) -> str:
    proc = subprocess.run(argv, capture_output=True, text=True)
    return proc.stdout + proc.stderr


def docx_paragraph_count(path: Path) -> int:
    """Paragraphs a reader must visit: body (tables included), headers and footers."""
    count = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                count += len(re.findall(rb"<w:p[ >]", z.read(name)))
    return count


def find_report() -> Path:
    """The bundled example of kind yixue-cugan once it exists, else the benchmarks' stand-in."""
    candidates = sorted((ROOT / "examples").glob("*.y*ml"), key=lambda p: ("draft" in p.name, p))
    for path in candidates:
        if re.search(r"^kind:\s*yixue-cugan\s*$", path.read_text(encoding="utf-8"), re.M):
            return path
    return HERE / "report_5pages.yaml"


def reference_docx() -> Path | None:
    path = ROOT / "templates" / "docx" / "reference.docx"
    return path if zipfile.is_zipfile(path) else None


# --- the benchmark --------------------------------------------------------------------------


@dataclass
class Row:
    group: str
    what: str
    unit: str  # "ms", "s", "Mchar/s", "para/s", "MB"
    reportgen: Measure
    anchors: dict[str, Measure]
    higher_is_better: bool = False
    value_of: str = "time"  # time | chars | paras | rss

    def value(self, m: Measure) -> float | None:
        if not m.ok:
            return None
        assert m.seconds is not None
        if self.value_of == "rss":
            return m.rss_mb
        amount = self.extra_amount
        if self.value_of == "chars":
            return amount / m.seconds / 1e6
        if self.value_of == "paras":
            return amount / m.seconds
        return m.seconds * (1000 if self.unit == "ms" else 1)

    extra_amount: float = 0.0


@dataclass
class Target:
    name: str
    measured: float | None
    limit: float
    unit: str
    at_most: bool = True  # measured must be <= limit (else >=)
    note: str = ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="~1-minute smoke run")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--reportgen", default=str(Path(sys.executable).parent / "reportgen"))
    parser.add_argument("--out", default=str(HERE / "results.md"))
    args = parser.parse_args()
    cfg = Config.make(args.quick)
    py, rg = args.python, args.reportgen
    started = time.perf_counter()

    report = find_report()
    reference = reference_docx()
    styles = make_docxtpl_template.style_names(reference or Path("missing"))
    paths = bench_data.build(
        report,
        cfg.corpus_bytes,
        cfg.docx_paragraphs,
        cfg.big_pages,
        styles,
        cfg.huge_docx_paragraphs,
        cfg.stored_xml_mb,
    )
    template = make_docxtpl_template.build(
        reference or Path("missing"), WORK / "docxtpl_template.docx"
    )
    out_dir = Path(tempfile.mkdtemp(prefix="out-", dir=WORK))
    corpus_chars = len(paths["corpus"].read_text(encoding="utf-8"))
    big_paras = docx_paragraph_count(paths["big_docx"])
    rg_help = help_text([rg, "render", "--help"])
    log = print if sys.stderr.isatty() else (lambda *a: print(*a, file=sys.stderr))
    log(f"report: {report.relative_to(ROOT)}; reference.docx: {'yes' if reference else 'not yet'}")

    rows: list[Row] = []

    # Render the ~5-page report.
    log("render, warm …")
    rg_warm, tpl_warm, floor_warm = run_warm_alternating(
        py,
        [
            ("render-reportgen", report, None),
            ("render-docxtpl", paths["anchor_yaml"], template),
            ("render-floor", report, None),
        ],
        cfg.warm_min_runs,
        cfg.warm_seconds,
    )
    warm_row = Row(
        "render 5-page report",
        "warm, per document",
        "ms",
        rg_warm,
        {
            "docxtpl": tpl_warm,
            "floor: writing the same bytes": floor_warm,
            "pandoc": Measure(note="n/a: no in-process API"),
        },
    )
    rows.append(warm_row)
    log("render, whole command …")
    pandoc = shutil.which("pandoc")
    pandoc_argv = [pandoc or "pandoc", str(paths["anchor_md"]), "-o", str(out_dir / "pandoc.docx")]
    if reference:
        pandoc_argv += ["--reference-doc", str(reference)]
    docxtpl_argv = [
        py,
        str(HERE / "anchors" / "docxtpl_render.py"),
        str(paths["anchor_yaml"]),
        str(template),
        str(out_dir / "tpl.docx"),
    ]
    # The same render through the library in a bare script: what the CLI layer adds.
    bare_argv = [py, str(HERE / "bare_render.py"), str(report), str(out_dir / "bare.docx")]
    # The first run after `pip install`: nothing in the user cache (each run starts with an
    # empty one), only what the wheel ships prepared; interleaved with the rest like them.
    first_render, rg_cmd, tpl, bare, pd = run_interleaved(
        [
            Command(
                [rg, "render", str(report), "-o", str(out_dir / "first.docx")],
                fresh_out=out_dir / "first.docx",
                fresh_cache=out_dir / "first-run-cache",
            ),
            Command(
                [rg, "render", str(report), "-o", str(out_dir / "rg.docx")],
                fresh_out=out_dir / "rg.docx",
            ),
            Command(docxtpl_argv),
            Command(bare_argv, fresh_out=out_dir / "bare.docx"),
            *([Command(pandoc_argv)] if pandoc else []),
        ],
        cfg.command_runs,
    ) + ([] if pandoc else [Measure(note="n/a: pandoc not installed")])
    render_row = Row(
        "render 5-page report",
        "whole command",
        "ms",
        rg_cmd,
        {"docxtpl": tpl, "pandoc": pd, "api.render, no CLI": bare},
    )
    rows.append(render_row)
    first_row = Row(
        "render 5-page report",
        "whole command, first run after `pip install`",
        "ms",
        first_render,
        {"docxtpl": tpl},
    )
    rows.append(first_row)

    # Lint the corpus.
    log("lint corpus, warm …")
    rg_lint_warm, ac_lint_warm = run_warm_alternating(
        py,
        [
            ("lint-reportgen", paths["corpus"], None),
            ("lint-autocorrect", paths["corpus"], None),
        ],
        cfg.heavy_warm_min_runs,
        cfg.heavy_warm_seconds,
    )
    lint_warm = Row(
        "lint 5 MB corpus" if not cfg.quick else "lint 0.5 MB corpus",
        "warm, characters per second",
        "Mchar/s",
        rg_lint_warm,
        {"autocorrect-py": ac_lint_warm},
        higher_is_better=True,
        value_of="chars",
        extra_amount=corpus_chars,
    )
    rows.append(lint_warm)
    log("lint corpus, whole command …")
    rg_lint, ac_lint = run_interleaved(
        [
            Command([rg, "lint", "--format", "json", str(paths["corpus"])], ok_codes=(0, 1)),
            Command([py, str(HERE / "anchors" / "autocorrect_lint.py"), str(paths["corpus"])]),
        ],
        cfg.heavy_command_runs,
    )
    lint_cmd_row = Row(lint_warm.group, "whole command", "s", rg_lint, {"autocorrect-py": ac_lint})
    rows.append(lint_cmd_row)

    # Read a long .docx.
    log("read .docx, warm …")
    pages = "200-page" if not cfg.quick else "20-page"
    rg_read_warm, d2p_read_warm = run_warm_alternating(
        py,
        [
            ("read-reportgen", paths["big_docx"], None),
            ("read-docx2python", paths["big_docx"], None),
        ],
        cfg.heavy_warm_min_runs,
        cfg.heavy_warm_seconds,
    )
    read_warm = Row(
        f"read {pages} .docx ({big_paras} paragraphs)",
        "warm, paragraphs per second",
        "para/s",
        rg_read_warm,
        {"docx2python": d2p_read_warm},
        higher_is_better=True,
        value_of="paras",
        extra_amount=big_paras,
    )
    rows.append(read_warm)
    log("read .docx, whole command …")
    rg_read, d2p_read = run_interleaved(
        [
            Command([rg, "lint", "--format", "json", str(paths["big_docx"])], ok_codes=(0, 1)),
            Command([py, str(HERE / "anchors" / "docx2python_read.py"), str(paths["big_docx"])]),
        ],
        cfg.heavy_command_runs,
    )
    rows.append(
        Row(
            read_warm.group,
            "whole command (reportgen: `lint` it)",
            "s",
            rg_read,
            {"docx2python": d2p_read},
        )
    )

    # Start-up.
    log("start-up …")
    new_dir = out_dir / "new"
    help_cmd, kinds_cmd, new_cmd, page_cmd, ac_page, bare_lint, python_pass = run_interleaved(
        [
            Command([rg, "--help"]),
            Command([rg, "kinds"]),
            Command([rg, "new", "yixue-cugan", "-o", str(new_dir / "r.yaml")], fresh_dir=new_dir),
            Command([rg, "lint", str(paths["page"])], ok_codes=(0, 1)),
            Command([py, str(HERE / "anchors" / "autocorrect_lint.py"), str(paths["page"])]),
            # The same lint through the library in a bare script: what the CLI layer adds.
            Command([py, str(HERE / "bare_lint.py"), str(paths["page"])], ok_codes=(0, 1)),
            Command([py, "-c", "pass"]),
        ],
        cfg.startup_runs,
        warmup=2,
    )
    baseline = {"python -c pass": python_pass}
    help_row = Row("start-up", "`reportgen --help`", "ms", help_cmd, baseline)
    kinds_row = Row("start-up", "`reportgen kinds`", "ms", kinds_cmd, baseline)
    new_row = Row("start-up", "`reportgen new yixue-cugan`", "ms", new_cmd, baseline)
    page_row = Row(
        "start-up",
        "`reportgen lint page.txt` (one page)",
        "ms",
        page_cmd,
        {"autocorrect-py": ac_page, **baseline, "run_lint, no CLI": bare_lint},
    )
    rows += [help_row, kinds_row, new_row, page_row]

    # Memory on very long drafts.
    log("lint and annotate a very long .docx …")
    huge_pages = cfg.huge_docx_paragraphs // 15
    huge_lint, huge_annotate = run_interleaved(
        [
            Command([rg, "lint", "--format", "json", str(paths["huge_docx"])], ok_codes=(0, 1)),
            Command(
                [rg, "lint", str(paths["huge_docx"]), "--annotate", str(out_dir / "huge-ann.docx")],
                ok_codes=(0, 1),
                fresh_out=out_dir / "huge-ann.docx",
            ),
        ],
        1,
        warmup=0,
    )
    huge_lint_row = Row(
        f"{huge_pages:,}-page .docx", "`lint`, peak RSS", "MB", huge_lint, {}, value_of="rss"
    )
    huge_ann_row = Row(
        huge_lint_row.group, "`lint --annotate`, peak RSS", "MB", huge_annotate, {}, value_of="rss"
    )
    log(f"lint a .docx with a {cfg.stored_xml_mb} MB document.xml …")
    stored = run_command(
        [rg, "lint", "--format", "json", str(paths["stored_xml_docx"])], 1, ok_codes=(0, 1, 2)
    )
    stored_row = Row(
        f"{cfg.stored_xml_mb} MB document.xml (stored)",
        f"`lint` (exit {stored.extra.get('exit', '?')}), peak RSS",
        "MB",
        stored,
        {},
        value_of="rss",
    )
    rows += [huge_lint_row, huge_ann_row, stored_row]
    rows.append(Row(stored_row.group, "`lint`, time", "s", stored, {}))

    # A long report: peak memory.
    log("render long report …")
    rg_big, tpl_big = run_interleaved(
        [
            Command(
                [rg, "render", str(paths["big_yaml"]), "-o", str(out_dir / "big.docx")],
                fresh_out=out_dir / "big.docx",
            ),
            _docxtpl_big(py, paths, template, out_dir),
        ],
        cfg.heavy_command_runs,
    )
    big_row = Row(
        f"render {pages} report",
        "whole command, peak RSS",
        "MB",
        rg_big,
        {"docxtpl": tpl_big},
        value_of="rss",
    )
    rows.append(big_row)
    big_time = Row(big_row.group, "whole command", "s", big_row.reportgen, big_row.anchors)
    rows.append(big_time)

    # Batch: whole commands of 10, 100 and cfg.batch_reports reports; from the two largest, what
    # one more report costs and what every batch pays once (start-up, loading, preparing).
    log("batch …")
    sizes = sorted({10, 100, cfg.batch_reports})
    batches = {n: _batch(rg, rg_help, report, out_dir, cfg, n) for n in sizes}
    for n, measure in batches.items():
        busy = [
            f"{measure.extra['cores']:.2f} cores busy" if "cores" in measure.extra else "",
            f"CPU pressure {measure.extra['pressure']:.0%}" if "pressure" in measure.extra else "",
        ]
        rows.append(
            Row(
                "batch",
                f"{n} reports from one YAML and a table, 2 cores"
                + (f" ({'; '.join(b for b in busy if b)})" if any(busy) else ""),
                "s",
                measure,
                {},
            )
        )
    batch = batches[cfg.batch_reports]
    fewer, more = batches[sizes[-2]], batches[sizes[-1]]
    per_report = fixed = None
    if fewer.ok and more.ok and fewer.seconds is not None and more.seconds is not None:
        added = sizes[-1] - sizes[-2]
        per_report = (more.seconds - fewer.seconds) / added
        fixed = fewer.seconds - sizes[-2] * per_report
        cpu = ""
        if "cpu_s" in more.extra and "cpu_s" in fewer.extra:
            cpu = f", {(more.extra['cpu_s'] - fewer.extra['cpu_s']) / added * 1000:.1f} ms of CPU"
        rows.append(
            Row(
                "batch",
                f"one more report (wall{cpu}; from {sizes[-2]} to {sizes[-1]} reports)",
                "ms",
                Measure(per_report, runs=more.runs),
                {},
            )
        )
        rows.append(Row("batch", "fixed cost of a batch (the same fit)", "s", Measure(fixed), {}))

    if cfg.batch_reports >= 1000:
        thousand = batch.seconds if batch.ok else None
    else:
        thousand = None if fixed is None or per_report is None else fixed + 1000 * per_report
    targets = [
        _ratio_target("render whole command ≤ ½ docxtpl's", render_row, "docxtpl", 0.5),
        _ratio_target("render, first run after install ≤ docxtpl's", first_row, "docxtpl", 1.0),
        _ratio_target(
            "render warm ≤ 2× the floor of writing the same bytes",
            warm_row,
            "floor: writing the same bytes",
            2.0,
        ),
        _ratio_target(
            "`lint` of a one-page .txt ≤ 1.5× autocorrect-py's command",
            page_row,
            "autocorrect-py",
            1.5,
        ),
        _ratio_target(
            "`lint` of the corpus ≤ ½ autocorrect-py's command", lint_cmd_row, "autocorrect-py", 0.5
        ),
        *(
            Target(f"{row.what} ≤ 60 ms", row.value(row.reportgen), 60, "ms")
            for row in (help_row, kinds_row, new_row)
        ),
        Target(
            "1,000 reports ≤ 2.5 s" + (" (quick: fixed + 1,000 × per report)" if cfg.quick else ""),
            thousand,
            2.5,
            "s",
            note=batch.note,
        ),
        Target(
            f"{cfg.batch_reports} reports keep both cores busy (≥ 1.5 cores)",
            batch.extra.get("cores"),
            1.5,
            "cores",
            at_most=False,
            note=batch.note,
        ),
        Target(
            f"`lint` of the {huge_pages:,}-page .docx ≤ 45 MB peak"
            + (" (quick: 1/10 of the pages)" if cfg.quick else ""),
            huge_lint.rss_mb,
            45,
            "MB",
            note=huge_lint.note,
        ),
        Target(
            "`lint --annotate` of it ≤ 80 MB peak",
            huge_annotate.rss_mb,
            80,
            "MB",
            note=huge_annotate.note,
        ),
        Target(
            f"{cfg.stored_xml_mb} MB document.xml: ≤ 300 MB peak (linted or refused)",
            stored.rss_mb,
            300,
            "MB",
            note=stored.note,
        ),
        Target(
            f"{cfg.stored_xml_mb} MB document.xml: done in seconds (≤ 10 s)",
            stored.seconds,
            10,
            "s",
            note=stored.note,
        ),
        Target(
            f"{pages} report rendered in < 200 MB peak RSS",
            big_row.reportgen.rss_mb,
            200,
            "MB",
            note=big_row.reportgen.note,
        ),
    ]
    text = format_results(rows, targets, cfg, report, reference, time.perf_counter() - started)
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")
    shutil.rmtree(out_dir, ignore_errors=True)
    return 0


def _docxtpl_big(py: str, paths: dict[str, Path], template: Path, out_dir: Path) -> Command:
    """docxtpl's command on the long report's data."""
    big_anchor = paths["big_yaml"].with_name("anchor_big.yaml")
    import yaml

    big_anchor.write_text(
        yaml.safe_dump(bench_data.anchor_data(paths["big_yaml"]), allow_unicode=True),
        encoding="utf-8",
    )
    script = HERE / "anchors" / "docxtpl_render.py"
    return Command([py, str(script), str(big_anchor), str(template), str(out_dir / "big_tpl.docx")])


def _batch(
    rg: str, rg_help: str, report: Path, out_dir: Path, cfg: Config, reports: int
) -> Measure:
    """``reports`` reports from one YAML and a table (``render --batch``) on 2 worker processes."""
    if "--batch" not in rg_help:
        return Measure(note="n/a: `reportgen render --help` shows no --batch (table) option yet")
    import yaml

    figures = list(yaml.safe_load(report.read_text(encoding="utf-8")).get("figures") or {})
    table = WORK / f"batch-{reports}.csv"
    lines = [",".join(["单位", *figures])]
    for n in range(reports):
        lines.append(
            ",".join(
                [f"第{n + 1:04d}街道", *(str((n * 7 + k) % 97 + 1) for k in range(len(figures)))]
            )
        )
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = out_dir / f"batch-{reports}"
    jobs = ["-j", "2"] if re.search(r"--jobs|-j\b", rg_help) else []
    return run_command(
        [rg, "render", str(report), "--batch", str(table), "-o", str(folder), *jobs],
        max(1, cfg.heavy_command_runs - 1),
        warmup=0,
        fresh_dir=folder,
    )


def _ratio_target(name: str, row: Row, anchor: str, limit: float, at_most: bool = True) -> Target:
    ours, theirs = row.value(row.reportgen), row.value(row.anchors[anchor])
    ratio = None if ours is None or theirs is None else ours / theirs
    note = row.reportgen.note or row.anchors[anchor].note
    return Target(name, ratio, limit, "×", at_most, note)


# --- the table ------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "n/a"
    if unit == "×":
        return f"{value:.2f}×"
    if unit in ("ms", "MB"):
        return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"
    if unit == "para/s":
        return f"{value:,.0f} {unit}"
    return f"{value:.2f} {unit}"


def _cell(row: Row, m: Measure) -> str:
    if not m.ok:
        return m.note.split(":")[0] if m.note else "n/a"
    text = _fmt(row.value(m), row.unit)
    if row.group == "start-up" and "min_s" in m.extra:  # the floor, on a machine others share
        text += f" (min {m.extra['min_s'] * 1000:.0f} ms)"
    if row.value_of != "rss" and m.rss_mb is not None:
        text += f" · {m.rss_mb:.0f} MB"
    if "tracemalloc_mb" in m.extra:  # what one run allocates at its peak, the tool's imports aside
        text += f" ({m.extra['tracemalloc_mb']:.1f} MB traced)"
    return text


def _margin(t: Target, passed: bool) -> str:
    """How far from the limit, in the words a reader needs: headroom, or how much is missing."""
    assert t.measured is not None
    if t.at_most:
        if passed:
            return f"{(t.limit - t.measured) / t.limit:.0%} headroom"
        return f"{t.measured / t.limit:.2f}× the limit: must shrink {t.measured / t.limit:.2f}×"
    if passed:
        return f"{t.measured / t.limit:.2f}× the minimum"
    return f"{t.measured / t.limit:.2f}× the minimum: needs {t.limit / t.measured:.2f}× more"


def format_results(
    rows: list[Row],
    targets: list[Target],
    cfg: Config,
    report: Path,
    reference: Path | None,
    elapsed: float,
) -> str:
    lines = [
        "# reportgen benchmarks" + (" (--quick)" if cfg.quick else ""),
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M')} on {os.cpu_count()} cores (load average at the "
        f"end {os.getloadavg()[0]:.1f}: other work shares the machine), Python "
        f"{sys.version.split()[0]}, {elapsed:.0f} s in all. Report: `{report.relative_to(ROOT)}`; "
        f"styles: {'templates/docx/reference.docx' if reference else 'python-docx default (reference.docx not there yet)'}.",
        "Cells: median · peak RSS of the process (whole command: the command itself; warm: the "
        "warm process, tool imported, and tracemalloc's peak of one run). Ratios are reportgen ÷ anchor of the row's quantity, "
        "measured in this same run.",
        "",
        "| task | how | reportgen | anchors | reportgen ÷ anchor |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        anchors = "; ".join(f"{name}: {_cell(row, m)}" for name, m in row.anchors.items()) or "—"
        ours = row.value(row.reportgen)
        ratios = []
        for name, m in row.anchors.items():
            theirs = row.value(m)
            if ours is not None and theirs:
                better = "higher is better" if row.higher_is_better else "lower is better"
                ratios.append(f"{ours / theirs:.2f}× {name} ({better})")
        lines.append(
            f"| {row.group} | {row.what} | {_cell(row, row.reportgen)} | {anchors} | "
            f"{'; '.join(ratios) or '—'} |"
        )
    lines += [
        "",
        "## Targets (2-core machine)",
        "",
        "| target | measured | limit | result | margin |",
        "|---|---|---|---|---|",
    ]
    for t in targets:
        if t.measured is None:
            result, margin = "n/a", (t.note or "not measured")[:120]
        else:
            passed = t.measured <= t.limit if t.at_most else t.measured >= t.limit
            result = "PASS" if passed else "MISS"
            margin = _margin(t, passed)
        lines.append(
            f"| {t.name} | {_fmt(t.measured, t.unit)} | "
            f"{'≤' if t.at_most else '≥'} {_fmt(t.limit, t.unit)} | {result} | {margin} |"
        )
    notes = [
        f"- {row.group} / {row.what} / {name}: {m.note}"
        for row in rows
        for name, m in [("reportgen", row.reportgen), *row.anchors.items()]
        if m.note and not m.note.startswith("n/a: no in-process")
    ]
    if notes:
        lines += ["", "Notes:", "", *sorted(set(notes))]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
