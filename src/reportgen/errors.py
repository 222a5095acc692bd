"""The one exception family of reportgen.

Every failure a user can cause is a :class:`ReportgenError`. The CLI turns it into a message on
stderr and an exit code at one place; library code never prints and never exits.

Exit codes follow SPEC: 1 when the *content* is wrong (validation, lint findings, --strict),
2 when the *call* is wrong or a file cannot be read at all.
"""

from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with an input, with its place where it has one. (A named tuple, as
    every record on the paths a short command takes: a dataclass costs ~1 ms to create and
    its module ~10 ms to import.)"""

    message: str
    path: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        place = ":".join(
            str(part) for part in (self.path, self.line, self.column) if part is not None
        )
        text = f"{place}: {self.message}" if place else self.message
        if self.hint:
            text += f"\n  提示：{self.hint}"
        return text


class ReportgenError(Exception):
    """Base of every error reportgen reports to a user."""

    exit_code = 1

    def __init__(self, *problems: Problem) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems: tuple[Problem, ...] = problems

    @classmethod
    def at(
        cls,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> "ReportgenError":
        return cls(Problem(message, None if path is None else str(path), line, column, hint))


class InputError(ReportgenError):
    """The input can be read but its content is wrong (exit 1)."""

    exit_code = 1


class UsageError(ReportgenError):
    """The call is wrong or a file cannot be read or written at all (exit 2)."""

    exit_code = 2
