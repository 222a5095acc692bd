"""The registry of lint rules: every rule id maps to one rule object, in reporting order."""

from __future__ import annotations

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.rules.confusable import ConfusableRule
from reportgen.lint.rules.duplicate import DuplicateParagraphRule
from reportgen.lint.rules.headings import HeadingSequenceRule
from reportgen.lint.rules.kind_file import KindFileRule
from reportgen.lint.rules.number_form import NumberFormRule
from reportgen.lint.rules.placeholder import PlaceholderRule
from reportgen.lint.rules.punctuation import DoublePunctuationRule, PunctuationWidthRule

RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        PlaceholderRule(),
        DoublePunctuationRule(),
        HeadingSequenceRule(),
        ConfusableRule(),
        DuplicateParagraphRule(),
        PunctuationWidthRule(),
        NumberFormRule(),
        KindFileRule(),
    )
}

__all__ = ["RULES", "Hit", "Rule"]
