"""Rendering many reports at once: several YAMLs, a folder, or one YAML and a table of units.

Jobs run in worker processes (all cores by default). Each job's failure is reported with its
place and never stops the others; results come back as they finish, for a progress bar.

Where the system can fork, the parent renders the first report itself, so that every import,
the validated YAML and the prepared template are in memory once, then forks the workers, which
inherit all of it and take the remaining jobs one at a time (:mod:`reportgen.batchfork`).
Elsewhere (Windows, macOS) a pool of fresh processes each prepares its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, NamedTuple

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.report.textfill import Unfilled

# (Named tuples, not dataclasses: importing dataclasses was a sixteenth of a batch's fixed cost.)


class Job(NamedTuple):
    source: Path
    output: Path
    label: str = ""
    row: tuple[Any, ...] | None = None
    table: str | None = None


class JobResult(NamedTuple):
    job: Job
    exit_code: int = 0
    unfilled: tuple[Unfilled, ...] = ()
    problems: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()


class Options(NamedTuple):
    strict: bool = False
    template: Path | None = None
    kind_dirs: tuple[Path, ...] = ()
    figures: Path | None = None
    letterhead: str = "printed"


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those in folders named (not in hidden subfolders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix in (".yaml", ".yml")
                    and p.is_file()
                    and not p.name.endswith(".schema.json")
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    return found


def jobs_for_files(files: list[Path], out_dir: Path | None) -> list[Job]:
    if out_dir is not None and not out_dir.is_dir():
        raise UsageError.at(
            "输出文件夹不存在", out_dir, hint="渲染多份报告时，-o 应是一个已有的文件夹"
        )
    return [
        Job(path, (out_dir / path.name if out_dir else path).with_suffix(".docx"), path.name)
        for path in files
    ]


def jobs_for_table(
    source: Path, table_path: Path, out_dir: Path | None, options: Options
) -> list[Job]:
    """One job per row of ``table_path``; the header is checked once, before any work."""
    from reportgen.report.figurefill import batch_rows

    try:
        mtime_ns = source.stat().st_mtime_ns
    except OSError:
        mtime_ns = -1  # load_report says what is wrong with it
    loaded = _loaded(source, mtime_ns, options.kind_dirs, str(table_path))  # and the jobs find it
    from reportgen.report.compose import own_fields

    rows = batch_rows(_table(str(table_path)), loaded.report.figures, own_fields(loaded.report))
    folder = out_dir or source.with_name(f"{source.stem}-批量")
    if out_dir is not None and not out_dir.is_dir():
        raise UsageError.at("输出文件夹不存在", out_dir, hint="-o 应是一个已有的文件夹")
    if out_dir is None:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise UsageError.at(f"无法建立输出文件夹（{exc.strerror}）", folder) from None
    return [
        Job(source, folder / f"{source.stem}-{_safe_name(label)}.docx", label, row, str(table_path))
        for label, row in rows
    ]


def run(jobs: list[Job], options: Options, workers: int | None = None) -> Iterator[JobResult]:
    """Run ``jobs``; yields each result as it finishes."""
    from reportgen import batchfork

    workers = max(1, min(workers or _cores(), len(jobs)))
    if workers == 1 or len(jobs) < 3:
        for job in jobs:
            yield run_one(job, options)
    elif batchfork.available():
        yield run_one(jobs[0], options)  # prepares, in this process, all that the workers share
        rest = jobs[1:]
        work = partial(_start_found, options=options)
        from reportgen.outputs import abandon_unfinished

        yield from batchfork.run(
            rest, work, min(workers, len(rest)), _lost, abandon_unfinished, _answered
        )
    else:
        yield from _run_in_pool(jobs, options, workers)


def _cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than the
    machine has)."""
    allowed = getattr(os, "sched_getaffinity", None)
    return len(allowed(0)) if allowed is not None else os.cpu_count() or 1


def _run_in_pool(jobs: list[Job], options: Options, workers: int) -> Iterator[JobResult]:
    """Without fork: fresh worker processes, each loading and preparing what it needs.

    Stopped by anything (Ctrl-C, ``kill`` of this process alone, the caller letting go), the
    batch tells the workers to take no further report and waits for them: each finishes or
    abandons (removing its temporary file) the one in hand. (A pool worker catches what
    interrupts a task and goes on with the next one queued: without the event it would write
    queued reports after the interrupt.)"""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    stop = multiprocessing.Event()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(stop,))
    try:
        chunks = [jobs[i :: workers * 4] for i in range(workers * 4)]
        futures = [pool.submit(_run_chunk, chunk, options) for chunk in chunks if chunk]
        for future in as_completed(futures):
            yield from future.result()
    except BaseException:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


_stop: Any = None  # in a pool worker: the batch's stop event (a multiprocessing.Event)


def _start_worker(stop: Any) -> None:
    global _stop
    _stop = stop


def _run_chunk(jobs: list[Job], options: Options) -> list[JobResult]:
    results = []
    try:
        for job in jobs:
            if _stop is not None and _stop.is_set():
                break  # the batch is stopping: what is left is not written
            results.append(run_one(job, options))
    except KeyboardInterrupt:
        if _stop is not None:
            _stop.set()  # interrupted here first: no worker takes another report
        raise
    return results


def _lost(job: Job, why: str) -> JobResult:
    return JobResult(job, 2, problems=(Problem(f"{why}，本份未生成", str(job.output)),))


def run_one(job: Job, options: Options) -> JobResult:
    from reportgen import api

    try:
        if job.output.suffix.lower() != ".docx":
            raise UsageError.at("输出文件应以 .docx 结尾", job.output)
        result = api.render_loaded(
            _loaded(job.source, job.source.stat().st_mtime_ns, options.kind_dirs, job.table),
            job.output,
            strict=options.strict,
            template=options.template,
            figures=options.figures,
            row=job.row,
            row_table=job.table,
            letterhead=options.letterhead,
        )
    except ReportgenError as exc:
        return JobResult(job, exc.exit_code, problems=exc.problems)
    except FileNotFoundError:
        return JobResult(job, 2, problems=(Problem("文件不存在", str(job.source)),))
    return JobResult(job, 0, result.unfilled, notes=result.notes)


def start_one(job: Job, options: Options) -> JobResult | Any:
    """:func:`run_one`, its output's flush to disk left running (a worker renders its next
    report meanwhile): a :class:`~reportgen.batchfork.Later` whose ``finish`` waits for it,
    puts the output in place and gives the result. (A worker stopped meanwhile removes the
    output's temporary file: :func:`reportgen.outputs.abandon_unfinished`.)"""
    from reportgen.batchfork import Later
    from reportgen.outputs import WritesFinishedLater

    with WritesFinishedLater() as writes:
        result = run_one(job, options)
    return Later(partial(_finish, result, writes)) if writes else result


def _finish(result: JobResult, writes: list[Any]) -> JobResult:
    try:
        for write in writes:
            write.finish()
    except ReportgenError as exc:
        for write in writes:
            write.abandon()
        return JobResult(result.job, exc.exit_code, problems=exc.problems)
    return result


#: What a forked worker sends back for a job (the parent has the job itself): None when it
#: was written and nothing was found, else :class:`JobResult`'s fields after ``job``.
Found = tuple[int, tuple[Unfilled, ...], tuple[Problem, ...], tuple[Problem, ...]] | None


def _start_found(job: Job, options: Options) -> Found | Any:
    """:func:`start_one` as a forked worker answers it: with what it found only."""
    from reportgen.batchfork import Later

    started = start_one(job, options)
    if isinstance(started, Later):
        return Later(lambda: _found(started.finish()))
    return _found(started)


def _found(result: JobResult) -> Found:
    if not (result.exit_code or result.unfilled or result.problems or result.notes):
        return None
    return result.exit_code, result.unfilled, result.problems, result.notes


def _answered(job: Job, found: Found) -> JobResult:
    return JobResult(job) if found is None else JobResult(job, *found)


@lru_cache(maxsize=4)
def _registry(kind_dirs: tuple[Path, ...]) -> Any:
    from reportgen.kinds.registry import load_registry

    return load_registry(kind_dirs)


@lru_cache(maxsize=8)
def _loaded(source: Path, mtime_ns: int, kind_dirs: tuple[Path, ...], table: str | None) -> Any:
    """A batch loads and validates its YAML once per process: through the kinds' prepared
    validators when it can (no pydantic: a fifth of a batch's fixed cost), through pydantic
    when they refuse it (pydantic's messages) or when ``table`` sets a kind's own fields
    (pydantic checks those cells, :func:`reportgen.report.figurefill.apply_row`)."""
    from reportgen import api
    from reportgen.report.loading import load_prepared

    prepared = load_prepared(source, kind_dirs)
    if prepared is not None and (table is None or not _sets_own_fields(prepared.report, table)):
        return prepared
    loaded = api.load_report(source, _registry(kind_dirs))
    if prepared is None:
        from reportgen.kinds.prepared import remember

        remember(kind_dirs, loaded.kind.id)  # a bureau's kind: prepared for the next batch
    return loaded


def _sets_own_fields(report: Any, table: str) -> bool:
    from reportgen.report.compose import own_fields

    own = own_fields(report)
    return any(cell.text in own for cell in _table(table).header)


def _table(path: str) -> Any:
    """The batch table, read once while a batch is planned (its header decides how the YAML
    is loaded, its rows are the jobs), and again if it has changed since."""
    try:
        stat = os.stat(path)
    except OSError:
        stat = None  # read_table says what is wrong
    return _read_table(path, stat and (stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=1)
def _read_table(path: str, version: tuple[int, int] | None) -> Any:
    from reportgen.report.tables import read_table

    return read_table(path)


def _safe_name(label: str) -> str:
    cleaned = "".join("_" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in label).strip()
    return cleaned or "未命名"


def plan(paths: list[Path], output: Path | None, table: Path | None, options: Options) -> list[Job]:
    """The jobs for ``render``'s arguments when they name more than one report."""
    if table is not None:
        if len(paths) != 1 or paths[0].is_dir():
            raise UsageError.at(
                "--batch 只能配一个 YAML 文件", hint="批量表格中每行一个单位，共用同一个 YAML"
            )
        jobs = jobs_for_table(paths[0], table, output, options)
    else:
        files = yaml_files(paths)
        if not files:
            raise UsageError.at("没有找到 .yaml 文件", ", ".join(map(str, paths)))
        jobs = jobs_for_files(files, output)
    from reportgen.outputs import check_outputs

    inputs = {job.source for job in jobs} | {
        p for p in (table, options.template, options.figures) if p is not None
    }
    labels = [f"{job.label}（{job.table}）" if job.table else str(job.source) for job in jobs]
    check_outputs([job.output for job in jobs], sorted(inputs), labels)
    return jobs


def summary(results: list[JobResult]) -> tuple[str, int]:
    """The closing line of a batch and its exit code (the worst of its jobs)."""
    failed = sum(1 for r in results if r.exit_code)
    drafts = sum(1 for r in results if not r.exit_code and r.unfilled)
    done = len(results) - failed
    text = f"共 {len(results)} 份：生成 {done} 份"
    if drafts:
        text += f"（其中 {drafts} 份有未填数据，已高亮）"
    if failed:
        text += f"，失败 {failed} 份（见上方提示）"
    return text, max((r.exit_code for r in results), default=0)
