"""One warm measurement in a process of its own: a tool's per-item cost once it is imported.

Usage: python warm.py TASK INPUT [--extra PATH] [--min-runs N] [--max-seconds S]

Imports the tool, runs the task twice to warm up, then times it until it has run ``min-runs``
times and ``max-seconds`` have passed (or twice ``max-seconds``, whichever first), and prints one
JSON object: the median seconds per run, the number of runs, the process's peak RSS (the imported
tool included) and tracemalloc's peak for one more run (what the task itself allocates).
A task whose tool is not there (yet) prints ``{"status": "n/a", "why": ...}``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "anchors"))
sys.path.insert(0, str(HERE))

import reportgen_api  # noqa: E402


def _output(name: str) -> Path:
    """A fresh output path: both renderers write their .docx to disk, as their commands do."""
    out = Path(tempfile.mkdtemp(prefix="warm-")) / name
    return out


def _render_reportgen(path: str, _: str | None) -> Callable[[], object]:
    out = _output("reportgen.docx")
    render = reportgen_api.render_function(str(out))

    def run() -> object:
        out.unlink(missing_ok=True)
        return render(path)

    return run


def _render_floor(path: str, _: str | None) -> Callable[[], object]:
    """The physical floor of a render: writing the very bytes reportgen writes for ``path`` as
    safely as it must write them, with nothing computed. A render replaces its output whole or
    not at all and durably (a temporary file in the same folder, flushed to disk with fsync,
    then renamed over the output), so the floor does the same three steps with the finished
    bytes. (Until 2026-11-28 the floor re-zipped the entries and skipped the temporary file and
    the fsync: a floor of a different, unsafe write, ~10x lower than this one on this disk.)"""
    import os

    out = _output("floor.docx")
    reportgen_api.render_function(str(out))(path)
    data = out.read_bytes()

    def run() -> object:
        out.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".floor.", suffix=".tmp", dir=out.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out)
        return out

    return run


def _render_docxtpl(path: str, template: str | None) -> Callable[[], object]:
    import docxtpl_render

    assert template is not None
    out = _output("docxtpl.docx")

    def run() -> object:
        out.unlink(missing_ok=True)
        return out.write_bytes(docxtpl_render.render_file(path, template))

    return run


def _lint_reportgen(path: str, _: str | None) -> Callable[[], object]:
    import reportgen_api

    lint = reportgen_api.lint_function()
    return lambda: lint(path)


def _lint_autocorrect(path: str, _: str | None) -> Callable[[], object]:
    import autocorrect_lint

    def run() -> int:
        # Reading the file is part of the job for both linters.
        return autocorrect_lint.lint_by_line(path, Path(path).read_text(encoding="utf-8"))

    return run


def _read_reportgen(path: str, _: str | None) -> Callable[[], object]:
    import reportgen_api

    read = reportgen_api.read_function()
    return lambda: read(path)


def _read_docx2python(path: str, _: str | None) -> Callable[[], object]:
    import docx2python_read

    return lambda: docx2python_read.extract(path)


TASKS: dict[str, Callable[[str, str | None], Callable[[], object]]] = {
    "render-reportgen": _render_reportgen,
    "render-docxtpl": _render_docxtpl,
    "render-floor": _render_floor,
    "lint-reportgen": _lint_reportgen,
    "lint-autocorrect": _lint_autocorrect,
    "read-reportgen": _read_reportgen,
    "read-docx2python": _read_docx2python,
}


def measure(run: Callable[[], object], min_runs: int, max_seconds: float) -> dict[str, object]:
    for _ in range(2):
        run()
    times: list[float] = []
    start = time.perf_counter()
    while True:
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
        elapsed = time.perf_counter() - start
        if (len(times) >= min_runs and elapsed >= max_seconds) or elapsed >= 2 * max_seconds:
            break
    # VmHWM, not ru_maxrss: the latter keeps the parent's RSS from before exec.
    maxrss_kb = _vm_hwm_kb() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "status": "ok",
        "median_s": statistics.median(times),
        "runs": len(times),
        "maxrss_mb": maxrss_kb / 1024,
        "tracemalloc_peak_mb": peak / 2**20,
    }


def _vm_hwm_kb() -> int | None:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("task", choices=sorted(TASKS))
    parser.add_argument("input")
    parser.add_argument("--extra")
    parser.add_argument("--min-runs", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=5.0)
    args = parser.parse_args()
    try:
        run = TASKS[args.task](args.input, args.extra)
        result = measure(run, args.min_runs, args.max_seconds)
    except (reportgen_api.NotAvailable, ImportError) as exc:
        result = {"status": "n/a", "why": f"{type(exc).__name__}: {exc}"}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
