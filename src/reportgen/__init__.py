"""reportgen: 公文 reports from YAML, and checks of drafts.

The library API is :mod:`reportgen.api`; its names are re-exported here and imported only when
first used, so ``import reportgen`` (which the command's launcher does) stays cheap::

    import reportgen
    result = reportgen.render("汇报.yaml")
"""

from __future__ import annotations

from reportgen.version import __version__

# Not ``from typing import TYPE_CHECKING``: importing typing is a tenth of ``reportgen --help``.
TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import Any

    from reportgen.api import (
        RenderResult,
        import_draft,
        lint,
        load_kinds,
        new_scaffold,
        render,
        schema,
    )
    from reportgen.errors import InputError, Problem, ReportgenError, UsageError
    from reportgen.lint.findings import Finding

_API = ("render", "lint", "import_draft", "new_scaffold", "schema", "load_kinds", "RenderResult")
_ERRORS = ("ReportgenError", "InputError", "UsageError", "Problem")

__all__ = [
    "Finding",
    "InputError",
    "Problem",
    "RenderResult",
    "ReportgenError",
    "UsageError",
    "__version__",
    "import_draft",
    "lint",
    "load_kinds",
    "new_scaffold",
    "render",
    "schema",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        module = "reportgen.api"
    elif name in _ERRORS:
        module = "reportgen.errors"
    elif name == "Finding":
        module = "reportgen.lint.findings"
    else:
        raise AttributeError(f"module 'reportgen' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
