"""Rule ``confusable``: misused characters and words of 公文, from ``data/confusables.tsv``."""

import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from reportgen import patterns
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

# In the data file, … stands for a few characters of the same sentence (既要…又要).
_GAP = r"[^。；！？\n]{1,30}?"


class Confusable(NamedTuple):
    wrong: str  # as written in the data file
    right: str
    exceptions: tuple[str, ...]  # longer words containing ``wrong`` that are correct
    note: str
    safe: bool = False  # ``lint --fix`` may replace it without asking (5th column ``safe``)

    def pattern(self) -> str:
        if self.wrong.startswith("re:"):
            return self.wrong[3:]
        first, *rest = self.wrong.split("…")
        if not rest:
            return re.escape(first)
        # only the first part is marked; the rest must follow in the same sentence
        return re.escape(first) + "(?=" + "".join(_GAP + re.escape(part) for part in rest) + ")"

    @property
    def marked_right(self) -> str:
        """The right form of the part that is marked (the first part of 既要…又要)."""
        return self.right.split("…")[0]


def load_confusables(text: str) -> list[Confusable]:
    """Parse the TSV: wrong, right, exceptions separated by ``|``, note, ``safe`` when the
    replacement is mechanical; ``#`` starts a comment."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right, exceptions, note, safe = [*line.split("\t"), "", "", "", ""][:5]
        excepted = tuple(filter(None, exceptions.split("|")))
        entries.append(Confusable(wrong, right, excepted, note, safe.strip() == "safe"))
    return entries


class ConfusableRule(Rule):
    """Finds words of 公文 that are often written wrong: 群众反应→反映, 截止目前→截至目前 ….

    Why: these slips survive spell checkers because both forms are real words; readers in
    the bureaus above notice them. Each entry in ``data/confusables.tsv`` has a list of
    exceptions (longer words in which the form is right, e.g. 群众反应热烈), so correct uses
    and names are not flagged. The list is data: add a line to add a pair.

    Example: ``是群众反应最集中的问题`` → ``群众反应`` (write 群众反映).
    """

    id = "confusable"
    severity = "warning"
    title = "易混淆的字词"
    data_file = "confusables.tsv"
    verdict = "疑为误用"

    @cached_property
    def entries(self) -> list[Confusable]:
        # Beside the module, not through importlib.resources: its import costs a short lint
        # a tenth of its time, and an installed reportgen always has its files on disk.
        data = Path(__file__).resolve().parent.parent / "data" / self.data_file
        return load_confusables(data.read_text(encoding="utf-8"))

    @cached_property
    def _literals(self) -> tuple[re.Pattern[str], dict[str, Confusable]]:
        """All plain entries in one alternation, longest first: one pass over the text finds
        them all (the engine tests each character against the set of first characters)."""
        plain = {entry.wrong: entry for entry in self.entries if _is_literal(entry)}
        ordered = sorted(plain, key=len, reverse=True)
        return patterns.compile("|".join(map(re.escape, ordered))), plain

    @cached_property
    def _patterns(self) -> list[tuple[re.Pattern[str], Confusable]]:
        """Entries with context (``re:`` or ``…``): one pattern each, starting with a literal."""
        return [(patterns.compile(e.pattern()), e) for e in self.entries if not _is_literal(e)]

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        literals, by_text = self._literals
        found = [(match, by_text[match.group()]) for match in literals.finditer(text)]
        for pattern, entry in self._patterns:
            found.extend((match, entry) for match in pattern.finditer(text))
        hits = []
        for match, entry in found:
            if _excepted(text, match.start(), match.group(), entry.exceptions):
                continue
            message = f"“{match.group()}”{self.verdict}：应为“{entry.marked_right}”（{entry.note}）"
            fix = entry.marked_right if entry.safe else None
            hits.append(Hit(match.start(), match.end(), message, fix))
        yield from sorted(hits, key=lambda hit: hit.start)


class LeaderTitleRule(ConfusableRule):
    """Finds leaders' titles written short and 党中央国务院 without its 顿号.

    Why: 公文 name a leader in full with the title (习近平总书记, never 习总书记) and list
    organs with 顿号 (党中央、国务院); reviewers treat a slip here as a political error, not a
    typo. The list is data (``data/leader_titles.tsv``, same columns as confusables.tsv):
    add a line to add a form.

    Example: ``深入学习习总书记重要讲话`` → ``习总书记`` (write 习近平总书记).
    """

    id = "leader-title"
    severity = "error"
    title = "领导人称谓和机构并称"
    data_file = "leader_titles.tsv"
    verdict = "写法不规范"


def _is_literal(entry: Confusable) -> bool:
    return not entry.wrong.startswith("re:") and "…" not in entry.wrong


def _excepted(text: str, start: int, found: str, exceptions: tuple[str, ...]) -> bool:
    """Whether ``found`` at ``start`` is part of one of the exception words at this place."""
    for exception in exceptions:
        inner = exception.find(found)
        if inner >= 0 and text.startswith(exception, start - inner):
            return True
    return False
