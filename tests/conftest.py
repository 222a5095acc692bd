"""Shared test helpers: running the CLI in-process and the repository's paths."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXAMPLES = ROOT / "examples"


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``reportgen ARGS`` in this process (fast) and return exit code and output."""
    from reportgen.cli.app import main

    def run(*args: str, cwd: Path | None = None) -> CliResult:
        monkeypatch.setattr("sys.argv", ["reportgen", *map(str, args)])
        if cwd is not None:
            monkeypatch.chdir(cwd)
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        else:  # pragma: no cover - main always exits
            code = 0
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes, to prove a failing command changed nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"
