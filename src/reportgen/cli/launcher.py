"""The ``reportgen`` command's entry point.

``reportgen``, ``reportgen -h`` and ``reportgen --help`` print the top-level help page stored in
:mod:`reportgen.cli.stored_help` without importing typer, which is most of the command's start-up; every
other call goes to :func:`reportgen.cli.app.main`. The stored page is what typer prints: a test
compares the two, and ``python scripts/make_help.py`` writes it again after the commands change.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in ([], ["-h"], ["--help"]):
        from reportgen.cli.stored_help import TOP_LEVEL_HELP

        sys.stdout.write(TOP_LEVEL_HELP)
        sys.exit(0)
    from reportgen.cli.app import main as cli_main

    cli_main()
