"""Reading .docx drafts as a reader sees them, and annotating a copy.

``read_docx`` and ``annotate_docx`` import lxml only when called, so importing this package is
cheap (the CLI's ``--help`` stays fast).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportgen.docx.model import DocxParagraph, Mark

__all__ = ["DocxParagraph", "Mark", "annotate_docx", "read_docx"]


def read_docx(path: Path) -> list[DocxParagraph]:
    """The paragraphs of the .docx at ``path`` in reading order (see :class:`DocxParagraph`).

    Raises :class:`reportgen.errors.UsageError` for a file that cannot be read (missing, empty,
    not a .docx, corrupt, hostile), never anything else.
    """
    from reportgen.docx.read.reader import read_docx as read

    return read(Path(path))


def annotate_docx(source: Path, out: Path, marks: Sequence[Mark]) -> None:
    """Write a copy of ``source`` to ``out`` with each mark highlighted and commented.

    See :func:`reportgen.docx.annotate.annotate_docx`.
    """
    from reportgen.docx.annotate import annotate_docx as annotate

    annotate(Path(source), Path(out), marks)
