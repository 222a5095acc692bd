"""The registry of lint rules: every rule id maps to one rule object."""

from __future__ import annotations

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.rules.placeholder import PlaceholderRule

RULES: dict[str, Rule] = {rule.id: rule for rule in (PlaceholderRule(),)}

__all__ = ["RULES", "Hit", "Rule"]
