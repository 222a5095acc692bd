"""Reading a .docx's paragraph properties as Word resolves them: direct formatting, then the
paragraph style along w:basedOn, then the document defaults."""

from __future__ import annotations

from typing import Any

from reportgen.ooxml.names import w_attr, w_child, w_tags


class Styles:
    """Paragraph styles with their eastAsia font and size, following w:basedOn."""

    def __init__(self, root: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.default_id = ""
        self.defaults: tuple[str | None, int | None] = (None, None)
        if root is None:
            return
        for style in root.iter(*w_tags("style")):
            if w_attr(style, "type") == "paragraph":
                self.by_id[w_attr(style, "styleId") or ""] = style
                name = w_child(style, "name")
                label = w_attr(name, "val") if name is not None else None
                self.names[w_attr(style, "styleId") or ""] = label or ""
                if w_attr(style, "default") in ("1", "true"):
                    self.default_id = w_attr(style, "styleId") or ""
        defaults = w_child(root, "docDefaults")
        rpr = descend(defaults, "rPrDefault", "rPr")
        self.defaults = (east_asia(rpr), size_of(rpr))

    def paragraph_value(self, style_id: str | None, child: str, attr: str) -> str | None:
        """A w:pPr value (``outlineLvl``/``val``, ``ind``/``firstLine``) along w:basedOn."""
        seen: set[str] = set()
        current = style_id or self.default_id
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            element = descend(self.by_id[current], "pPr", child)
            value = w_attr(element, attr) if element is not None else None
            if value is not None:
                return value
            based = w_child(self.by_id[current], "basedOn")
            current = (w_attr(based, "val") or "") if based is not None else ""
        return None

    def resolve(self, style_id: str | None) -> tuple[str | None, int | None]:
        font, size = None, None
        seen: set[str] = set()
        current = style_id or self.default_id
        while current and current not in seen and current in self.by_id:
            seen.add(current)
            style = self.by_id[current]
            rpr = w_child(style, "rPr")
            font = font or east_asia(rpr)
            size = size or size_of(rpr)
            based = w_child(style, "basedOn")
            current = (w_attr(based, "val") or "") if based is not None else ""
        return font or self.defaults[0], size or self.defaults[1]


def descend(element: Any, *names: str) -> Any:
    for name in names:
        if element is None:
            return None
        element = w_child(element, name)
    return element


def east_asia(rpr: Any) -> str | None:
    fonts = w_child(rpr, "rFonts") if rpr is not None else None
    return w_attr(fonts, "eastAsia") if fonts is not None else None


def size_of(rpr: Any) -> int | None:
    sz = w_child(rpr, "sz") if rpr is not None else None
    value = w_attr(sz, "val") if sz is not None else None
    return int(value) if value and value.isdigit() else None


def text_of(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(*w_tags("t")))


def direct(ppr: Any, child: str, attr: str) -> str | None:
    element = w_child(ppr, child) if ppr is not None else None
    return w_attr(element, attr) if element is not None else None
