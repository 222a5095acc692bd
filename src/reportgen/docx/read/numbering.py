"""Automatic list labels ("二、", "（一）", "1.") computed from numbering.xml, in reading order.

Word keeps one set of counters per abstract numbering definition: lists (``w:num``) that share one
continue each other, unless a ``w:lvlOverride/w:startOverride`` restarts a level the first time its
list is used. A level restarts whenever a higher level advances (``w:lvlRestart`` may narrow that;
0 means never). A level referred to in ``w:lvlText`` that has not been used yet shows its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reportgen.docx.read.numfmt import format_number
from reportgen.docx.read.styles import NumPr, ParagraphStyle, Styles, to_int
from reportgen.ooxml.names import w_attr, w_child, w_tags

_LEVEL_REF = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class Level:
    start: int = 1
    num_fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart; None: after any higher level
    legal: bool = False  # w:isLgl: every referenced level shown as decimal
    style_id: str | None = None  # w:pStyle: the style that uses this level


@dataclass
class _List:
    abstract_id: str
    levels: dict[int, Level]
    start_overrides: dict[int, int]


def _read_level(lvl: Any) -> Level:
    def val(local: str) -> str | None:
        child = w_child(lvl, local)
        return None if child is None else w_attr(child, "val")

    legal = w_child(lvl, "isLgl")
    start = to_int(val("start"))
    return Level(
        start=1 if start is None else start,
        num_fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        restart=to_int(val("lvlRestart")),
        legal=legal is not None and w_attr(legal, "val") not in ("0", "false", "off"),
        style_id=val("pStyle"),
    )


class Numbering:
    """Hands out the label of each numbered paragraph, advancing the counters as Word does."""

    def __init__(self, root: Any | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId → numbering style it follows
        self._lists: dict[str, _List] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        self._raw_lists: dict[str, str] = {}  # numId → abstractNumId as written
        if root is None:
            return
        for abstract in root.iter(*w_tags("abstractNum")):
            abstract_id = w_attr(abstract, "abstractNumId") or ""
            levels = {}
            for lvl in abstract.iter(*w_tags("lvl")):
                levels[to_int(w_attr(lvl, "ilvl")) or 0] = _read_level(lvl)
            self._abstract[abstract_id] = levels
            link = w_child(abstract, "numStyleLink")
            if link is not None:
                self._style_links[abstract_id] = w_attr(link, "val") or ""
        nums = list(root.iter(*w_tags("num")))
        self._raw_lists = {
            w_attr(num, "numId") or "": w_attr(ref, "val") or ""
            for num in nums
            if (ref := w_child(num, "abstractNumId")) is not None
        }
        for num in nums:
            self._read_list(num)

    def _read_list(self, num: Any) -> None:
        abstract_el = w_child(num, "abstractNumId")
        abstract_id = "" if abstract_el is None else (w_attr(abstract_el, "val") or "")
        abstract_id = self._follow_style_link(abstract_id)
        levels = dict(self._abstract.get(abstract_id, {}))
        overrides: dict[int, int] = {}
        for override in num.iter(*w_tags("lvlOverride")):
            ilvl = to_int(w_attr(override, "ilvl")) or 0
            lvl = w_child(override, "lvl")
            if lvl is not None:
                levels[ilvl] = _read_level(lvl)
            start = w_child(override, "startOverride")
            if start is not None:
                overrides[ilvl] = to_int(w_attr(start, "val")) or 0
                levels[ilvl] = replace(levels.get(ilvl, Level()), start=overrides[ilvl])
        self._lists[w_attr(num, "numId") or ""] = _List(abstract_id, levels, overrides)

    def _follow_style_link(self, abstract_id: str) -> str:
        """An abstract list that only points at a numbering style uses that style's list."""
        for _ in range(5):  # links are one step in practice; a cycle must end
            style_id = self._style_links.get(abstract_id)
            num_id = self._styles.numbering_style_num_id(style_id) if style_id else None
            target = self._raw_lists.get(num_id or "")
            if target is None or target == abstract_id:
                break
            abstract_id = target
        return abstract_id

    def label(self, own: NumPr | None, style_id: str | None, style: ParagraphStyle | None) -> str:
        """The label of the next paragraph with these numbering properties ("" if none)."""
        styled = style.num_pr if style is not None else None
        num_id = own.num_id if own is not None and own.num_id is not None else None
        if num_id is None and styled is not None:
            num_id = styled.num_id
        if not num_id or num_id == "0" or num_id not in self._lists:
            return ""
        the_list = self._lists[num_id]
        ilvl = own.ilvl if own is not None and own.ilvl is not None else None
        if ilvl is None and styled is not None:
            ilvl = styled.ilvl
            if ilvl is None:
                ilvl = next(
                    (i for i, lvl in the_list.levels.items() if lvl.style_id == style_id), 0
                )
        ilvl = min(max(ilvl or 0, 0), 8)
        level = the_list.levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(the_list.abstract_id, {})
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden in the_list.start_overrides:
                counters.pop(overridden, None)
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = the_list.levels.get(deeper, Level()).restart
            if restart is None or ilvl < restart:
                del counters[deeper]
        if level.num_fmt == "bullet":
            return level.text

        def shown(match: re.Match[str]) -> str:
            ref = int(match.group(1)) - 1
            ref_level = the_list.levels.get(ref, Level())
            value = counters.get(ref, ref_level.start)
            return format_number(value, "decimal" if level.legal else ref_level.num_fmt)

        return _LEVEL_REF.sub(shown, level.text)
