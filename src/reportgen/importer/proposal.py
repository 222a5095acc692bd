"""Proposing the kind a draft fits best, with the reason in words a user understands.

The built-in kinds have signs of their own: the 以学促干 report names 学习, 调研, 实干 and 成效 in
its headings; a progress brief gives units (司, 局, 处, 街道, 办 …) one item each with
``截至目前`` figures; an annual summary is titled 总结 or has 成效/问题/打算 parts. A kind a bureau
adds is judged by how closely the draft's headings resemble its sections. When nothing stands
out, the general annual summary is proposed.

The 文种 a title ends with (…的通知, …的函) decides when a kind of that 文种 exists; when none
does, the proposal says so and names the nearest kind instead of pretending it fits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.gongwen.doctypes import doc_type_of
from reportgen.importer.structure import Outline
from reportgen.importer.units import says_so_far, unit_start

if TYPE_CHECKING:
    from reportgen.kinds.registry import Kind

GENERAL_KIND = "annual-summary"
_ENOUGH = 3.0  # below this no kind stands out and the general one is proposed


_GENRE_WEIGHT = 6.0
#: Kinds of one subject: their 文种 (汇报) does not make them fit every draft of that 文种.
_THEMATIC = frozenset({"yixue-cugan"})


@dataclass(frozen=True)
class Fit:
    kind: Kind
    score: float
    reason: str


@dataclass(frozen=True)
class Proposal:
    best: Fit
    runner_up: Fit | None
    #: False when the draft's 文种 has no kind: ``best`` is then only the nearest.
    fits: bool = True


def propose(outline: Outline, kinds: Iterable[Kind]) -> Proposal:
    """The kind that fits ``outline`` best and the next best; weak signs go to the general kind."""
    fits = [_fit(outline, kind) for kind in kinds]
    general = next((fit for fit in fits if fit.kind.id == GENERAL_KIND), None)
    ranked = sorted(fits, key=lambda fit: (fit.score, fit is general), reverse=True)
    best = ranked[0]
    drafted = doc_type_of(outline.title or "")
    served = {doc_type_of(fit.kind.spec.name) for fit in fits if fit.kind.id not in _THEMATIC}
    if best.score < _ENOUGH:
        fallback = general or next(f for f in fits if f.kind.spec.layout == "report")
        name = fallback.kind.spec.name
        best = Fit(fallback.kind, fallback.score, f"草稿没有明显的类型特征，按通用的“{name}”导入")
    runner_up = next((fit for fit in ranked if fit.kind is not best.kind and fit.reason), None)
    if drafted and drafted not in served:
        reason = (
            f"标题是“{drafted}”，现有类型中没有“{drafted}”；最接近的是“{best.kind.spec.name}”"
            f"（{best.reason}），已按它导入，请核对，或用 --kind 指定"
        )
        return Proposal(Fit(best.kind, best.score, reason), runner_up, fits=False)
    return Proposal(best, runner_up)


def _fit(outline: Outline, kind: Kind) -> Fit:
    scorer = _SCORERS.get(kind.id)
    if scorer is None:
        scorer = _brief if kind.spec.layout == "brief" else _similar
    score, reason = scorer(outline, kind)
    drafted = doc_type_of(outline.title or "")
    if kind.id not in _SCORERS and drafted and drafted == doc_type_of(kind.spec.name):
        score += _GENRE_WEIGHT
        reason = f"标题是“{drafted}”" + (f"，{reason}" if reason else f"，按“{kind.spec.name}”导入")
    return Fit(kind, score, reason)


def _headings(outline: Outline) -> list[str]:
    return [section.heading for section in outline.sections]


def _yixue(outline: Outline, kind: Kind) -> tuple[float, str]:
    headings = "".join(_headings(outline))
    words = [
        w
        for w in ("学习", "调研", "实干", "成效")
        if w in headings or (w == "成效" and "效果" in headings)
    ]
    frame = "以学促干" in headings + (outline.title or "")
    # Two of the words are common in any report on 学习教育; three or the frame are the sign.
    score = (1.5 if len(words) >= 3 else 0.5) * len(words)
    score += 3 if frame else 1 if "以学促干" in "".join(outline.body()) else 0
    parts = []
    if words:
        parts.append("各部分标题提到" + "".join(f"“{w}”" for w in words))
    if frame:
        parts.append("标题中有“以学促干”")
    if not parts:
        return score, ""
    return score, "，".join(parts) + f"，符合“{kind.spec.name}”的“学习→调研→实干→成效”结构"


def _brief(outline: Outline, kind: Kind) -> tuple[float, str]:
    body = outline.body()
    so_far = sum(1 for text in body if says_so_far(text))
    units = [start.unit for text in body if (start := unit_start(text))]
    if outline.masthead is not None:  # a 报头 is what makes a brief a brief
        issue = f"、第{outline.masthead.issue_no}期" if outline.masthead.issue_no else ""
        return 10.0, f"有报头（“{outline.masthead.name}”{issue}），是“{kind.spec.name}”的格式"
    if so_far < 2 or len(units) < 2:
        return 0.0, ""
    score = 3 + min(so_far, len(units))
    shown = "、".join(dict.fromkeys(units[:3]))
    reason = f"有 {len(units)} 个单位分条（如{shown}），{so_far} 段以“截至目前”报进展，符合“{kind.spec.name}”"
    return score, reason


def _annual(outline: Outline, kind: Kind) -> tuple[float, str]:
    title = outline.title or ""
    headings = _headings(outline)
    parts = [w for w in ("成效", "问题", "打算") if any(w in h for h in headings)]
    score = (4.0 if "总结" in title else 0.0) + 1.5 * len(parts) + 1
    reasons = []
    if "总结" in title:
        reasons.append("标题是“总结”")
    if parts:
        reasons.append("有" + "、".join(f"“{p}”" for p in parts) + "部分")
    if not reasons:
        reasons.append("草稿分若干部分，没有其他类型的特征")
    return score, "，".join(reasons) + f"，按“{kind.spec.name}”导入"


def _similar(outline: Outline, kind: Kind) -> tuple[float, str]:
    """A bureau's own kind: how many of its section headings the draft's headings echo."""
    spec = kind.spec
    drafted = [_bigrams(h) for h in _headings(outline)]
    echoed = [
        item.heading
        for item in spec.sections.items
        if drafted and max(_overlap(_bigrams(item.heading), d) for d in drafted) >= 0.5
    ]
    score = 2.0 * len(echoed) + (2 if spec.name in (outline.title or "") else 0)
    reason = "标题与“" + "”“".join(echoed[:4]) + f"”相近，符合“{spec.name}”" if echoed else ""
    return score, reason


def bigrams(text: str) -> set[str]:
    """Two-character pieces of the Chinese in ``text``: what two headings share."""
    return _bigrams(text)


def _bigrams(text: str) -> set[str]:
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {run[i : i + 2] for run in runs for i in range(len(run) - 1)}


def _overlap(spec: set[str], drafted: set[str]) -> float:
    return len(spec & drafted) / len(spec) if spec else 0.0


_SCORERS: dict[str, Callable[[Outline, Kind], tuple[float, str]]] = {
    "yixue-cugan": _yixue,
    "progress-brief": _brief,
    "annual-summary": _annual,
}
