"""What the common commands do once their options are parsed, without typer.

The typer commands of :mod:`reportgen.cli.app` and the launcher's fast path
(:mod:`reportgen.cli.fastpath`) both call these, so a plain ``reportgen lint`` or ``render``
runs the same code whichever parsed it. Output goes out as typer's ``echo`` writes it.
"""

from __future__ import annotations

import os
import sys

# Imported where used: pathlib, typing and enum (through signal, re and errors) would be half
# of a remembered ``reportgen kinds``.
TYPE_CHECKING = False  # not typing's
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager
    from pathlib import Path
    from typing import NoReturn, TextIO

    from reportgen.kinds.registry import Registry

# What click's echo removes from text going to a file or pipe rather than a terminal.
_ANSI = r"\033\[[;?0-9]*[a-zA-Z]"


def echo(text: str, stream: TextIO | None = None) -> None:
    """``text`` and a newline, as ``typer.echo`` writes them (colour codes only to a terminal)."""
    stream = sys.stdout if stream is None else stream
    if "\033" in text and not stream.isatty():
        import re

        text = re.sub(_ANSI, "", text)
    stream.write(text + "\n")
    stream.flush()


def err(text: str) -> None:
    echo(text, sys.stderr)


def split(values: list[str] | None) -> list[str] | None:
    """Rule names given repeatedly or separated by commas."""
    if not values:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def registry(kind_dirs: list[Path] | None) -> Registry:
    from reportgen import api

    return api.load_kinds(kind_dirs or ())


def kinds(kind_dirs: list[Path] | None) -> None:
    from reportgen.kinds.listing import listing
    from reportgen.settings import all_kind_dirs

    for kind_id, name, summary in listing(all_kind_dirs(kind_dirs or ())):
        echo(f"{kind_id:<16}{name}\n{'':<16}{summary}")


def new(
    kind: str,
    output: str | Path,
    *,
    force: bool,
    kind_dirs: list[Path] | None,
    today: dt.date | None = None,
) -> None:
    """Write ``kind``'s scaffold (made once per kind, its day filled in at each run)."""
    from reportgen.gongwen import days
    from reportgen.kinds.listing import remembered
    from reportgen.kinds.scaffold_files import ScaffoldFiles, write_scaffold
    from reportgen.settings import all_kind_dirs

    day = days.Day.today() if today is None else days.Day.of(today)
    folders = all_kind_dirs(kind_dirs or ())

    def made(made_for: days.Day) -> tuple[ScaffoldFiles, str]:  # what api.new_scaffold writes
        from reportgen import api
        from reportgen.kinds.registry import load_registry
        from reportgen.report.scaffold import scaffold

        found = load_registry(folders).get(kind)
        files = api.scaffold_files(found, made_for)
        return files, scaffold(found.spec, files.schema_name, day)

    def marked() -> list[tuple[str, str, str]]:  # made with its day marked, when it can be
        files, real = made(days.MARKED)
        return [files.texts()] if days.markable(files.scaffold, real, day) else []

    rows = remembered("new", kind, folders, marked, by_code=True)
    if rows:
        files = ScaffoldFiles(*rows[0])
        files.scaffold = days.fill(files.scaffold, day)
    else:  # a kind whose own text holds a marker: made for the day, never remembered
        files = made(day)[0]
    written = write_scaffold(output, files, force=force)
    for path in written:
        err(f"已生成 {path}")
    err(f"下一步：按注释填写 {written[0]}，然后运行 reportgen render {written[0]}")


def render_one(
    file: Path,
    output: Path | None,
    *,
    strict: bool,
    template: Path | None,
    kind_dirs: list[Path] | None,
    figures: Path | None,
    letterhead: str,
) -> Path | None:
    """Render one YAML; the .docx written (None when nothing was)."""
    from pathlib import Path

    from reportgen import api

    result = api.render(
        file,
        output,
        strict=strict,
        template=template,
        figures=figures,
        letterhead=letterhead,
        kind_dirs=kind_dirs or (),
    )
    for problem in (*result.notes, *api.unfilled_problems(result.unfilled, result.source)):
        err(str(problem))
    note = f"（{len(result.unfilled)} 处未填，已黄色高亮）" if result.unfilled else ""
    err(f"已生成 {result.output}{note}")
    return None if result.output is None else Path(result.output)


def render_batch(
    files: list[Path],
    output: Path | None,
    *,
    table: Path | None,
    strict: bool,
    template: Path | None,
    figures: Path | None,
    kind_dirs: list[Path] | None,
    jobs: int | None,
    letterhead: str,
) -> int:
    """Render a batch (a folder, several YAML, or one YAML and a table of units), saying what
    each report needed; the exit code."""
    from reportgen import api

    planned = api.render_batch(
        files,
        output,
        table=table,
        strict=strict,
        template=template,
        figures=figures,
        kind_dirs=kind_dirs or (),
        jobs=jobs,
        letterhead=letterhead,
    )
    results = []
    with _progress(len(planned)) as advance:
        for done in planned:
            results.append(done)
            for problem in (*done.problems, *done.notes):
                err(f"[{done.job.label}] {problem}")
            advance()
    text, code = planned.summary(results)
    err(text)
    return code


def _progress(total: int) -> AbstractContextManager[Callable[[], None]]:
    """A progress bar on a terminal for long runs; nothing when output goes to a file."""
    import contextlib

    if total < 10 or not sys.stderr.isatty():
        return contextlib.nullcontext(lambda: None)
    from rich.progress import Progress

    @contextlib.contextmanager
    def bar() -> Iterator[Callable[[], None]]:
        with Progress(transient=True) as progress:
            task = progress.add_task("渲染中", total=total)
            yield lambda: progress.advance(task)

    return bar()


def lint(
    paths: list[str],
    *,
    format: str,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    annotate: Path | None,
    fix: bool,
    output: Path | None,
) -> int:
    """Lint ``paths``, print the findings; the exit code."""
    from reportgen.lint.runner import LintOptions, run_lint

    options = LintOptions(
        format=format,
        select=split(select),
        ignore=split(ignore),
        fail_on=fail_on,
        annotate=annotate,
        color=sys.stdout.isatty(),
        fix=fix,
        output=output,
    )
    run = run_lint(paths, options)
    if run.output:
        sys.stdout.write(run.output if run.output.endswith("\n") else run.output + "\n")
    for problem in run.problems:
        err(str(problem))
    for note in run.notes:
        err(note)
    return run.exit_code


def interrupted(signum: int, frame: object) -> None:
    # SIGTERM as Ctrl-C: every temporary file is removed on the way out. An interrupt may land
    # inside a half-built object (a ZipFile in a batch worker) whose __del__ then complains on
    # stderr as "Exception ignored …"; once we are stopping, that says nothing to the user.
    sys.unraisablehook = lambda _: None
    raise KeyboardInterrupt


def catch_signals() -> None:
    import _signal  # signal's own module: the signal module's enums import enum (~5 ms)

    # Batch workers are forked from here and inherit this, so they clean up too.
    _signal.signal(_signal.SIGTERM, interrupted)
    _signal.signal(_signal.SIGINT, interrupted)


def failed(error: BaseException) -> int:
    """Say what went wrong (our errors, an interrupt, a defect of ours); the exit code.
    Anything else is raised again."""
    from reportgen.errors import ReportgenError

    if isinstance(error, ReportgenError):
        for problem in error.problems:
            err(str(problem))
        return error.exit_code
    if isinstance(error, KeyboardInterrupt):
        err("已中止")
        return 130
    if not isinstance(error, Exception) or os.environ.get("REPORTGEN_DEBUG"):
        raise error
    err(
        f"reportgen 内部错误（{type(error).__name__}: {error}）。这不是您的操作问题。\n"
        "  提示：请把所用的文件和这条信息发给维护者；设置环境变量 REPORTGEN_DEBUG=1 可看到详细信息"
    )
    return 2


def finish(code: int) -> NoReturn:
    """Exit with ``code`` once everything written is flushed, skipping the interpreter's
    teardown (a garbage collection over every object, for nothing). If flushing fails (a
    closed pipe) the ordinary exit reports it as it always does."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:
        sys.exit(code)
    patterns = sys.modules.get("reportgen.patterns")
    if patterns is not None:
        patterns.save()  # what atexit would have done: newly compiled patterns, for next time
    os._exit(code)
