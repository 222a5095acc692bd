"""``reportgen lint``: find unfilled placeholders and common slips in drafts."""

from reportgen.lint.findings import Finding
from reportgen.lint.runner import LintOptions, LintRun, lint_text, run_lint

__all__ = ["Finding", "LintOptions", "LintRun", "lint_text", "run_lint"]
