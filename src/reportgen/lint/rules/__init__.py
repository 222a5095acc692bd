"""The registry of lint rules: every rule id maps to one rule object, in reporting order."""

from __future__ import annotations

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.rules.confusable import ConfusableRule, LeaderTitleRule
from reportgen.lint.rules.duplicate import DuplicateParagraphRule
from reportgen.lint.rules.headings import HeadingSequenceRule
from reportgen.lint.rules.kind_file import KindFileRule
from reportgen.lint.rules.number_form import NumberFormRule
from reportgen.lint.rules.pairs import UnpairedPunctuationRule
from reportgen.lint.rules.placeholder import PlaceholderRule
from reportgen.lint.rules.punctuation import DoublePunctuationRule, PunctuationWidthRule
from reportgen.lint.rules.serial import SerialPunctuationRule
from reportgen.lint.rules.wording import (
    ClicheRule,
    DoubledCharacterRule,
    RelativeTimeRule,
    ReportAsksApprovalRule,
)

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
        UnpairedPunctuationRule(),
        SerialPunctuationRule(),
        LeaderTitleRule(),
        DoubledCharacterRule(),
        ReportAsksApprovalRule(),
        KindFileRule(),
        RelativeTimeRule(),
        ClicheRule(),
    )
}
#: What runs when nothing is selected: rules of taste (relative-time, cliche) only on request.
DEFAULT_RULES: tuple[str, ...] = tuple(
    rule_id for rule_id, rule in RULES.items() if rule.default_on
)

__all__ = ["DEFAULT_RULES", "RULES", "Hit", "Rule"]
