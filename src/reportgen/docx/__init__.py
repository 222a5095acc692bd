"""Reading .docx drafts as a reader sees them, and annotating a copy.

``read_docx`` and ``annotate_docx`` import lxml only when called, so importing this package is
cheap (the CLI's ``--help`` stays fast).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from reportgen.docx.model import DocxParagraph, Mark

__all__ = ["DocxParagraph", "Mark", "annotate_docx", "each_docx_paragraph", "read_docx"]


def read_docx(path: Path) -> list[DocxParagraph]:
    """The paragraphs of the .docx at ``path`` in reading order (see :class:`DocxParagraph`).

    Raises :class:`reportgen.errors.UsageError` for a file that cannot be read (missing, empty,
    not a .docx, corrupt, hostile), never anything else.
    """
    from reportgen.docx.read.reader import read_docx as read

    return read(Path(path))


def each_docx_paragraph(path: Path, sink: Callable[[DocxParagraph], None]) -> None:
    """Hand each paragraph :func:`read_docx` would return to ``sink`` as soon as it is read, in
    the same order, keeping none: a long document is read in bounded memory. Raises as
    :func:`read_docx` does; paragraphs read before the failure have been handed over."""
    from reportgen.docx.read.reader import each_docx_paragraph as each

    each(Path(path), sink)


def annotate_docx(source: Path, out: Path, marks: Sequence[Mark]) -> None:
    """Write a copy of ``source`` to ``out`` with each mark highlighted and commented.

    See :func:`reportgen.docx.annotate.annotate_docx`.
    """
    from reportgen.docx.annotate import annotate_docx as annotate

    annotate(Path(source), Path(out), marks)


def __getattr__(name: str) -> Any:
    """:class:`DocxParagraph` and :class:`Mark`, imported when first asked for: a render
    imports this package for its writer and needs neither."""
    if name in ("DocxParagraph", "Mark"):
        from reportgen.docx import model

        return getattr(model, name)
    raise AttributeError(name)
