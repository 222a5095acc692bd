"""``reportgen import``: turning an existing draft (.docx, .txt, .md) into the YAML of a kind.

The draft is read (:mod:`reading`, :mod:`cleaning`), segmented into title, recipient, preamble,
sections, closing, issuer and date (:mod:`structure`), matched to a kind (:mod:`proposal`),
mapped onto that kind's YAML (:mod:`mapping`, :mod:`brief`) and written (:mod:`writing`). The
YAML is validated and composed before it is written, so it renders as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import InputError, Problem, ReportgenError, UsageError

if TYPE_CHECKING:
    from reportgen.importer.lines import Dropped, Para
    from reportgen.importer.outline import Found, HeadingSeen, Outline
    from reportgen.importer.proposal import Fit
    from reportgen.kinds.registry import Registry

__all__ = ["ImportResult", "import_draft"]

_NOT_DRAFTS = {
    ".csv": "表格数据（CSV）",
    ".tsv": "表格数据",
    ".xlsx": "Excel 表格",
    ".xls": "Excel 表格",
    ".json": "JSON 数据",
    ".yaml": "YAML 文件",
    ".yml": "YAML 文件",
}
_MIN_CJK = 20  # characters of Chinese a report has at the very least


@dataclass(frozen=True)
class ImportResult:
    """What import wrote and what it decided, for the user to check (see :mod:`.report`)."""

    output: Path  # the YAML written
    kind: str  # kind id used
    reason: str  # why this kind was chosen (Chinese)
    warnings: list[str]  # notes for the user (Chinese)
    draft: Path | None = None
    chosen_by: str = "proposal"  # proposal | option (--kind)
    #: False when no kind has the draft's 文种: ``kind`` is only the nearest.
    fits: bool = True
    runner_up: tuple[str, str] | None = None  # (kind id, reason)
    #: title, recipient, issuer, date … → the value written (None: left to fill) and its source.
    values: dict[str, object] = field(default_factory=dict)
    found: dict[str, Found] = field(default_factory=dict)
    formal: dict[str, Found] = field(default_factory=dict)
    kind_name: str = ""
    headings: list[HeadingSeen] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def import_draft(
    path: Path,
    *,
    kind: str | None = None,
    output: Path | None = None,
    force: bool = False,
    registry: Registry | None = None,
) -> ImportResult:
    """Read the draft at ``path`` and write it as the YAML of ``kind`` (proposed when None).

    The output defaults to the draft's name with the suffix ``.yaml``; an existing file is only
    replaced with ``force``. Raises :class:`UsageError` for a file that cannot be read or an
    output that exists, :class:`InputError` for a file that is not a report; nothing is written
    then.
    """
    from reportgen.importer.proposal import Fit, general_kind, propose
    from reportgen.importer.reading import read_draft
    from reportgen.importer.structure import segment
    from reportgen.kinds.registry import load_registry
    from reportgen.outputs import write_atomically

    path = Path(path)
    registry = registry or load_registry()
    chosen = registry.get(kind) if kind else None
    _refuse_non_drafts(path)
    reading = read_draft(path)
    out = Path(output) if output else path.with_suffix(".yaml")
    if out.resolve() == path.resolve():
        raise UsageError.at("输出文件不能与草稿相同", out, hint="用 -o 指定 .yaml 文件名")
    if out.exists() and not force:
        raise UsageError.at("文件已存在，未覆盖", out, hint="换一个文件名（-o），或加 --force 覆盖")
    outline = segment(reading)
    _require_report(path, outline.body(), reading.paras)
    proposal = propose(outline, registry)
    if chosen is None:
        candidates = [proposal.best, *([proposal.runner_up] if proposal.runner_up else [])]
        general = general_kind(registry)
        if general and all(fit.kind is not general for fit in candidates):
            candidates.append(Fit(general, 0.0, f"按通用的“{general.spec.name}”导入"))
    else:
        candidates = [Fit(chosen, 0.0, f"按指定的类型“{chosen.spec.name}”导入")]
    attempt = _first_valid(outline, candidates, registry, path, out)
    write_atomically(out, attempt.text.encode("utf-8"), overwrite=force)
    chosen, data = attempt.fit.kind, attempt.data
    runner_up = proposal.runner_up if kind is None else proposal.best
    if kind is None and chosen is not proposal.best.kind:
        runner_up = proposal.best  # passed over: its YAML would not render
    return ImportResult(
        out,
        chosen.id,
        attempt.reason,
        outline.notes + attempt.notes,
        draft=path,
        chosen_by="option" if kind else "proposal",
        fits=proposal.fits if kind is None else True,
        runner_up=(runner_up.kind.id, runner_up.reason) if runner_up else None,
        values={key: data.get(key) for key in _VALUES if key in data},
        found=outline.found,
        formal=outline.formal,
        kind_name=chosen.spec.name,
        headings=outline.headings,
        dropped=outline.dropped,
    )


_VALUES = ("title", "recipient", "issuer", "date", "brief_name", "issue_no", "editor")


def _refuse_non_drafts(path: Path) -> None:
    what = _NOT_DRAFTS.get(path.suffix.lower())
    if what and path.exists():
        hint = (
            "YAML 已是 reportgen 的格式，直接运行 reportgen render"
            if "YAML" in what
            else "请导入报告草稿（.docx、.txt 或 .md）"
        )
        raise InputError(Problem(f"这是{what}，不是报告草稿", str(path), hint=hint))


def _require_report(path: Path, body: list[str], paras: list[Para]) -> None:
    if not paras:
        raise InputError(
            Problem(
                "草稿是空的，没有可导入的文字", str(path), hint="请确认选对了文件，且文件已保存"
            )
        )
    text = "".join(body) + "".join(p.full for p in paras)
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if _looks_tabular([p.full for p in paras]):
        raise InputError(
            Problem(
                "内容看起来是表格数据（每行用逗号或制表符分列），不是报告草稿",
                str(path),
                hint="请导入报告草稿（.docx、.txt 或 .md）",
            )
        )
    if cjk < _MIN_CJK or not body:
        raise InputError(
            Problem(
                "没有找到报告正文段落，无法导入",
                str(path),
                hint="import 用于导入中文报告草稿：有标题和成段的正文",
            )
        )


def _looks_tabular(lines: list[str]) -> bool:
    separated = [
        line for line in lines if line.count(",") + line.count("\t") + line.count("，") >= 2
    ]
    sentences = [line for line in lines if "。" in line]
    return (
        len(lines) >= 2
        and len(separated) >= 0.8 * len(lines)
        and len(sentences) <= 0.2 * len(lines)
    )


@dataclass(frozen=True)
class _Attempt:
    fit: Fit
    data: dict[str, Any]
    notes: list[str]
    text: str
    reason: str = ""  # why this kind (Chinese): the fit's reason, and the kinds passed over


def _first_valid(
    outline: Outline, candidates: list[Fit], registry: Registry, draft: Path, out: Path
) -> _Attempt:
    """The first candidate kind whose YAML renders as it stands; failing all, the first one with
    a to-do where the draft lacks what that kind requires (a 请示's ending). The notes say which
    kinds were passed over and why; the draft never fails to import because a guess was wrong."""
    passed_over: list[str] = []
    dropped = list(outline.dropped)  # mapping lists what a kind has no place for: per attempt
    for fit in candidates:
        outline.dropped[:] = dropped
        attempt = _attempt(outline, fit, draft, out)
        problems = _render_problems(attempt.text, registry, out)
        if not problems:
            passed = "；".join(passed_over)
            reason = f"{passed}，改按“{fit.kind.spec.name}”：{fit.reason}" if passed else fit.reason
            return replace(attempt, reason=reason)
        passed_over.append(f"按“{fit.kind.spec.name}”导入未通过校验（{_said(problems)}）")
    first = candidates[0]
    outline.dropped[:] = dropped
    attempt = _attempt(outline, first, draft, out, to_do=True)
    problems = _render_problems(attempt.text, registry, out)
    if problems:  # only a defect of ours can leave a kind's own to-dos invalid
        raise InputError(
            Problem(
                f"导入结果未能通过校验（{_said(problems)}）",
                str(draft),
                hint="这是 reportgen 的缺陷，请把草稿发给维护者；可先用 reportgen new 生成模板手工填写",
            )
        )
    return replace(attempt, reason=first.reason)


def _attempt(
    outline: Outline, fit: Fit, draft: Path, out: Path, *, to_do: bool = False
) -> _Attempt:
    from reportgen.importer.brief import brief_data
    from reportgen.importer.mapping import report_data, required_to_dos
    from reportgen.importer.writing import to_yaml

    spec = fit.kind.spec
    mapper = {"brief": brief_data}.get(spec.layout, report_data)  # by the kind's layout
    data, notes = mapper(outline, spec)
    if to_do:
        notes.extend(required_to_dos(data, spec))
    header = [
        f"{spec.name}（{fit.kind.id}）—— 由 reportgen import 从 {draft.name} 导入",
        f"选用此类型的理由：{fit.reason}",
        f"请核对后运行：reportgen render {out.name}",
    ]
    return _Attempt(fit, data, notes, to_yaml(data, header))


def _said(problems: list[Problem]) -> str:
    return "；".join(problem.message for problem in problems[:3])


def _render_problems(text: str, registry: Registry, out: Path) -> list[Problem]:
    """What stops the YAML from loading and composing as ``render`` will (nothing: [])."""
    from reportgen.report.compose import compose
    from reportgen.report.loading import parse_report

    try:
        loaded = parse_report(text, str(out), registry)
        compose(loaded.report, loaded.source, loaded.kind.spec.layout)
    except ReportgenError as error:
        return list(error.problems)
    return []
