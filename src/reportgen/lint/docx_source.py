"""Word documents as lint sources, read through :mod:`reportgen.docx`.

Each paragraph a reader sees is one unit: its line is the paragraph's number in reading order,
its column the 1-based character offset in the paragraph's text, and its location where it
stands (正文, 页眉, 表格1 …). Automatic list labels ("二、") come along for the heading rule.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.lint.source import Source


def read_docx_source(path: Path, shown: str) -> Source:
    from reportgen.docx import read_docx

    try:
        paragraphs = read_docx(path)
    except ReportgenError as error:
        # name the file as the user gave it
        raise type(error)(*(_renamed(problem, shown) for problem in error.problems)) from None
    except Exception as error:  # a reader bug must not become a traceback for the user
        raise UsageError.at(f"无法读取该 Word 文档（{type(error).__name__}）", shown) from error
    source = Source(shown)
    for paragraph in paragraphs:
        source.add_unit(
            paragraph.text,
            [(0, paragraph.number, 1)],
            location=paragraph.location,
            label=paragraph.label,
            split_paragraphs=False,
        )
    return source.finish()


def _renamed(problem: Problem, shown: str) -> Problem:
    return replace(problem, path=shown)
