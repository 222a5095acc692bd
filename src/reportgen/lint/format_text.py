"""The ``text`` output: ``file:line:col: rule message``, the line, and ``^^^`` under the match."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from reportgen.lint.findings import SEVERITY_NAMES, Finding
from reportgen.textio import terminal_safe as shown

_COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def format_text(
    findings: Sequence[Finding],
    summary: Mapping[str, object],
    excerpts: Mapping[Finding, tuple[str, int]],
    color: bool = False,
) -> str:
    """Render findings for a terminal; ``excerpts`` give each finding's text line and offset."""
    blocks: list[str] = []
    for finding in findings:
        place, rule = shown(f"{_place(finding)}:"), finding.rule
        if color:
            place = f"{_BOLD}{place}{_RESET}"
            rule = f"{_COLORS.get(finding.severity, '')}{rule}{_RESET}"
        head = f"{place} {rule} {shown(finding.message)}"
        if finding.where():
            head += f"（{shown(finding.where())}）"
        lines = [head]
        if finding in excerpts:
            line, offset = excerpts[finding]
            lines.extend(_excerpt(line, offset, len(finding.match), color, finding.severity))
        blocks.append("\n".join(lines))
    blocks.append(_summary_line(summary))
    # No line may start with "::": a CI runner would take it for a workflow command.
    return "\n".join(blocks).replace("\n::", "\n ::") + "\n"


def _place(finding: Finding) -> str:
    return f"{finding.path}:{finding.line}:{finding.column}"


def _excerpt(line: str, offset: int, length: int, color: bool, severity: str) -> list[str]:
    """The text line cut to a window around the match, and the marker line under it."""
    length = max(1, min(length, len(line) - offset))
    start = max(0, offset - 30)
    end = min(len(line), offset + length + 30)
    before = ("…" if start else "") + shown(line[start:offset])
    match = shown(line[offset : offset + length])
    after = shown(line[offset + length : end]) + ("…" if end < len(line) else "")
    marker = " " * _width(before) + "^" * max(1, _width(match))
    if color:
        tint = _COLORS.get(severity, "")
        return [f"    {before}{tint}{match}{_RESET}{after}", f"    {tint}{marker}{_RESET}"]
    return [f"    {before}{match}{after}", f"    {marker}"]


def _width(text: str) -> int:
    """Display width on a terminal: CJK, full-width and ambiguous characters take two cells.

    Ambiguous ones (“ ” …) are wide in a Chinese locale, where our users' consoles run.
    """
    return sum(2 if unicodedata.east_asian_width(char) in "WFA" else 1 for char in text)


def _summary_line(summary: Mapping[str, object]) -> str:
    """One line that never reads as all clear when some file was not read."""
    counts = summary.get("by_severity", {})
    assert isinstance(counts, dict)
    files, unreadable = summary.get("files", 0), summary.get("unreadable", 0)
    if not files and unreadable:
        return (
            f"没有检查任何文件：{unreadable} 个文件或路径无法读取（原因见下），请处理后重新检查。"
        )
    if not summary.get("findings"):
        result = f"检查了 {files} 个文件，未发现问题。"
    else:
        parts = "，".join(
            f"{SEVERITY_NAMES[name]} {counts[name]} 处"
            for name in SEVERITY_NAMES
            if counts.get(name)
        )
        result = f"检查了 {files} 个文件，发现 {summary['findings']} 处问题（{parts}）。"
    if unreadable:
        result += f"另有 {unreadable} 个文件或路径无法读取，未检查（原因见下）。"
    return result
