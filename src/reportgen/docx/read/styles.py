"""Paragraph styles from styles.xml: display names, numbering and outline level by inheritance."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reportgen.ooxml.names import w_attr, w_child, w_tags

# Word stores its built-in styles under lowercase names ("heading 1") and shows them capitalised;
# python-docx does the same mapping, so names here match what python-docx users write.
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    "title": "Title",
    "subtitle": "Subtitle",
    "footnote text": "Footnote Text",
    "endnote text": "Endnote Text",
    "list paragraph": "List Paragraph",
    "normal": "Normal",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
    **{f"toc {n}": f"TOC {n}" for n in range(1, 10)},
}

_MAX_DEPTH = 20
_STYLE = w_tags("style")  # basedOn chains are short; a cycle must not loop forever


@dataclass(frozen=True)
class NumPr:
    num_id: str | None
    ilvl: int | None


@dataclass(frozen=True)
class ParagraphStyle:
    name: str
    num_pr: NumPr | None  # inherited through basedOn
    outline_level: int | None  # raw w:outlineLvl (0-based, 9 = body text), inherited


def read_num_pr(ppr: Any) -> NumPr | None:
    """The ``w:numPr`` of a ``w:pPr`` (or None)."""
    if ppr is None:
        return None
    num_pr = w_child(ppr, "numPr")
    if num_pr is None:
        return None
    num_id_el = w_child(num_pr, "numId")
    ilvl_el = w_child(num_pr, "ilvl")
    return NumPr(
        None if num_id_el is None else w_attr(num_id_el, "val"),
        None if ilvl_el is None else to_int(w_attr(ilvl_el, "val")),
    )


def read_outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    level = w_child(ppr, "outlineLvl")
    return None if level is None else to_int(w_attr(level, "val"))


def to_int(value: str | None) -> int | None:
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


class Styles:
    """The paragraph styles of a document, looked up by style id."""

    def __init__(self, parts: Iterable[Any]) -> None:
        """``parts``: the children of styles.xml's root (streamed), or nothing."""
        self._raw: dict[str, tuple[str, str | None, NumPr | None, int | None]] = {}
        self._resolved: dict[str, ParagraphStyle] = {}
        self._numbering_styles: dict[str, str] = {}  # style id → numId of a numbering style
        self.default_id: str | None = None
        for style in (style for part in parts for style in part.iter(*_STYLE)):
            kind = w_attr(style, "type") or "paragraph"
            if kind == "numbering":
                num_pr = read_num_pr(w_child(style, "pPr"))
                if num_pr is not None and num_pr.num_id is not None:
                    self._numbering_styles[w_attr(style, "styleId") or ""] = num_pr.num_id
            if kind != "paragraph":
                continue
            style_id = w_attr(style, "styleId") or ""
            name_el = w_child(style, "name")
            name = (name_el is not None and w_attr(name_el, "val")) or style_id
            based_el = w_child(style, "basedOn")
            based = None if based_el is None else w_attr(based_el, "val")
            ppr = w_child(style, "pPr")
            self._raw[style_id] = (
                _UI_NAMES.get(name.lower(), name),
                based,
                read_num_pr(ppr),
                read_outline_level(ppr),
            )
            if w_attr(style, "default") in ("1", "true", "on") and self.default_id is None:
                self.default_id = style_id

    def numbering_style_num_id(self, style_id: str) -> str | None:
        """The list (numId) a numbering style stands for (``w:numStyleLink`` points here)."""
        return self._numbering_styles.get(style_id)

    def get(self, style_id: str | None) -> ParagraphStyle | None:
        """The style of a paragraph whose ``w:pStyle`` is ``style_id`` (None: the default)."""
        if style_id is None:
            style_id = self.default_id
        if style_id is None or style_id not in self._raw:
            return None
        cached = self._resolved.get(style_id)
        if cached is None:
            cached = self._resolve(style_id)
            self._resolved[style_id] = cached
        return cached

    def _resolve(self, style_id: str) -> ParagraphStyle:
        name = self._raw[style_id][0]
        num_pr: NumPr | None = None
        outline: int | None = None
        current: str | None = style_id
        seen: set[str] = set()
        while current in self._raw and current not in seen and len(seen) < _MAX_DEPTH:
            seen.add(current)
            _, based, own_num_pr, own_outline = self._raw[current]
            if num_pr is None:
                num_pr = own_num_pr
            elif own_num_pr is not None:  # a derived style may give only numId or only ilvl
                num_pr = NumPr(
                    num_pr.num_id if num_pr.num_id is not None else own_num_pr.num_id,
                    num_pr.ilvl if num_pr.ilvl is not None else own_num_pr.ilvl,
                )
            if outline is None:
                outline = own_outline
            current = based
        return ParagraphStyle(name, num_pr, outline)
