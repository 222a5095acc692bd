"""What a lint rule reports: one finding at one place in one file."""

from typing import NamedTuple

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


class Finding(NamedTuple):
    """One finding. Lines and columns are 1-based and count characters.

    ``line`` is the line in .txt/.md/.yaml and the paragraph number (reading order) in .docx.
    ``end_line``/``end_column`` point just past the match (exclusive), as in SARIF.
    ``location`` says where a .docx paragraph is (正文, 页眉, 表格1 …); ``None`` elsewhere.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    match: str
    message: str
    location: str | None = None
    #: In a .docx: where a Word user finds the paragraph without page numbers: the heading of
    #: its section and the paragraph's first words. ``None`` elsewhere.
    context: str | None = None

    def where(self) -> str:
        """Where a reader finds it besides line and column: ``正文，标题“…”下第3段，段首“…”``."""
        return "，".join(part for part in (self.location, self.context) if part)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "match": self.match,
            "message": self.message,
            "location": self.location,
            "context": self.context,
        }
