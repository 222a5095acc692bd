"""The ``reportgen`` command's entry point.

``reportgen --version`` prints the version; ``reportgen``, ``reportgen -h`` and ``reportgen --help``
print the top-level help page stored in
:mod:`reportgen.cli.stored_help` without importing typer, which is most of the command's start-up; every
other call goes to :func:`reportgen.cli.app.main`. The stored page is what typer prints: a test
compares the two, and ``python scripts/make_help.py`` writes it again after the commands change.
The plain forms of ``lint``, ``render``, ``kinds`` and ``new`` run without typer too (see
:mod:`reportgen.cli.fastpath`); every other call goes to typer.
"""

from __future__ import annotations

import sys


def main() -> None:
    # A Chinese Windows console or pipe is GBK (cp936): a character it lacks (₂, an emoji in a
    # draft) is shown as "?" rather than ending the command.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    if sys.argv[1:] in ([], ["-h"], ["--help"]):
        from reportgen.cli.stored_help import TOP_LEVEL_HELP

        sys.stdout.write(TOP_LEVEL_HELP)
        sys.exit(0)
    if sys.argv[1:] == ["--version"]:
        from reportgen.version import __version__

        sys.stdout.write(f"reportgen {__version__}\n")
        sys.exit(0)
    from reportgen.cli import fastpath

    code = fastpath.run(sys.argv[1:])
    if code is not None:
        from reportgen.cli.commands import finish

        finish(code)
    from reportgen.cli.app import main as cli_main

    cli_main()
