"""Proposing the kind a draft fits best, with the reason in words a user understands.

A kind says in its file how a draft of it looks (``import_hints``, see
:class:`reportgen.kinds.spec.ImportHints`): words its title has (总结, 以学促干), words its
headings name (学习, 调研, 实干, 成效), whether it is the general kind for drafts without signs,
whether it is about one subject only. A kind without hints — a bureau's own as a rule — is judged
by how closely the draft's headings echo its sections, and by its 文种. A brief (layout
``brief``) is recognised by its 报头, or by units reporting 截至目前 one item each.

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

_ENOUGH = 3.0  # below this no kind stands out and the general one is proposed
_GENRE_WEIGHT = 6.0
_TITLE_WEIGHT = 4.0  # a title word of the kind (总结): nearly enough on its own
_HEADING_WEIGHT = 1.5  # each heading word, once enough of them are there


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
    general = next((fit for fit in fits if fit.kind.spec.import_hints.general), None)
    ranked = sorted(fits, key=lambda fit: (fit.score, fit is general), reverse=True)
    best = ranked[0]
    drafted = doc_type_of(outline.title or "")
    served = {
        doc_type_of(fit.kind.spec.name) for fit in fits if not fit.kind.spec.import_hints.thematic
    }
    stands_out = best.score >= _ENOUGH
    if not stands_out:
        fallback = general or next(f for f in fits if f.kind.spec.layout not in _BY_LAYOUT)
        name = fallback.kind.spec.name
        best = Fit(fallback.kind, fallback.score, f"草稿没有明显的类型特征，按通用的“{name}”导入")
    runner_up = next((fit for fit in ranked if fit.kind is not best.kind and fit.reason), None)
    # A thematic kind (以学促干…汇报) serves its 文种 for the drafts its own signs pick out.
    own_genre = stands_out and doc_type_of(best.kind.spec.name) == drafted
    if drafted and drafted not in served and not own_genre:
        reason = (
            f"标题是“{drafted}”，现有类型中没有“{drafted}”；最接近的是“{best.kind.spec.name}”"
            f"（{best.reason}），已按它导入，请核对，或用 --kind 指定"
        )
        return Proposal(Fit(best.kind, best.score, reason), runner_up, fits=False)
    return Proposal(best, runner_up)


def general_kind(kinds: Iterable[Kind]) -> Kind | None:
    """The kind a draft without signs is imported as (``import_hints.general``)."""
    return next((kind for kind in kinds if kind.spec.import_hints.general), None)


def _fit(outline: Outline, kind: Kind) -> Fit:
    hints = kind.spec.import_hints
    hinted = bool(hints.title_words or hints.heading_words or hints.body_words or hints.general)
    by_layout = _BY_LAYOUT.get(kind.spec.layout)
    if by_layout is not None:
        score, reason = by_layout(outline, kind)
    elif hinted:
        score, reason = _hinted(outline, kind)
    else:
        score, reason = _similar(outline, kind)
    drafted = doc_type_of(outline.title or "")
    if not hinted and drafted and drafted == doc_type_of(kind.spec.name):
        score += _GENRE_WEIGHT
        reason = f"标题是“{drafted}”" + (f"，{reason}" if reason else f"，按“{kind.spec.name}”导入")
    return Fit(kind, score, reason)


def _headings(outline: Outline) -> list[str]:
    return [section.heading for section in outline.sections]


def _hinted(outline: Outline, kind: Kind) -> tuple[float, str]:
    """A kind by the words its file names (``import_hints``)."""
    spec, hints = kind.spec, kind.spec.import_hints
    headings = "".join(_headings(outline))
    title = outline.title or ""
    named = [
        word.split("|")[0]
        for word in hints.heading_words
        if any(alt and alt in headings for alt in word.split("|"))
    ]
    titled = [word for word in hints.title_words if word in title + headings]
    body = "".join(outline.body())
    mentioned = [w for w in hints.body_words if w not in titled and w in body]
    # Common words (学习, 问题) named in too few headings are weak signs.
    each = _HEADING_WEIGHT if len(named) >= hints.heading_words_needed else _HEADING_WEIGHT / 3
    score = each * len(named) + _TITLE_WEIGHT * len(titled) + len(mentioned)
    score += 1.0 if hints.general else 0.0
    parts = []
    for words, where in (
        ([w for w in titled if w in title], "标题"),
        ([w for w in titled if w not in title], "各部分标题"),
    ):
        if words:
            parts.append(f"{where}中有" + "".join(f"“{w}”" for w in words))
    if named:
        parts.append("各部分标题提到" + "".join(f"“{w}”" for w in named))
    if not parts:
        if not hints.general:
            return score, ""
        parts.append("草稿分若干部分，没有其他类型的特征")
    return score, "，".join(parts) + f"，按“{spec.name}”导入"


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


#: Layouts whose drafts have a shape of their own (a brief's 报头 and unit items), whatever kind.
_BY_LAYOUT: dict[str, Callable[[Outline, Kind], tuple[float, str]]] = {"brief": _brief}
