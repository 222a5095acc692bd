"""Opening the reference template (packaged or the user's) and finding its styles by name."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import UsageError

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle

TEMPLATE_HINT = (
    "请以 reportgen 自带的参考模板 templates/docx/reference.docx 为基础修改，"
    "不要删除或改名以“RG ”开头的样式。"
)
_THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def packaged_template_bytes() -> bytes:
    package = Path(__file__).resolve().parent.parent.parent  # reportgen/
    return (package / "templates" / "docx" / "reference.docx").read_bytes()


def checked_template_bytes(template: Path) -> bytes:
    """The bytes of a user's template, once its package has passed every check a draft passes
    (bounded sizes, safe entry names, no encryption, no DOCTYPE in any XML part): what we copy
    from it into a report is then safe to copy."""
    from reportgen.limits import read_file
    from reportgen.ooxml.package import open_package, parse_xml, read_entry

    if not template.exists():
        raise UsageError.at("找不到模板文件。", template, hint="请检查 --template 后的路径。")
    try:
        archive, infos = open_package(template)
        with archive:
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    parse_xml(read_entry(archive, info, template), template, info.filename)
        return read_file(template, limit="package_bytes")
    except UsageError as error:
        problem = error.problems[0]
        raise UsageError.at(
            f"模板不是可读的 Word 文档（.docx）：{problem.message}",
            template,
            hint=problem.hint,
        ) from None


def template_bytes(template: Path | None) -> bytes:
    """The packaged template's bytes, or a user's template's once checked."""
    return packaged_template_bytes() if template is None else checked_template_bytes(template)


def open_template(template: Path | None, data: bytes) -> DocxDocument:
    """The template ``data`` (of :func:`template_bytes`) as a python-docx document; a clear
    UsageError if it cannot be one."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from reportgen.ooxml.xml import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise UsageError.at(
            "模板不是可读的 Word 文档（.docx）。",
            template,
            hint="请在 Word 或 WPS 中把模板另存为“Word 文档 (*.docx)”后再试。" + TEMPLATE_HINT,
        ) from exc
    if not len(document.sections):
        raise UsageError.at(
            "模板中没有页面设置（w:sectPr），无法排版。",
            template,
            hint="请在 Word 中打开模板，检查“布局 → 页面设置”后另存；" + TEMPLATE_HINT,
        )
    _drop_theme_fonts(document)
    return document


def _drop_theme_fonts(document: DocxDocument) -> None:
    """Theme font attributes win over w:ascii/w:eastAsia in Word; a template re-saved by Word
    may carry them in docDefaults or styles, so they are removed and the named fonts rule."""
    from docx.oxml.ns import qn

    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for name in _THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(f"w:{name}"), None)


def paragraph_styles(
    document: DocxDocument, names: Iterable[str], template: Path | None
) -> dict[str, ParagraphStyle]:
    """Look up paragraph styles by their names; one UsageError naming every missing style."""
    by_name = _paragraph_styles(document)
    check_styles({name: name for name in by_name}, names, template)
    return {name: by_name[name] for name in sorted(set(names))}


def style_ids(document: DocxDocument) -> dict[str, str]:
    """Every paragraph style's name with its id (Word renames ids when it saves a template)."""
    return {name: style.style_id for name, style in _paragraph_styles(document).items()}


def check_styles(
    ids: dict[str, str], names: Iterable[str], template: Path | None
) -> dict[str, str]:
    """The ids of the styles ``names``; one UsageError naming every style the template lacks."""
    wanted = sorted(set(names))
    missing = [name for name in wanted if name not in ids]
    if missing:
        listed = "、".join(f"“{name}”" for name in missing)
        raise UsageError.at(f"模板缺少段落样式 {listed}。", template, hint=TEMPLATE_HINT)
    return {name: ids[name] for name in wanted}


def _paragraph_styles(document: DocxDocument) -> dict[str, ParagraphStyle]:
    from docx.enum.style import WD_STYLE_TYPE

    return {
        style.name: style
        for style in document.styles
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name
    }
