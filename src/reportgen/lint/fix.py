"""``reportgen lint FILE --fix -o OUT``: a copy with the mechanical fixes applied.

A fix is mechanical when a rule gives its hit a replacement (``Hit.fix``): punctuation width
and doubled marks, number forms, 序号 marks, doubled characters, confusables marked ``safe`` in
their data file. Nothing that needs judgement is touched (which of ``。，`` to keep, a missing
figure). The copy is new (an existing file is never overwritten, the input never touched); a
.docx keeps its formatting because text is replaced inside the runs that hold it. Each change
is listed as before → after at its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UsageError
from reportgen.lint.readers import read_source
from reportgen.lint.rules import DEFAULT_RULES, RULES
from reportgen.lint.source import Source


@dataclass(frozen=True)
class Change:
    line: int
    column: int
    before: str
    after: str
    rule: str
    where: str | None = None  # in a .docx: 正文, 表格1 … and the paragraph's context


def check_fix_call(paths: list[str], out: Path | None) -> Path:
    """The one input ``--fix`` takes; UsageError for anything else."""
    if len(paths) != 1 or not Path(paths[0]).is_file():
        raise UsageError.at(
            "--fix 只能用于一个文件",
            hint="例如：reportgen lint 草稿.docx --fix -o 草稿-改.docx",
        )
    source = Path(paths[0])
    if out is None:
        raise UsageError.at("--fix 需要用 -o 指定改好的文件写到哪里", hint="原稿不会被改动")
    if out.suffix.lower() != source.suffix.lower():
        raise UsageError.at(f"-o 的文件应与原稿同为 {source.suffix} 文件", str(out))
    if out.exists():
        raise UsageError.at("-o 的文件已存在，未覆盖", str(out), hint="请换一个文件名")
    return source


def fix_file(
    source_path: Path, shown: str, out: Path, select: tuple[str, ...] | None
) -> list[Change]:
    """Write the fixed copy of ``source_path`` to ``out``; the changes made, in order."""
    source = read_source(source_path, shown)
    if source.kind_problems is not None:
        raise UsageError.at("报告类型定义文件不做自动修改", shown)
    planned = _planned(source, select)
    if source_path.suffix.lower() == ".docx":
        return _fix_docx(source_path, out, source, planned)
    return _fix_text(source_path, shown, out, source, planned)


def _planned(source: Source, select: tuple[str, ...] | None) -> list[tuple[int, int, str, str]]:
    """``(start, end, replacement, rule)`` of every mechanical fix, without overlaps."""
    found = [
        (hit.start, hit.end, hit.fix, rule.id)
        for rule in (RULES[rule_id] for rule_id in (select or DEFAULT_RULES))
        for hit in rule.check(source)
        if hit.fix is not None and hit.fix != source.text[hit.start : hit.end]
    ]
    planned: list[tuple[int, int, str, str]] = []
    for start, end, fix, rule_id in sorted(found):
        if planned and start < planned[-1][1]:
            continue
        planned.append((start, end, fix, rule_id))
    return planned


def _fix_text(
    path: Path, shown: str, out: Path, source: Source, planned: list[tuple[int, int, str, str]]
) -> list[Change]:
    from reportgen.outputs import write_atomically
    from reportgen.textio import read_text

    lines = read_text(path, shown).splitlines(keepends=True)
    changes: list[Change] = []
    for start, end, fix, rule_id in reversed(planned):
        place = source.place(start)
        before = source.text[start:end]
        line = lines[place.line - 1] if place.line <= len(lines) else ""
        column = place.column - 1
        if line[column : column + len(before)] != before:
            continue  # a YAML escape or fold moved the text: not safe to edit by column
        lines[place.line - 1] = line[:column] + fix + line[column + len(before) :]
        changes.append(Change(place.line, place.column, before, fix, rule_id))
    write_atomically(out, "".join(lines).encode("utf-8"))
    return changes[::-1]


def _fix_docx(
    path: Path, out: Path, source: Source, planned: list[tuple[int, int, str, str]]
) -> list[Change]:
    from reportgen.docx.fix import Edit, fix_docx

    edits, by_edit = [], {}
    for start, end, fix, rule_id in planned:
        place = source.place(start)
        if source.place(end - 1).line != place.line:
            continue
        edit = Edit(place.line, place.column - 1, place.column - 1 + end - start, fix)
        edits.append(edit)
        where = "，".join(part for part in (place.location, place.context) if part) or None
        by_edit[edit] = Change(
            place.line, place.column, source.text[start:end], fix, rule_id, where
        )
    return [by_edit[edit] for edit in fix_docx(path, out, edits)]


def format_changes(changes: list[Change], out: Path, remaining: int) -> str:
    """The list a clerk reads: each change before → after, then what is left to judge."""
    lines = [
        f"{change.line}:{change.column}: “{change.before}” → “{change.after}”（{change.rule}）"
        + (f"（{change.where}）" if change.where else "")
        for change in changes
    ]
    lines.append(f"已写出 {out}：自动修改 {len(changes)} 处（原稿未改动）。")
    if remaining:
        lines.append(
            f"另有 {remaining} 处需要人工判断，未自动修改：请运行 reportgen lint {out} 查看。"
        )
    return "\n".join(lines) + "\n"
