"""Build the docxtpl template that the anchor fills: reportgen's official styles, docxtpl tags.

A docxtpl user would take the office's reference .docx, delete its body and type Jinja tags into
styled paragraphs. This script does exactly that from ``templates/docx/reference.docx`` (page set-up,
headers/footers and styles are kept, since they live outside the body's paragraphs), so docxtpl,
pandoc and reportgen lay out the same report with the same styles.

Usage: python make_docxtpl_template.py REFERENCE.docx OUT.docx
(REFERENCE may be missing or not yet a real .docx: python-docx's default template is used then.)
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

# Candidate style names per role, best first: the reference's own names if it has them, then
# the built-in ones Word and pandoc use.
STYLE_CANDIDATES = {
    "title": ["RG Title", "Title"],
    "heading1": ["RG Heading 1", "Heading 1"],
    "heading2": ["RG Heading 2", "Heading 2"],
    "body": ["RG Body", "Body Text", "Normal"],
    "recipient": ["RG Recipient", "Normal"],
    "signature": ["RG Signature", "Normal"],
    "date": ["RG Date", "Normal"],
}


def style_names(reference: Path) -> dict[str, str]:
    """The style each role uses in ``reference`` (pandoc's defaults where it has none)."""
    names = {s.name for s in docx.Document(str(reference)).styles} if _is_docx(reference) else set()
    return {
        role: next((n for n in candidates if n in names), candidates[-1])
        for role, candidates in STYLE_CANDIDATES.items()
    }


def _style(document, role: str):  # type: ignore[no-untyped-def]
    names = {s.name for s in document.styles}
    for name in STYLE_CANDIDATES[role]:
        if name in names:
            return document.styles[name]
    return document.styles["Normal"]


def _is_docx(path: Path) -> bool:
    return path.is_file() and zipfile.is_zipfile(path)


def build(reference: Path, out: Path) -> Path:
    document = docx.Document(str(reference)) if _is_docx(reference) else docx.Document()
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)

    def add(role: str, text: str, align=None):  # type: ignore[no-untyped-def]
        paragraph = document.add_paragraph(text, style=_style(document, role))
        if align is not None:
            paragraph.alignment = align
        return paragraph

    add("title", "{{ title }}", WD_ALIGN_PARAGRAPH.CENTER)
    add("body", "{%p if recipient %}")
    add("recipient", "{{ recipient }}：")
    add("body", "{%p endif %}")
    add("body", "{%p for p in preamble %}")
    add("body", "{{ p }}")
    add("body", "{%p endfor %}")
    add("body", "{%p for s in sections %}")
    add("heading1", "{{ s.number }}{{ s.heading }}")
    add("body", "{%p for p in s.paragraphs %}")
    add("body", "{{ p }}")
    add("body", "{%p endfor %}")
    add("body", "{%p for sub in s.subsections %}")
    add("heading2", "{{ sub.number }}{{ sub.heading }}")
    add("body", "{%p for p in sub.paragraphs %}")
    add("body", "{{ p }}")
    add("body", "{%p endfor %}")
    add("body", "{%p endfor %}")
    add("body", "{%p endfor %}")
    add("body", "{%p for p in closing %}")
    add("body", "{{ p }}")
    add("body", "{%p endfor %}")
    add("signature", "{{ issuer }}", WD_ALIGN_PARAGRAPH.RIGHT)
    add("date", "{{ date }}", WD_ALIGN_PARAGRAPH.RIGHT)
    # docx appends new paragraphs before sectPr already; keep sectPr last all the same.
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.docx")
    document.save(str(tmp))
    tmp.replace(out)
    return out


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
