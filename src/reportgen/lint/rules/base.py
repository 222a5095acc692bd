"""What every lint rule is: an id, a severity, a Chinese title and a ``check`` method."""

from collections.abc import Iterator
from typing import ClassVar, NamedTuple

from reportgen.lint.source import Source


class Hit(NamedTuple):
    """A rule's raw result: a span of ``Source.text`` and the Chinese message for it."""

    start: int
    end: int
    message: str
    #: The text that replaces ``[start, end)`` when the fix is mechanical (``lint --fix``);
    #: None when fixing needs judgement.
    fix: str | None = None


class Rule:
    """Base of the lint rules. Subclasses set the class attributes and implement ``check``."""

    id: ClassVar[str]
    severity: ClassVar[str]
    title: ClassVar[str]  # Chinese, one line: what the rule checks
    #: What the rule rests on: a national standard (``GB/T 15834`` punctuation, ``GB/T 15835``
    #: numbers, ``GB/T 9704`` 公文 format) whose messages say 应, or ``实务`` (reviewers'
    #: practice) whose messages say 宜/建议. Shown in the README table and in SARIF.
    source_level: ClassVar[str] = "实务"
    #: Off unless selected (``--select`` or the settings file): rules of taste, not of error.
    default_on: ClassVar[bool] = True

    def check(self, source: Source) -> Iterator[Hit]:
        raise NotImplementedError
