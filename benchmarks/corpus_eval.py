"""What evaluate_lint.py and evaluate_import.py share: where the corpus is, which reportgen to
run, the standard options, and how a report ends (table or JSON, exit status with --check)."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def default_reportgen() -> str:
    """The ``reportgen`` installed beside this Python (the project's .venv), else the one on PATH."""
    beside = Path(sys.executable).with_name("reportgen")
    return str(beside) if beside.exists() else "reportgen"


def documents(corpus: Path) -> list[Path]:
    return sorted(p for p in (corpus / "docs").iterdir() if p.is_file() and p.name[0] != ".")


def parser(description: str) -> argparse.ArgumentParser:
    """The options both evaluations take; a script adds its own before parsing."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder (default: corpus/)")
    p.add_argument("--reportgen", default=default_reportgen(), help="command that runs reportgen")
    p.add_argument("--verbose", action="store_true", help="details per document")
    p.add_argument("--json", action="store_true", help="print JSON instead of the table")
    p.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return p


def command(args: argparse.Namespace) -> list[str]:
    return shlex.split(args.reportgen)


def finish(
    args: argparse.Namespace, result: dict[str, Any], table: Callable[[dict, bool], None]
) -> int:
    """Print the result as JSON or as the script's table; the exit status --check asks for."""
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        table(result, args.verbose)
    return 1 if args.check and not result["all_targets_met"] else 0


@cache
def load_docx_reader() -> Any:
    """corpus/docx_paragraphs.py: .docx paragraphs numbered as lint numbers them (python-docx)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("docx_paragraphs", CORPUS / "docx_paragraphs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
