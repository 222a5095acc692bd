"""``reportgen lint`` without the CLI: the library call in a bare script.

Beside ``reportgen lint short.txt`` in the table, it shows what the command-line layer (typer and
what it imports) adds to a short run. Usage: python bare_lint.py PATH...
"""

from __future__ import annotations

import sys

from reportgen.lint.runner import LintOptions, run_lint

if __name__ == "__main__":
    result = run_lint(sys.argv[1:], LintOptions())
    sys.stdout.write(result.output)
    sys.exit(result.exit_code)
