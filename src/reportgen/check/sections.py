"""The section of a .docx: its footers, page numbers, and whether it is in the 信函格式.

GB/T 9704 numbers every page, odd numbers right and even ones left (7.5), except the first page
of a 信函 (10.1), whose 发文机关标志 sits 30 mm below the paper's top edge, above the 版心. A
document is taken to be a 信函 when both hold: its first page has a footer of its own without a
page number (w:titlePg), and an object is placed 30 ± 1 mm below the paper's top edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen.check.findings import Finding
from reportgen.ooxml.names import w_attr, w_child, w_tags
from reportgen.ooxml.package import DocxPackage

_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_EMU_PER_MM = 36000
LETTER_MARK_TOP_MM = 30.0  # 10.1: the mark's top edge below the paper's top edge


@dataclass(frozen=True)
class Section:
    """What the checks need of the document's last section."""

    footers: dict[str, Any]  # footer XML by type: default, even, first
    title_page: bool  # w:titlePg: the first page has its own header and footer
    even_and_odd: bool  # w:evenAndOddHeaders in the settings
    letter: bool  # 信函格式 (10.1)


def read_section(package: DocxPackage, document: Any, settings: Any) -> Section:
    sections = list(document.iter(*w_tags("sectPr")))
    if len(sections) > 1 and _starts_even_page(sections[-1]):
        sections.pop()  # the 版记's own page (7.4), which carries no page number (7.5)
    last = sections[-1] if sections else None
    footers = _footers(package, last) if last is not None else {}
    title_page = last is not None and _on(w_child(last, "titlePg"))
    unnumbered_first = title_page and (
        "first" not in footers or _alignment(footers["first"]) is None
    )
    letter = unnumbered_first and _placed_at(document, LETTER_MARK_TOP_MM)
    even_and_odd = settings is not None and _on(w_child(settings, "evenAndOddHeaders"))
    return Section(footers, title_page, even_and_odd, letter)


def _starts_even_page(section: Any) -> bool:
    kind = w_child(section, "type")
    return kind is not None and w_attr(kind, "val") == "evenPage"


def _on(element: Any) -> bool:
    return element is not None and (w_attr(element, "val") or "1") not in ("0", "false", "off")


def _placed_at(document: Any, top_mm: float) -> bool:
    """Is an object anchored ``top_mm`` (± 1 mm) below the paper's top edge?"""
    for position in document.iter(f"{{{_WP}}}positionV"):
        if position.get("relativeFrom") != "page":
            continue
        offset = position.find(f"{{{_WP}}}posOffset")
        text = (offset.text or "").strip() if offset is not None else ""
        if text.lstrip("-").isdigit() and abs(int(text) / _EMU_PER_MM - top_mm) <= 1:
            return True
    return False


def _footers(package: DocxPackage, section: Any) -> dict[str, Any]:
    rels = {rel.rel_id: rel.target for rel in package.rels(package.main_part)}
    found: dict[str, Any] = {}
    for ref in section.iter(*w_tags("footerReference")):
        rid = next((v for k, v in ref.attrib.items() if k.endswith("}id")), None)
        target = rels.get(rid or "")
        if target and package.has(target):
            found[w_attr(ref, "type") or "default"] = package.xml(target)
    return found


def _alignment(footer: Any) -> str | None:
    """The alignment of the footer paragraph holding a PAGE field; None: no page number."""
    for p in footer.iter(*w_tags("p")):
        if "PAGE" in "".join(t.text or "" for t in p.iter(*w_tags("instrText"))) or any(
            "PAGE" in (w_attr(f, "instr") or "") for f in p.iter(*w_tags("fldSimple"))
        ):
            ppr = w_child(p, "pPr")
            jc = w_child(ppr, "jc") if ppr is not None else None
            return w_attr(jc, "val") if jc is not None else "left"
    return None


def _f(rule: str, clause: str, message: str) -> Finding:
    return Finding("structure", rule, clause, "error", message)


def page_numbers(section: Section) -> list[Finding]:
    """Page numbers on every page (the first of a 信函 excepted), odd right, even left (7.5)."""
    footers = section.footers
    odd = _alignment(footers["default"]) if "default" in footers else None
    if odd is None:
        return [_f("page-number", "7.5", "页脚中没有页码（PAGE 域）。")]
    out: list[Finding] = []
    if section.title_page and not section.letter:
        first = _alignment(footers["first"]) if "first" in footers else None
        if first is None:
            out.append(_f("page-number-first", "7.5",
                          "设置了“首页不同”且首页页脚没有页码：除信函格式外，公文首页也要标页码。"))  # fmt: skip
    even = _alignment(footers["even"]) if "even" in footers else None
    if not section.even_and_odd or even is None:
        out.append(_f("page-number-side", "7.5",
                      "没有设置“奇偶页不同”的页脚：国标要求单页页码居右、双页页码居左。"))  # fmt: skip
    if odd not in ("right", "end"):
        out.append(_f("page-number-side", "7.5", f"单页页码对齐方式为 {odd}，应居右空一字。"))
    if even is not None and even not in ("left", "start"):
        out.append(_f("page-number-side", "7.5", f"双页页码对齐方式为 {even}，应居左空一字。"))
    return out
