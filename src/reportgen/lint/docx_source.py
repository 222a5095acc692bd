"""Word documents as lint sources, read through :mod:`reportgen.docx`.

Each paragraph a reader sees is one unit: its line is the paragraph's number in reading order,
its column the 1-based character offset in the paragraph's text, and its location where it
stands (正文, 页眉, 表格1 …). Automatic list labels ("二、") come along for the heading rule.

A paragraph number is nothing Word shows, so each paragraph also gets a *context*: the heading
of the section it stands in, its place under that heading and its first words — what a reader
finds with Ctrl+F or by scrolling, whatever the page breaks.
"""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import patterns
from reportgen.errors import Problem, ReportgenError, UsageError
from reportgen.lint.source import Source

if TYPE_CHECKING:
    from reportgen.docx import DocxParagraph


def read_docx_source(path: Path, shown: str) -> Source:
    from reportgen.docx import each_docx_paragraph

    source = Source(shown)
    contexts = _Contexts()
    source.context_of = contexts.of

    def add(paragraph: DocxParagraph) -> None:
        contexts.add(paragraph)
        source.add_unit(
            paragraph.text,
            [(0, paragraph.number, 1)],
            location=paragraph.location,
            label=paragraph.label,
            split_paragraphs=False,
        )

    try:
        each_docx_paragraph(path, add)  # one paragraph at a time: no list of them all
    except ReportgenError as error:
        # name the file as the user gave it
        raise type(error)(*(_renamed(problem, shown) for problem in error.problems)) from None
    except Exception as error:  # a reader bug must not become a traceback for the user
        raise UsageError.at(f"无法读取该 Word 文档（{type(error).__name__}）", shown) from error
    return source.finish()


class _Contexts:
    """Each paragraph's context, kept as two numbers (its heading, its place under it) and
    worked out into words only for the paragraphs a finding names."""

    def __init__(self) -> None:
        self.headings = [""]
        self.heading_of = array("i")  # per paragraph: index into headings, 0 for none
        self.count_of = array("i")  # per paragraph: its place under the heading; -1: a heading
        self.labels: dict[int, str] = {}
        self.count = 0

    def add(self, paragraph: DocxParagraph) -> None:
        if paragraph.label:
            self.labels[paragraph.number] = paragraph.label
        shown_text = (paragraph.label + paragraph.text).strip()
        in_body = paragraph.location not in _RUNNING
        if in_body and _is_section_heading(paragraph.outline_level, shown_text):
            self.headings.append(_words(shown_text, 20))
            self.count = 0
            self.heading_of.append(len(self.headings) - 1)
            self.count_of.append(-1)
            return
        self.count += bool(shown_text) and in_body
        self.heading_of.append(len(self.headings) - 1 if in_body else 0)
        self.count_of.append(self.count)

    def of(self, source: Source, number: int) -> str | None:
        if not 1 <= number <= len(self.count_of):
            return None
        heading, count = self.headings[self.heading_of[number - 1]], self.count_of[number - 1]
        if count < 0:
            return f"标题“{heading}”"
        text = (self.labels.get(number, "") + source.unit_text(number)).strip()
        return _context(heading, count, text)


_RUNNING = frozenset({"页眉", "页脚"})
# 一、 and （一） headings of 公文 (short lines), and 附件 lines, open a section.
_SECTION_HEADING = patterns.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|附\s*件)"
)


def _is_section_heading(outline_level: int | None, text: str) -> bool:
    if outline_level is not None and 1 <= outline_level <= 3 and text:
        return True
    return len(text) <= 40 and _SECTION_HEADING.match(text) is not None


def _context(heading: str, count: int, text: str) -> str | None:
    first = f"段首“{_words(text, 12)}”" if text else "空段落"
    return f"标题“{heading}”下第{count}段，{first}" if heading and count else first


def _words(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _renamed(problem: Problem, shown: str) -> Problem:
    return problem._replace(path=shown)
