"""The reportgen calls the warm measurements time, in one place.

reportgen is being built while these benchmarks are: each getter returns a function
``f(path) -> result`` for the public API as it stands, or raises :class:`NotAvailable` naming what is
missing, so the harness reports "n/a" rather than failing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any


class NotAvailable(Exception):
    pass


def _get(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as exc:
        raise NotAvailable(f"{module}.{name}: {exc}") from exc


def lint_function() -> Callable[[str], Any]:
    """``reportgen lint --format json PATH`` without the process: findings formatted, as the CLI."""
    run_lint = _get("reportgen.lint.runner", "run_lint")
    options = _get("reportgen.lint.runner", "LintOptions")(format="json")
    return lambda path: run_lint([path], options)


def read_function() -> Callable[[str], Any]:
    read_docx = _get("reportgen.docx", "read_docx")
    return lambda path: read_docx(Path(path))


def render_function(out: str) -> Callable[[str], Any]:
    """``reportgen render PATH -o OUT`` without the process (kinds loaded once, as a batch would)."""
    render = _get("reportgen.api", "render")
    registry = _get("reportgen.api", "load_kinds")()
    return lambda path: render(path, out, registry=registry)
