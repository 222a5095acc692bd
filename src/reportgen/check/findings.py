"""What ``reportgen check`` finds: plain data, and its text and JSON forms."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

#: A file's verdict. ``unmeasured`` is never a pass: the layout was not seen.
PASS, DEVIATION, UNMEASURED, UNREADABLE = "pass", "deviation", "unmeasured", "unreadable"
UNMEASURED_TEXT = "未实际排版核验"


@dataclass(frozen=True)
class Finding:
    """One deviation (``error``), a doubt (``warning``) or a note (``info``)."""

    tier: str  # "structure" or "measured"
    rule: str  # e.g. "lost-character", "page-number-side"
    clause: str  # the GB/T 9704-2012 clause, e.g. "7.5"
    severity: str
    message: str  # Chinese: what is wrong, where, what to do
    page: int | None = None


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    measured: bool = False
    #: Why the measured tier did not run (empty when it ran).
    unmeasured_reason: str = ""
    unreadable: str = ""
    figures: dict[str, object] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.unreadable:
            return UNREADABLE
        if any(f.severity == "error" for f in self.findings):
            return DEVIATION
        if not self.measured:
            return UNMEASURED
        return PASS


def exit_code(results: list[FileResult]) -> int:
    """0 every file passes both tiers; 2 a file could not be read; 1 otherwise (a deviation, or
    a layout that could not be measured: never a pass)."""
    statuses = {r.status for r in results}
    if UNREADABLE in statuses:
        return 2
    return 0 if statuses <= {PASS} else 1


_VERDICT = {
    PASS: "符合版式（结构与实际排版均已核验）",
    DEVIATION: "不符合版式",
    UNMEASURED: f"结构已检查，但{UNMEASURED_TEXT}，不能视为通过",
    UNREADABLE: "无法读取",
}
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def format_text(results: list[FileResult]) -> str:
    lines: list[str] = []
    for result in results:
        lines.append(f"{result.path}：{_VERDICT[result.status]}")
        if result.unreadable:
            lines.append(f"  {result.unreadable}")
        if result.unmeasured_reason:
            lines.append(f"  {UNMEASURED_TEXT}：{result.unmeasured_reason}")
        for f in result.findings:
            page = f"第{f.page}页 " if f.page else ""
            where = f"GB/T 9704—2012 {f.clause}，{f.rule}" if f.clause else f.rule
            lines.append(
                f"  [{_SEVERITY.get(f.severity, f.severity)}] {page}{f.message}（{where}）"
            )
        if result.figures:
            shown = "，".join(f"{k} {v}" for k, v in result.figures.items())
            lines.append(f"  实测：{shown}")
    return "\n".join(lines) + "\n"


def format_json(results: list[FileResult]) -> str:
    files = [
        {
            "path": r.path,
            "status": r.status,
            "measured": r.measured,
            "unmeasured_reason": r.unmeasured_reason or None,
            "unreadable": r.unreadable or None,
            "figures": r.figures,
            "findings": [asdict(f) for f in r.findings],
        }
        for r in results
    ]
    summary = {
        s: sum(r.status == s for r in results) for s in (PASS, DEVIATION, UNMEASURED, UNREADABLE)
    }
    return json.dumps({"files": files, "summary": summary}, ensure_ascii=False, indent=2) + "\n"
