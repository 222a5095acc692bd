"""Reading streams a draft's body (one top-level block held at a time) unless the elements are
needed; the streamed read must give exactly what the read of the whole tree gives."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given

from docx_builders import DocxBuilder, para, run, word_shapes
from reportgen.docx import DocxParagraph, each_docx_paragraph, read_docx
from reportgen.docx.read.reader import open_and_read
from reportgen.errors import UsageError
from test_docxread_property import DOCUMENTS, SETTINGS, build

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted([*ROOT.glob("tests/fixtures/**/*.docx"), *ROOT.glob("corpus/**/*.docx")])


def whole_tree(path: Path) -> list[DocxParagraph]:
    """The paragraphs as read from the whole tree (what annotating and fixing read)."""
    return [paragraph.info for paragraph in open_and_read(path, keep_map=True).paragraphs]


def streamed(path: Path) -> list[DocxParagraph]:
    handed: list[DocxParagraph] = []
    each_docx_paragraph(path, handed.append)
    return handed


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_streamed_read_equals_whole_tree_read(path: Path) -> None:
    expected = whole_tree(path)
    assert expected, "a draft with no paragraphs tests nothing"
    assert read_docx(path) == expected
    assert streamed(path) == expected


@pytest.mark.parametrize("strict", [False, True], ids=["transitional", "strict"])
def test_every_shape_streams_alike(tmp_path: Path, strict: bool) -> None:
    path = word_shapes().save(tmp_path / "shapes.docx", strict=strict)
    expected = whole_tree(path)
    assert {p.location for p in expected} >= {"正文", "表格1", "文本框", "页眉", "页脚", "脚注1"}
    assert read_docx(path) == expected == streamed(path)


@SETTINGS
@given(DOCUMENTS)
def test_random_drafts_stream_alike(blocks: list[tuple[str, list[str]]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build(blocks, Path(folder))
        assert read_docx(path) == whole_tree(path)


def test_a_broken_body_is_refused_with_the_part_named(tmp_path: Path) -> None:
    good = DocxBuilder().add(para(run("第一段")), para(run("第二段"))).save(tmp_path / "a.docx")
    import zipfile

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut off inside the body
            target.writestr(info, data)
    with pytest.raises(UsageError) as caught:
        read_docx(broken)
    assert "word/document.xml 不是有效的 XML" in str(caught.value.problems[0])
    handed: list[DocxParagraph] = []
    with pytest.raises(UsageError):
        each_docx_paragraph(broken, handed.append)


def _document_parts() -> list[tuple[str, bytes]]:
    import zipfile

    parts = []
    for path in DRAFTS:
        with zipfile.ZipFile(path) as archive:
            parts.append((path.name, archive.read("word/document.xml")))
    return parts


def _mark_every_paragraph(element: object) -> None:
    """A change of the kind annotating makes, inside one top-level block."""
    from reportgen.ooxml.names import w_tags

    for paragraph in element.iter(*w_tags("p")):  # type: ignore[attr-defined]
        paragraph.set("marked", "1")
        paragraph.append(paragraph.makeelement(paragraph.tag, {}))


@pytest.mark.parametrize("change", [False, True], ids=["as-is", "changed"])
def test_streamed_part_is_written_as_the_whole_tree_is_serialized(change: bool) -> None:
    import io

    from reportgen.ooxml.names import w_tags
    from reportgen.ooxml.xml import iter_children, parse, serialize

    samples = [
        *_document_parts(),
        ("tails and comments", b'<?xml version="1.0"?>\n<w:document xmlns:w="urn:w" '
         b'xmlns:x="urn:x"><w:body>\n  <w:p/> &amp; <!-- note --><w:tbl xmlns:y="urn:y">'
         b"<w:tr/></w:tbl>\n<w:p>a&lt;b</w:p><w:sectPr/><!--end--></w:body>\n</w:document>"),
        ("empty body", b'<w:document xmlns:w="urn:w"><w:body/></w:document>'),
        ("after the body", b'<w:document xmlns:w="urn:w"><w:body><w:p/></w:body><w:x/></w:document>'),
    ]  # fmt: skip
    for name, data in samples:
        tags = (*w_tags("body"), "{urn:w}body")
        whole = parse(data)
        if change:
            for body in whole:
                if body.tag in tags:
                    for block in body:
                        _mark_every_paragraph(block)
        out = io.BytesIO()
        for child in iter_children(io.BytesIO(data), tags, out):
            if change and child.getparent() is not None:
                _mark_every_paragraph(child)
        assert out.getvalue() == serialize(whole), name
