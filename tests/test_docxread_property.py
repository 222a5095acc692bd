"""Property tests: random Word-shaped drafts read back exactly; damaged files only ever UsageError."""

from __future__ import annotations

import contextlib
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from docx_builders import (
    DocxBuilder,
    deleted,
    field,
    hyperlink,
    inline_control,
    inserted,
    para,
    run,
    tab,
    table,
)
from reportgen.docx import Mark, annotate_docx, read_docx
from reportgen.errors import UsageError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = st.text(alphabet="*＊.,X×x万个项%＆&<>\"' 一二三中文0123456789", max_size=8)


@st.composite
def inline(draw: st.DrawFn) -> tuple[str, str]:
    """(XML, the text a reader sees) for one piece of paragraph content."""
    value = draw(TEXT)
    kind = draw(st.sampled_from(["run", "bold", "ins", "del", "field", "link", "control", "tab"]))
    if kind == "run":
        return run(value), value
    if kind == "bold":
        return run(value, bold=True), value
    if kind == "ins":
        return inserted(run(value)), value
    if kind == "del":
        return deleted(value or "删"), ""
    if kind == "field":
        junk = draw(TEXT)
        return field(f" REF 书签 {junk} \\* MERGEFORMAT ", value or "1"), value or "1"
    if kind == "link":
        return hyperlink("rIdLink", run(value)), value
    if kind == "control":
        return inline_control(run(value)), value
    return tab(), "\t"


@st.composite
def paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    pieces = draw(st.lists(inline(), max_size=6))
    return para(*(xml for xml, _ in pieces)), ["".join(seen for _, seen in pieces)]


def block(depth: int) -> st.SearchStrategy[tuple[str, list[str]]]:
    if depth == 0:
        return paragraph()
    return st.one_of(paragraph(), tables(depth))


@st.composite
def tables(draw: st.DrawFn, depth: int) -> tuple[str, list[str]]:
    rows = draw(st.lists(st.lists(st.lists(block(depth - 1), min_size=1, max_size=2),
                                  min_size=1, max_size=2), min_size=1, max_size=2))  # fmt: skip
    # a table cell must end with a paragraph, as Word writes it
    cells = [[[*blocks, (para(), [""])] if not blocks[-1][0].startswith("<w:p ") else blocks
              for blocks in row] for row in rows]  # fmt: skip
    xml = table(*[["".join(x for x, _ in blocks) for blocks in row] for row in cells])
    texts = [t for row in cells for blocks in row for _, ts in blocks for t in ts]
    return xml, texts


DOCUMENTS = st.lists(block(2), min_size=1, max_size=6)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build(blocks: list[tuple[str, list[str]]], folder: Path) -> Path:
    builder = DocxBuilder().hyperlink_target("rIdLink", "https://example.org/")
    builder.add(*(xml for xml, _ in blocks))
    return builder.save(folder / "random.docx")


@SETTINGS
@given(DOCUMENTS)
def test_random_drafts_read_back_exactly(blocks: list[tuple[str, list[str]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paragraphs = read_docx(build(blocks, Path(folder)))
    assert [p.text for p in paragraphs] == [t for _, texts in blocks for t in texts]
    assert [p.number for p in paragraphs] == list(range(1, len(paragraphs) + 1))


@SETTINGS
@given(DOCUMENTS, st.data())
def test_random_marks_highlight_their_text(blocks: list[tuple[str, list[str]]],
                                           data: st.DataObject) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = build(blocks, folder)
        paragraphs = [p for p in read_docx(source) if p.text]
        if not paragraphs:
            return
        target = data.draw(st.sampled_from(paragraphs))
        start = data.draw(st.integers(0, len(target.text) - 1))
        end = data.draw(st.integers(start + 1, len(target.text)))
        annotate_docx(source, folder / "out.docx", [Mark(target.number, start, end, "查", "r")])
        assert [p.text for p in read_docx(folder / "out.docx")] == [
            p.text for p in read_docx(source)
        ]
        assert highlighted_text(folder / "out.docx") == target.text[start:end]


def highlighted_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    shown = {f"{W}t": None, f"{W}tab": "\t"}
    return "".join(
        child.text or "" if shown[child.tag] is None else shown[child.tag]
        for r in root.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}highlight") is not None
        for child in r
        if child.tag in shown
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_files_only_ever_raise_usage_error(damage: list[tuple[int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = build([(para(run("正文 *.**")), ["正文 *.**"])], folder)
        data = bytearray(source.read_bytes())
        for position, value in damage:
            data[position % len(data)] = value
        source.write_bytes(bytes(data))
        with contextlib.suppress(UsageError):
            read_docx(source)
