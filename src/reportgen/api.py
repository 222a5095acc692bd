"""The library API behind the commands. The CLI only parses options and prints; all work is here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from reportgen.errors import InputError, Problem, UsageError
from reportgen.kinds.registry import Kind, Registry, load_registry
from reportgen.report.loading import LoadedReport, load_report, parse_report
from reportgen.report.textfill import Unfilled

if TYPE_CHECKING:
    from collections.abc import Iterator

    from reportgen.batch import Job, JobResult
    from reportgen.batch import Options as BatchOptions
    from reportgen.gongwen.days import Day
    from reportgen.importer import ImportResult
    from reportgen.kinds.scaffold_files import ScaffoldFiles
    from reportgen.lint.runner import LintOptions, LintRun

__all__ = [
    "Batch",
    "LoadedReport",
    "RenderResult",
    "import_draft",
    "is_batch",
    "lint",
    "load_kinds",
    "load_report",
    "new_scaffold",
    "parse_report",
    "render",
    "render_batch",
    "render_loaded",
    "schema",
    "unfilled_problems",
]


class RenderResult(NamedTuple):
    """What :func:`render` wrote, and what it left unfilled. (Named tuples, not dataclasses,
    for the records a render makes: importing dataclasses would be a tenth of the command.)"""

    output: Path | None
    unfilled: tuple[Unfilled, ...]
    source: str
    #: Things the user should know that are not errors (names in a figures table not declared).
    notes: tuple[Problem, ...] = ()


def load_kinds(kind_dirs: Sequence[str | Path] = (), *, folder: Path | None = None) -> Registry:
    """The built-in kinds, those in ``kind_dirs``, and those the settings file upward from
    ``folder`` (the current folder by default) names: ``kinds = [...]`` in ``.reportgen.toml``."""
    return load_registry(_kind_dirs(kind_dirs, folder))


def _kind_dirs(kind_dirs: Sequence[str | Path], folder: Path | None) -> tuple[Path, ...]:
    from reportgen.settings import all_kind_dirs

    return all_kind_dirs(kind_dirs, folder)


def is_batch(paths: Sequence[Path], table: Path | None = None) -> bool:
    """Whether ``render`` of ``paths`` is a batch: several YAMLs, a folder, or a batch table."""
    return len(paths) != 1 or table is not None or paths[0].is_dir()


def render_batch(
    paths: Sequence[Path],
    output: Path | None = None,
    *,
    table: Path | None = None,
    strict: bool = False,
    template: Path | None = None,
    figures: Path | None = None,
    kind_dirs: Sequence[str | Path] = (),
    jobs: int | None = None,
    letterhead: str = "printed",
) -> Batch:
    """Plan the reports of ``paths`` (and of each row of ``table``); iterate the result to render
    them in worker processes, each result as it finishes (see :mod:`reportgen.batch`)."""
    from reportgen import batch

    options = batch.Options(strict, template, _kind_dirs(kind_dirs, None), figures, letterhead)
    return Batch(batch.plan(list(paths), output, table, options), options, jobs)


class Batch:
    """Planned reports: ``len`` is how many; iterating renders them."""

    def __init__(self, jobs: list[Job], options: BatchOptions, workers: int | None) -> None:
        self.jobs = jobs
        self.options = options
        self.workers = workers

    def __len__(self) -> int:
        return len(self.jobs)

    def __iter__(self) -> Iterator[JobResult]:
        from reportgen.batch import run

        return run(self.jobs, self.options, self.workers)

    @staticmethod
    def summary(results: list[JobResult]) -> tuple[str, int]:
        """The closing line of a batch and its exit code (the worst of its jobs)."""
        from reportgen.batch import summary

        return summary(results)


def render(
    path: str | Path,
    output: str | Path | None = None,
    *,
    strict: bool = False,
    template: str | Path | None = None,
    registry: Registry | None = None,
    figures: str | Path | None = None,
    row: tuple[Any, ...] | None = None,
    row_table: str | None = None,
    letterhead: str = "printed",
    kind_dirs: Sequence[str | Path] = (),
) -> RenderResult:
    """Validate and render ``path``; with ``strict``, unfilled figures are an error.

    The kinds are ``registry``'s, or by default those of :func:`load_kinds` of ``kind_dirs``.

    ``figures`` is a table (.csv/.xlsx) of 名称/数值 that fills declared figures; ``row`` is one
    row of a batch table (see :mod:`reportgen.batch`).
    """
    path = Path(path)
    loaded = None
    folders = _kind_dirs(kind_dirs, None) if registry is None else None
    if folders is not None:
        if figures is None and row is None:
            # The common render: the kinds' prepared validators, without pydantic (see
            # reportgen.kinds.prepared); a report they do not accept takes the full path.
            from reportgen.report.loading import load_prepared

            loaded = load_prepared(path, folders)
        if loaded is None:
            registry = load_registry(folders)
    out = Path(output) if output else path.with_suffix(".docx")
    if out.suffix.lower() != ".docx":
        raise UsageError.at("输出文件应以 .docx 结尾", out, hint="用 -o 指定 .docx 文件名")
    from reportgen.outputs import check_outputs

    given = [Path(p) for p in (path, template, figures) if p is not None]
    check_outputs([out], given)
    if loaded is None:
        assert registry is not None
        loaded = load_report(path, registry)
        if folders is not None and figures is None and row is None:
            from reportgen.kinds.prepared import remember

            remember(folders, loaded.kind.id)
    return render_loaded(
        loaded,
        out,
        strict=strict,
        template=template,
        figures=figures,
        row=row,
        row_table=row_table,
        letterhead=letterhead,
    )


def render_loaded(
    loaded: LoadedReport,
    out: Path,
    *,
    strict: bool = False,
    template: str | Path | None = None,
    figures: str | Path | None = None,
    row: tuple[Any, ...] | None = None,
    row_table: str | None = None,
    letterhead: str = "printed",
) -> RenderResult:
    """:func:`render` for a report already loaded (a batch loads its YAML once).

    ``letterhead`` ``preprinted``: the paper carries the 红头; the settings key
    ``letterhead_rule_mm`` says how far below the top of the text block its red rule is."""
    from reportgen.docx.write import render_docx
    from reportgen.report.compose import compose

    path = loaded.source.path
    report = loaded.report
    notes: list[Problem] = []
    if figures is not None or row is not None:
        from reportgen.report import figurefill
    if figures is not None:
        from reportgen.report.tables import read_table

        values, notes = figurefill.figures_from_table(read_table(figures), report.figures)
        report = figurefill.fill(report, values)
    if row is not None:
        report = figurefill.apply_row(report, row, row_table or "")
    composed = compose(report, loaded.source, loaded.kind.spec.layout, loaded.kind.spec)
    if strict and composed.unfilled:
        raise InputError(*unfilled_problems(composed.unfilled, path, strict=True))
    from reportgen.layouts.letterhead import check_letterhead, letterhead_rule_mm

    check_letterhead(letterhead)
    rule_mm = letterhead_rule_mm(Path(path).parent) if letterhead == "preprinted" else None
    render_docx(composed.document, out, Path(template) if template else None, letterhead, rule_mm)
    return RenderResult(out, composed.unfilled, path, tuple(notes))


def unfilled_problems(
    unfilled: tuple[Unfilled, ...], path: str, *, strict: bool = False
) -> list[Problem]:
    hint = "填好数据后再渲染；或去掉 --strict 先出草稿" if strict else None
    problems = []
    for item in unfilled:
        if item.is_field:
            message = (
                f"字段 {item.figure} 未填，显示为 {item.text}（在 YAML 中填写 {item.figure}: …）"
            )
        elif item.figure:
            where = (
                f"（在第 {item.declared_line} 行的 figures 中填写 value）"
                if item.declared_line
                else ""
            )
            message = f"数据“{item.figure}”未填，显示为 {item.text}{where}"
            if "“" in item.text:
                message = (
                    f"数据“{item.figure}”显示为 {item.text}：单位带着中文引号"
                    f'（第 {item.declared_line} 行的 unit 应写半角引号，如 unit: "%"）'
                )
        else:
            message = f"占位符 {item.text} 尚未填写"
        problems.append(Problem(message, path, item.line, hint=hint))
    return problems


def new_scaffold(
    kind_id: str,
    output: str | Path = "report.yaml",
    *,
    force: bool = False,
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write the scaffold of ``kind_id`` and its JSON Schema beside it; returns the files written."""
    from reportgen.gongwen.days import Day
    from reportgen.kinds.scaffold_files import write_scaffold

    kind = (registry or load_kinds()).get(kind_id)
    files = scaffold_files(kind, Day.of(today or dt.date.today()))
    return [Path(path) for path in write_scaffold(Path(output), files, force=force)]


def scaffold_files(kind: Kind, day: Day) -> ScaffoldFiles:
    """The texts ``new`` writes for ``kind`` on ``day`` (or with its markers: see
    :mod:`reportgen.gongwen.days`): the scaffold and its JSON Schema."""
    from reportgen.kinds.scaffold_files import ScaffoldFiles
    from reportgen.report.scaffold import scaffold

    schema_name = f"{kind.id}.schema.json"
    return ScaffoldFiles(schema_name, scaffold(kind.spec, schema_name, day), schema(kind))


def lint(paths: Sequence[str | Path], options: LintOptions | None = None) -> LintRun:
    """Check ``paths`` (files and folders); see :func:`reportgen.lint.runner.run_lint`."""
    from reportgen.lint.runner import LintOptions, run_lint

    return run_lint([str(path) for path in paths], options or LintOptions())


class Checked(NamedTuple):
    """What :func:`check_text` found in a report's YAML text, for a page that checks as one types."""

    #: Syntax and validation errors (nothing can be rendered while there are any).
    problems: tuple[Problem, ...]
    #: Lint findings on the text fields (:class:`reportgen.lint.findings.Finding`).
    findings: tuple[Any, ...]
    unfilled: tuple[Unfilled, ...]
    #: The composed :class:`reportgen.report.document.Document`, or None when there are problems.
    document: Any


def check_text(text: str, path: str, registry: Registry) -> Checked:
    """Validate, compose and lint the report YAML ``text`` without writing anything."""
    from reportgen.errors import ReportgenError
    from reportgen.lint.rules import RULES
    from reportgen.lint.runner import check_source
    from reportgen.lint.yaml_source import source_from_yaml
    from reportgen.report.compose import compose

    try:
        findings = tuple(f for f, _ in check_source(source_from_yaml(text, path), RULES.values()))
    except ReportgenError as error:
        return Checked(error.problems, (), (), None)
    try:
        loaded = parse_report(text, path, registry)
        composed = compose(loaded.report, loaded.source, loaded.kind.spec.layout)
    except ReportgenError as error:
        return Checked(error.problems, findings, (), None)
    return Checked((), findings, composed.unfilled, composed.document)


def import_draft(
    path: str | Path,
    *,
    kind: str | None = None,
    output: str | Path | None = None,
    force: bool = False,
    registry: Registry | None = None,
) -> ImportResult:
    """Write the draft at ``path`` as the YAML of ``kind`` (proposed when None); what import
    decided is in the result (see :mod:`reportgen.importer.report`)."""
    from reportgen.importer import import_draft as import_

    return import_(
        Path(path),
        kind=kind,
        output=None if output is None else Path(output),
        force=force,
        registry=registry or load_kinds(),
    )


def schema(kind: Kind) -> str:
    document = kind.model.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
