"""Write src/reportgen/cli/stored_help.py: the top-level help page the launcher prints without typer.

Run after adding, removing or re-describing a command: python scripts/make_help.py
"""

from __future__ import annotations

from pathlib import Path

from reportgen.cli.app import top_level_help

TARGET = Path(__file__).resolve().parent.parent / "src" / "reportgen" / "cli" / "stored_help.py"


def module_text() -> str:
    return (
        '"""The top-level help page, written by scripts/make_help.py from the typer app: do not edit."""\n\n'
        f"TOP_LEVEL_HELP = {top_level_help()!r}\n"
    )


if __name__ == "__main__":
    TARGET.write_text(module_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
