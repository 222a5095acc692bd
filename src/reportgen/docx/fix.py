"""Writing a copy of a draft with text replaced in place: ``lint --fix`` for .docx.

Each edit names a paragraph (``read_docx`` numbering) and a span of its text. The span's text
elements are split at its ends as for annotations, the first one takes the new text and the
others are emptied, so every character keeps the run (and so the formatting) it had. Only spans
made of plain text elements are edited; one that covers a tab, a break, a symbol or a field is
skipped and reported back. The source is never written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportgen.docx.annotate import _isolate, _local, _write_zip
from reportgen.docx.read.reader import DocxReader


@dataclass(frozen=True)
class Edit:
    paragraph: int  # 1-based, as read_docx numbers paragraphs
    start: int  # 0-based offsets into the paragraph's text
    end: int
    text: str


def fix_docx(source: Path, out: Path, edits: Sequence[Edit]) -> list[Edit]:
    """Write ``source`` with ``edits`` applied to ``out``; return the edits that were applied."""
    from reportgen.ooxml.package import DocxPackage
    from reportgen.ooxml.xml import serialize

    applied: list[Edit] = []
    with DocxPackage(source) as package:
        reader = DocxReader(package, keep_map=True)
        paragraphs = reader.read()
        changed: set[str] = set()
        # from the end of each paragraph backwards: earlier offsets stay valid
        for edit in sorted(edits, key=lambda e: (e.paragraph, e.start), reverse=True):
            if not 1 <= edit.paragraph <= len(paragraphs):
                continue
            paragraph = paragraphs[edit.paragraph - 1]
            if not 0 <= edit.start < edit.end <= len(paragraph.info.text):
                continue
            covered = _isolate(paragraph.pieces, edit.start, edit.end)
            if not covered or any(_local(element) != "t" for element in covered):
                continue
            covered[0].text = edit.text
            for element in covered[1:]:
                element.text = ""
            for piece in paragraph.pieces:
                if piece[0] in covered:
                    piece[1] = piece[0].text or ""
            changed.add(paragraph.part)
            applied.append(edit)
        replaced = {part: serialize(reader.roots[part]) for part in changed}
        _write_zip(package, replaced, out)
    return sorted(applied, key=lambda e: (e.paragraph, e.start))
