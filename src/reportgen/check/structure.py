"""The structure tier: a .docx's own settings against GB/T 9704-2012, clause by clause.

Reads the package through the OOXML layer (:mod:`reportgen.ooxml`); works for any .docx, ours or
one reformatted by hand in Word. Values are compared with a tolerance of 1 mm (clause 6.1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportgen.check.findings import Finding
from reportgen.check.placement import check_imprint, check_placement
from reportgen.check.sections import Section, page_numbers, read_section
from reportgen.check.styles import Styles, descend, direct, east_asia, size_of, text_of
from reportgen.layouts.gbt9704 import PAGE as L
from reportgen.layouts.gbt9704 import Page
from reportgen.ooxml.names import w_attr, w_child, w_tags
from reportgen.ooxml.package import DocxPackage

_MM = L.MM  # twips per mm
#: Accepted eastAsia families per role: the official font, and the Windows font Word uses for it.
FONTS = {
    "title": ("方正小标宋简体", "方正小标宋_GBK", "小标宋"),
    "body": ("仿宋_GB2312", "仿宋", "FangSong_GB2312", "FangSong"),
    "heading1": ("黑体", "SimHei"),
    "heading2": ("楷体_GB2312", "楷体", "KaiTi_GB2312", "KaiTi"),
}
ROLE_NAMES = {"title": "标题", "body": "正文", "heading1": "一级标题", "heading2": "二级标题"}
ROLE_CLAUSE = {"title": "7.3.1", "body": "7.3.3", "heading1": "7.3.3", "heading2": "7.3.3"}
ROLE_SIZE = {"title": 44, "body": 32, "heading1": 32, "heading2": 32}  # half-points
#: The roles of our own styles; a document in them is read by style, not by guessing.
OUR_ROLES = {
    L.STYLE_TITLE: "title",
    L.STYLE_BODY: "body",
    L.STYLE_HEADINGS[0]: "heading1",
    L.STYLE_HEADINGS[1]: "heading2",
}
_H1 = re.compile(r"[一二三四五六七八九十]+、")
_H2 = re.compile(r"（[一二三四五六七八九十]+）")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def _f(tier_rule: str, clause: str, severity: str, message: str) -> Finding:
    return Finding("structure", tier_rule, clause, severity, message)


def check_structure(path: Path, page: Page = L) -> tuple[list[Finding], Section]:
    """Every deviation of the file's settings, and what the measured tier needs to know of its
    section (a 信函?); raises UsageError if it is not a readable .docx."""
    with DocxPackage(path) as package:
        document = package.xml(package.main_part)
        styles = Styles(package.xml("word/styles.xml") if package.has("word/styles.xml") else None)
        settings = package.xml("word/settings.xml") if package.has("word/settings.xml") else None
        section = read_section(package, document, settings)
    body = w_child(document, "body")
    findings = _page(body, page)
    findings += _fonts(body, styles)
    findings += page_numbers(section)
    findings += _date(body)
    findings += check_placement(body, styles, page)
    findings += check_imprint(document, styles, section.letter, page)
    return findings, section


def _page(body: Any, page: Page) -> list[Finding]:
    sections = list(body.iter(*w_tags("sectPr"))) if body is not None else []
    if not sections:
        return [_f("page-setup", "5.2.1", "error", "文档没有页面设置（w:sectPr）。")]
    sect = sections[-1]
    out: list[Finding] = []
    size, margins = w_child(sect, "pgSz"), w_child(sect, "pgMar")
    wanted = [
        (size, "w", page.PAGE_WIDTH, "纸张宽度", "5.1"),
        (size, "h", page.PAGE_HEIGHT, "纸张高度", "5.1"),
        (margins, "top", page.MARGIN_TOP, "上边距（天头）", "5.2.1"),
        (margins, "bottom", page.MARGIN_BOTTOM, "下边距", "5.2.1"),
        (margins, "left", page.MARGIN_LEFT, "左边距（订口）", "5.2.1"),
        (margins, "right", page.MARGIN_RIGHT, "右边距", "5.2.1"),
    ]
    for element, attr, value, name, clause in wanted:
        raw = w_attr(element, attr) if element is not None else None
        actual = int(raw) if raw and raw.lstrip("-").isdigit() else None
        if actual is None or abs(actual - value) > _MM:
            shown = "未设置" if actual is None else f"{actual / _MM:.1f} mm"
            out.append(
                _f("page-setup", clause, "error",
                   f"{name}为 {shown}，国标为 {value / _MM:.0f} mm（允许误差 1 mm）。")
            )  # fmt: skip
    grid = w_child(sect, "docGrid")
    pitch = w_attr(grid, "linePitch") if grid is not None else None
    if pitch is None or abs(int(pitch) - page.LINE_PITCH) > 12:
        out.append(
            _f("grid", "5.2.3", "warning",
               f"文档网格行距为 {pitch or '未设置'}（缇），每页 {page.LINES_PER_PAGE} 行需 {page.LINE_PITCH}（28.95 磅）。")
        )  # fmt: skip
    return out


def _role(text: str) -> str:
    if _H1.match(text):
        return "heading1"
    if _H2.match(text):
        return "heading2"
    return "body"


def _fonts(body: Any, styles: Styles) -> list[Finding]:
    out: list[Finding] = []
    reported: set[tuple[str, str]] = set()
    ours = any(name.startswith("RG ") for name in styles.names.values())
    first = True
    # Paragraphs of the body itself: table cells (forms, 附件 tables) have no role here.
    for p in (child for child in body if child.tag in w_tags("p")) if body is not None else ():
        text = text_of(p).strip()
        if not text:
            continue
        ppr = w_child(p, "pPr")
        style_el = w_child(ppr, "pStyle") if ppr is not None else None
        style_id = w_attr(style_el, "val") if style_el is not None else None
        style_name = styles.names.get(style_id or styles.default_id, "")
        if ours:
            # Our styles say the role; other elements (份号, 发文机关标志, 出席…) are RG Body with
            # formatting of their own, which the formal writer checks itself.
            role_or_none = OUR_ROLES.get(style_name)
            if role_or_none is None:
                continue
            role = role_or_none
        else:
            role = "title" if first else _role(text)
        first = False
        font, size = styles.resolve(style_id)
        run = next((r for r in p.iter(*w_tags("r")) if text_of(r).strip()), None)
        rpr = w_child(run, "rPr") if run is not None else None
        if not ours or role != "body":
            font, size = east_asia(rpr) or font, size_of(rpr) or size
        if font not in FONTS[role] and (role, str(font)) not in reported:
            reported.add((role, str(font)))
            out.append(
                _f("font", ROLE_CLAUSE[role], "error",
                   f"{ROLE_NAMES[role]}“{text[:12]}”的中文字体为 {font or '未设置'}，"
                   f"国标为 {FONTS[role][0]}。")
            )  # fmt: skip
        if role.startswith("heading") and ("outline", role) not in reported:
            level = direct(ppr, "outlineLvl", "val") or styles.paragraph_value(
                style_id, "outlineLvl", "val"
            )
            wanted = "0" if role == "heading1" else "1"
            if level != wanted:
                reported.add(("outline", role))
                out.append(
                    _f("outline-level", "7.3.3", "warning",
                       f"{ROLE_NAMES[role]}“{text[:12]}”的大纲级别为 {_level(level)}，应为 "
                       f"{int(wanted) + 1} 级，Word 的导航窗格才能显示它。")
                )  # fmt: skip
        if role == "body" and style_name not in _NOT_INDENTED and ("indent", role) not in reported:
            indent = direct(ppr, "ind", "firstLine") or styles.paragraph_value(
                style_id, "ind", "firstLine"
            )
            chars = direct(ppr, "ind", "firstLineChars") or styles.paragraph_value(
                style_id, "ind", "firstLineChars"
            )
            ok = chars == "200" if chars not in (None, "0") else 560 <= int(indent or 0) <= 680
            if not ok:
                reported.add(("indent", role))
                out.append(
                    _f("first-line-indent", "7.3.3", "error",
                       f"正文“{text[:12]}”首行没有缩进两字。")
                )  # fmt: skip
        out += _placeholders(p, text)
        if size != ROLE_SIZE[role] and (role, f"sz{size}") not in reported:
            reported.add((role, f"sz{size}"))
            out.append(
                _f("font-size", ROLE_CLAUSE[role], "error",
                   f"{ROLE_NAMES[role]}“{text[:12]}”的字号为 {(size or 0) / 2:g} 磅，"
                   f"国标为 {ROLE_SIZE[role] / 2:g} 磅。")
            )  # fmt: skip
    return out


_NOT_INDENTED = {L.STYLE_RECIPIENT, L.STYLE_SIGNATURE, L.STYLE_DATE}


def _level(value: str | None) -> str:
    return "正文文本" if value is None or not value.isdigit() else f"{int(value) + 1} 级"


def _placeholders(p: Any, text: str) -> list[Finding]:
    """Placeholders left in the text must be highlighted, so they are seen on screen and paper."""
    from reportgen.gongwen.placeholders import find_placeholders

    marked: list[bool] = []
    for run in p.iter(*w_tags("r")):
        highlight = descend(run, "rPr", "highlight")
        on = highlight is not None and (w_attr(highlight, "val") or "none") != "none"
        marked += [on] * len(text_of(run))
    full = "".join(text_of(run) for run in p.iter(*w_tags("r")))
    out = []
    for match in find_placeholders(full):
        if not all(marked[match.start : match.end]):
            out.append(
                Finding("structure", "placeholder-highlight", "", "warning",
                        f"占位符“{match.text}”（“{text[:12]}…”段）没有黄色高亮，打印后容易漏填。")
            )  # fmt: skip
    return out


def _date(body: Any) -> list[Finding]:
    texts: Sequence[str] = (
        [text_of(p).strip() for p in body.iter(*w_tags("p"))] if body is not None else []
    )
    for text in reversed(texts):
        match = _DATE.fullmatch(text)
        if match:
            if match[2].startswith("0") or match[3].startswith("0"):
                return [_f("date-format", "7.3.5.4", "error",
                           f"成文日期“{text}”的月、日不应补零。")]  # fmt: skip
            return []
    return []
