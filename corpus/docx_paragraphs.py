"""Print a .docx's paragraphs numbered the way `reportgen lint` counts them (its ``line``).

    python corpus/docx_paragraphs.py corpus/docs/051-qingshi-table.docx

Reading order, as lint's reader has it: the body first (tables, nested tables and content controls
at their place; a text box's paragraphs right after the paragraph that anchors it), then the
headers, then the footers (section by section: default, first page, even pages; each part once),
then footnotes and endnotes. Empty paragraphs count. A paragraph's text is what is shown: tabs are
``\\t``, breaks ``\\n``; deleted text and field instructions are left out. The column of a finding
is the 1-based character offset in that text.

Standalone on purpose (python-docx and its lxml only), so the corpus checks do not depend on
reportgen's internals.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SKIP_INLINE = {
    f"{W}{name}"
    for name in (
        "pPr",
        "rPr",
        "del",
        "moveFrom",
        "instrText",
        "delText",
        "sdtPr",
        "commentReference",
    )
}


def _inline(element: Any, texts: list[str], boxes: list[Any], state: dict[str, int]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP_INLINE:
            continue
        if tag == f"{MC}AlternateContent":
            branch = child.find(f"{MC}Choice")
            if branch is None:
                branch = child.find(f"{MC}Fallback")
            if branch is not None:
                _inline(branch, texts, boxes, state)
            continue
        if tag == f"{W}fldChar":
            kind = child.get(f"{W}fldCharType")
            state["hidden"] += 1 if kind == "begin" else -1 if kind == "separate" else 0
            continue
        if tag == f"{W}txbxContent":
            boxes.append(child)
            continue
        if state["hidden"] > 0:
            if len(child):
                _inline(child, texts, boxes, state)
            continue
        if tag == f"{W}t":
            texts.append(child.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            texts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            texts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            texts.append("-")
        elif len(child):
            _inline(child, texts, boxes, state)


def _blocks(container: Any, where: str) -> Iterator[tuple[str, str]]:
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            texts: list[str] = []
            boxes: list[Any] = []
            _inline(child, texts, boxes, {"hidden": 0})
            yield "".join(texts), where
            for box in boxes:
                yield from _blocks(box, "文本框")
        elif tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                if row.getparent() is not None and _owning_table(row) is child:
                    for cell in row.findall(f"{W}tc"):
                        yield from _blocks(cell, "表格")
        elif tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content, where)
        elif tag == f"{MC}AlternateContent":
            branch = child.find(f"{MC}Choice")
            if branch is not None:
                yield from _blocks(branch, where)


def _owning_table(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != f"{W}tbl":
        parent = parent.getparent()
    return parent


def paragraphs(path: Path) -> list[tuple[int, str, str]]:
    """``(number, location, text)`` for every paragraph of the .docx at ``path``."""
    import docx

    document = docx.Document(str(path))
    part = document.part
    out: list[tuple[str, str]] = list(_blocks(document.element.body, "正文"))
    for kind, where in (("header", "页眉"), ("footer", "页脚")):
        seen: list[str] = []
        for sect in document.element.body.iter(f"{W}sectPr"):
            refs = {
                ref.get(f"{W}type") or "default": ref.get(R_ID)
                for ref in sect.findall(f"{W}{kind}Reference")
            }
            for ref_type in ("default", "first", "even"):
                rel_id = refs.get(ref_type)
                if rel_id and rel_id not in seen:
                    seen.append(rel_id)
                    out.extend(_blocks(part.related_parts[rel_id].element, where))
    return [(number, where, text) for number, (text, where) in enumerate(out, start=1)]


def main(argv: list[str]) -> int:
    for name in argv:
        for number, where, text in paragraphs(Path(name)):
            print(f"{number}\t{where}\t{text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
