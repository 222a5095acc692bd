"""The common calls, recognised without typer: most of a short command's time is importing it.

``reportgen lint PATH... [--format F] [--select R] [--ignore R] [--fail-on L]``,
``reportgen render FILE.yaml|FOLDER [-o OUT] [--strict] [--batch TABLE] [-j N]``, ``reportgen kinds`` and
``reportgen new KIND [-o FILE] [--force]`` are recognised here and run through
:mod:`reportgen.cli.commands`, the same code the typer commands call. Anything else — every help,
usage and error path of parsing, any other option, a value that looks like an option, ``--`` —
is not recognised and goes to typer, which decides it as always. A test runs every example,
scaffold and bad input both ways and compares exit codes, output and written bytes.
"""

from __future__ import annotations

import codecs
import os
import sys

TYPE_CHECKING = False  # not typing's: see reportgen.cli.commands
if TYPE_CHECKING:
    from pathlib import Path

# Options taking a value, per command: the name they are given to the command under.
_LINT_VALUES = {
    "--format": "format",
    "--select": "select",
    "--ignore": "ignore",
    "--fail-on": "fail_on",
}
_OUTPUT_VALUES = {"-o": "output", "--output": "output"}  # render and new
_RENDER_VALUES = {**_OUTPUT_VALUES, "--batch": "batch", "-j": "jobs", "--jobs": "jobs"}


class Call:
    """A recognised call: the command, its arguments, its options (last one wins, as in typer;
    ``select``/``ignore`` collect every value) and its flags. (Not a dataclass: importing
    dataclasses would cost this module more than all the rest of it.)"""

    def __init__(self, command: str) -> None:
        self.command = command
        self.arguments: list[str] = []
        self.values: dict[str, str] = {}
        self.lists: dict[str, list[str]] = {}
        self.flags: set[str] = set()


def recognise(argv: list[str]) -> Call | None:
    """The call ``argv`` makes, if it is one of the plain forms; None for anything else."""
    if not argv:
        return None
    command, rest = argv[0], argv[1:]
    if command == "lint":
        call = _parse(command, rest, _LINT_VALUES, set(), repeated={"select", "ignore"})
        return call if call is not None and call.arguments else None
    if command == "render":
        call = _parse(command, rest, _RENDER_VALUES, {"--strict"})
        if call is None or len(call.arguments) != 1:
            return None
        jobs = call.values.get("jobs", "1")
        return call if jobs.isascii() and jobs.isdigit() else None  # else typer's message
    if command == "kinds":
        return Call(command) if not rest else None
    if command == "new":
        call = _parse(command, rest, _OUTPUT_VALUES, {"--force"})
        return call if call is not None and len(call.arguments) == 1 else None
    return None


def _parse(
    command: str,
    tokens: list[str],
    valued: dict[str, str],
    flags: set[str],
    repeated: frozenset[str] | set[str] = frozenset(),
) -> Call | None:
    call = Call(command)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token.startswith("-") and token:
            call.arguments.append(token)
            continue
        if token in flags:
            call.flags.add(token)
            continue
        name, equals, value = token.partition("=")
        if name not in valued:
            return None
        if not equals:
            if index == len(tokens) or tokens[index].startswith("-") or not tokens[index]:
                return None  # a missing or option-like value: typer says what it makes of it
            value = tokens[index]
            index += 1
        elif not name.startswith("--"):
            return None  # -o=FILE: typer's reading of it, not ours
        key = valued[name]
        if key in repeated:
            call.lists.setdefault(key, []).append(value)
        else:
            call.values[key] = value
    return call


def _plain_streams() -> bool:
    """Whether typer's echo would write to the streams as they are: it re-wraps a stream whose
    encoding is ASCII, so such a console is left to typer."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or codecs.lookup(encoding).name == "ascii":
            return False
    return True


def run(argv: list[str]) -> int | None:
    """Run ``argv`` if it is a plain call; its exit code, or None to leave it to typer."""
    call = recognise(argv)
    if call is None or not _plain_streams():
        return None
    from reportgen.cli import commands

    commands.catch_signals()
    try:
        return _run(call)
    except BaseException as error:
        return commands.failed(error)


def _run(call: Call) -> int | None:
    from reportgen.cli import commands

    if call.command == "kinds":
        commands.kinds(None)
        return 0
    if call.command == "lint":
        return commands.lint(
            call.arguments,
            format=call.values.get("format", "text"),
            select=call.lists.get("select"),
            ignore=call.lists.get("ignore"),
            fail_on=call.values.get("fail_on"),
            annotate=None,
            fix=False,
            output=None,
        )
    if call.command == "new":
        named = call.values.get("output", "report.yaml")
        # A name Path would show as it is stands for itself: no pathlib (see _as_pathlib_shows).
        scaffold = named if _as_pathlib_shows(named) else _path(named)
        commands.new(call.arguments[0], scaffold, force="--force" in call.flags, kind_dirs=None)
        return 0
    from pathlib import Path

    from reportgen import api

    files = [Path(call.arguments[0])]
    output = call.values.get("output")
    table = call.values.get("batch")
    if api.is_batch(files, None if table is None else Path(table)):
        jobs = call.values.get("jobs")
        return commands.render_batch(
            files,
            None if output is None else Path(output),
            table=None if table is None else Path(table),
            strict="--strict" in call.flags,
            template=None,
            figures=None,
            kind_dirs=None,
            jobs=None if jobs is None else int(jobs),
            letterhead="printed",
        )
    commands.render_one(
        files[0],
        None if output is None else Path(output),
        strict="--strict" in call.flags,
        template=None,
        kind_dirs=None,
        figures=None,
        letterhead="printed",
    )
    return 0


def _as_pathlib_shows(path: str) -> bool:
    """Whether ``path`` is written as ``str(Path(path))`` writes it (on POSIX: no empty or ``.``
    part, no trailing slash), so that it names the file in messages as typer's ``Path`` would
    without importing pathlib (a third of a remembered ``new``)."""
    if os.sep != "/" or os.altsep:
        return False
    parts = path.removeprefix("/").split("/") if not path.startswith("//") else [""]
    return all(part not in ("", ".") for part in parts)


def _path(text: str) -> Path:
    from pathlib import Path

    return Path(text)
