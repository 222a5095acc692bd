"""The body writer builds paragraphs as XML text parsed in one call (``ooxml.xml.fragment``):
placed in a part they must serialize exactly as the same paragraphs built one lxml element at a
time, the way the writer built them before, for every text a span can hold. An ordinary
document's paragraphs are spliced into the main part as text, without lxml: byte for byte what
the tree gives."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import EXAMPLES
from reportgen import api
from reportgen.docx.write.prepared import prepare
from reportgen.docx.write.writer import _BodyWriter, _Paragraph, run_xml
from reportgen.ooxml.names import XML_SPACE, W, w
from reportgen.ooxml.xml import parse, serialize
from reportgen.report.compose import compose
from reportgen.report.document import Document, Span

TRICKY = [
    "",
    " ",
    "\u3000首行",
    "结尾 ",
    "a\tb",
    "\t",
    "行一\n行二",
    "\n\n",
    "A & B < C > D",
    "回车\r在中间",
    "\"引号\" 'single'",
    "&amp; 已是实体",
    "\U0001f600 emoji",
    "]]> cdata end",
]


def _reference_paragraph(style_id: str, spans: list[Span], keep_next: bool = False) -> object:
    """A paragraph built element by element, as the writer did before it wrote XML text."""
    p = etree.Element(w("p"))
    properties = etree.SubElement(p, w("pPr"))
    etree.SubElement(properties, w("pStyle"), {w("val"): style_id})
    if keep_next:
        etree.SubElement(properties, w("keepNext"))
    for span in spans:
        run = etree.SubElement(p, w("r"))
        run_properties = etree.SubElement(run, w("rPr"))
        etree.SubElement(run_properties, w("rFonts"), {w("hint"): "eastAsia"})
        if span.placeholder:
            etree.SubElement(run_properties, w("highlight"), {w("val"): "yellow"})
        for piece in span.text.replace("\t", "\0\t\0").replace("\n", "\0\n\0").split("\0"):
            if piece == "\t":
                etree.SubElement(run, w("tab"))
            elif piece == "\n":
                etree.SubElement(run, w("br"))
            elif piece:
                space = {XML_SPACE: "preserve"} if piece != piece.strip() else {}
                etree.SubElement(run, w("t"), space).text = piece
    return p


def _both_ways(style_id: str, spans: list[Span], keep_next: bool = False) -> tuple[bytes, bytes]:
    """The template's document.xml with the paragraph placed by the writer, and with the
    reference paragraph placed the same way."""
    document_xml = prepare(None).document_xml
    written = parse(document_xml)
    body = written.find(w("body"))
    writer = _BodyWriter(body, Document("report", "", "", None), {"S": style_id})
    paragraph = _Paragraph("S", runs="".join(map(run_xml, spans)))
    writer._place([paragraph.kept_with_next() if keep_next else paragraph])
    expected = parse(document_xml)
    expected_body = expected.find(w("body"))
    expected_body[-1].addprevious(_reference_paragraph(style_id, spans, keep_next))
    return serialize(written), serialize(expected)


def test_tricky_texts_serialize_as_elements_built_one_by_one() -> None:
    for text in TRICKY:
        for placeholder in (False, True):
            written, expected = _both_ways("RGBody", [Span(text, placeholder)])
            assert written == expected, text
    written, expected = _both_ways('a"b&c<d\te\nf', [Span(t) for t in TRICKY], keep_next=True)
    assert written == expected


# XML 1.0 characters (what a report may hold: XML_FORBIDDEN keeps out the rest).
_XML_CHARS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"],
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(_XML_CHARS, max_size=12), st.booleans()), max_size=4))
def test_any_text_serializes_as_elements_built_one_by_one(spans: list[tuple[str, bool]]) -> None:
    written, expected = _both_ways("RGBody", [Span(text, flag) for text, flag in spans])
    assert written == expected


def _documents(tmp_path: Path) -> list[Document]:
    registry = api.load_kinds([EXAMPLES / "kinds"])
    sources = sorted(EXAMPLES.glob("*.yaml"))
    for kind in registry:
        folder = tmp_path / kind.id
        folder.mkdir()
        sources.append(
            api.new_scaffold(kind.id, folder / "r.yaml", registry=registry, today=dt.date.today())[
                0
            ]
        )
    documents = []
    for source in sources:
        loaded = api.load_report(source, registry)
        documents.append(compose(loaded.report, loaded.source, loaded.kind.spec.layout).document)
    return documents


def test_every_block_of_every_example_and_scaffold_serializes_as_before(tmp_path: Path) -> None:
    spans = [span for document in _documents(tmp_path) for b in document.blocks for span in b.spans]
    assert len(spans) > 200  # the comparison is not vacuous
    written, expected = _both_ways("RGBody", spans)
    assert written == expected
    assert written.count(b"<w:r>") == len(spans)
    assert f'xmlns:w="{W}"'.encode() not in written.split(b"<w:body>")[1]


# -- the main part: an ordinary document's paragraphs spliced in as text ---------------------


def _main_part_both_ways(
    document: Document, template: Path | None = None
) -> tuple[bytes | None, bytes]:
    """The main part as a render writes it without lxml (None: it would not), and as the
    tree path builds it."""
    from reportgen.docx.write import _built, _spliced
    from reportgen.docx.write.template import check_styles
    from reportgen.docx.write.writer import required_styles
    from reportgen.layouts import format_for

    prepared = prepare(template)
    styles = check_styles(prepared.style_ids, required_styles(document), template)
    chosen = format_for(document.format)
    built = _built(prepared, list(prepared.parts), document, styles, chosen, "printed", None)
    return _spliced(prepared, document, styles), built


def test_every_ordinary_example_and_scaffold_is_spliced_as_the_tree_builds_it(
    tmp_path: Path,
) -> None:
    from reportgen.layouts import format_for

    spliced = 0
    for document in _documents(tmp_path):
        chosen = format_for(document.format)
        if chosen.head != "none" or not chosen.numbers_first_page:
            continue  # formal heads, 信函: measured and placed in the tree only
        as_text, built = _main_part_both_ways(document)
        has_imprint = any(block.role == "distribution" for block in document.blocks)
        assert (as_text is None) == has_imprint  # a 报尾 is placed in the tree
        if as_text is not None:
            assert as_text == built
            spliced += 1
    assert spliced >= 4  # the comparison is not vacuous


def test_a_template_saved_by_word_is_spliced_as_the_tree_builds_it(tmp_path: Path) -> None:
    """Word (and LibreOffice) save the main part's root with a dozen namespaces, an
    mc:Ignorable list and revision ids on the section: still one ``w:`` binding, so the
    paragraphs go in as text, and give the tree's bytes."""
    from reportgen.docx.write.prepared import body_at

    reference = Path(api.__file__).parent / "templates" / "docx" / "reference.docx"
    saved = tmp_path / "saved-by-word.docx"
    namespaces = (
        'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'mc:Ignorable="w14" '
    )
    with zipfile.ZipFile(reference) as source, zipfile.ZipFile(saved, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:document ", b"<w:document " + namespaces.encode(), 1)
                data = data.replace(b"<w:sectPr>", b'<w:sectPr w:rsidR="00A1" w14:x="1">', 1)
            target.writestr(info, data)
    assert body_at(prepare(saved).document_xml) is not None
    documents = [d for d in _documents(tmp_path) if d.format == "ordinary"]
    for document in documents:
        as_text, built = _main_part_both_ways(document, saved)
        assert as_text is None or as_text == built
    assert sum(_main_part_both_ways(d, saved)[0] is not None for d in documents) >= 4


_ROLES = ("title", "recipient", "body", "heading", "signature", "date")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_ROLES),
            st.lists(st.tuples(st.text(_XML_CHARS, max_size=12), st.booleans()), max_size=3),
            st.integers(0, 4),
        ),
        max_size=6,
    )
)
def test_any_ordinary_document_is_spliced_as_the_tree_builds_it(
    blocks: list[tuple[str, list[tuple[str, bool]], int]],
) -> None:
    from reportgen.report.document import Block

    document = Document(
        "report",
        "",
        "",
        None,
        tuple(
            Block(role, tuple(Span(text, flag) for text, flag in spans), level, f"{level}、")
            for role, spans, level in blocks
        ),
    )
    as_text, built = _main_part_both_ways(document)
    assert as_text == built


def test_a_character_xml_cannot_hold_is_left_to_the_tree() -> None:
    from reportgen.ooxml.xml import XMLSyntaxError
    from reportgen.report.document import Block

    document = Document("report", "", "", None, (Block("body", (Span("控制\x01字符"),)),))
    with pytest.raises((XMLSyntaxError, ValueError)):
        _main_part_both_ways(document)


def test_the_body_is_found_only_where_text_and_tree_agree() -> None:
    from reportgen.docx.write.prepared import body_at

    main = prepare(None).document_xml
    at = body_at(main)
    assert at is not None and main[:at].endswith(b"<w:body>")
    assert main[at:].startswith(b"<w:sectPr")
    root_end = main.index(b">", main.index(b"<w:document"))
    others = {
        "a comment": main.replace(b"<w:body>", b"<!-- x --><w:body>"),
        "white space in the body": main.replace(b"<w:body>", b"<w:body>\n"),
        "a default namespace": main[:root_end] + f' xmlns="{W}"'.encode() + main[root_end:],
        "another prefix": main.replace(b"xmlns:w=", b"xmlns:x=").replace(b"<w:", b"<x:"),
        "an instruction": main.replace(b"<w:body>", b"<?pi x?><w:body>"),
        "paragraphs": main.replace(b"<w:body>", b"<w:body><w:p/>"),
    }
    for what, other in others.items():
        assert body_at(other) is None, what


# -- the package: written directly, as zipfile writes it ------------------------------------


def _package_entries(tmp_path: Path) -> list[list[tuple[str, bytes]]]:
    """The parts of every example and scaffold as render packs them."""
    from reportgen.docx.write import docx_bytes
    from reportgen.ooxml.package import DocxPackage

    packages = []
    for document in _documents(tmp_path):
        with DocxPackage(Path("x.docx"), docx_bytes(document)) as package:
            packages.append([(i.filename, package.read(i.filename)) for i in package.infos])
    return packages


def test_every_package_is_packed_as_zipfile_packs_it(tmp_path: Path) -> None:
    from reportgen.ooxml.zipwrite import stored_zip, zip_bytes

    packages = _package_entries(tmp_path)
    assert len(packages) > 10
    for entries in packages:
        assert stored_zip(entries) == zip_bytes(entries, compress=False)


_NAMES = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\0\\"), min_size=1
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_NAMES, st.binary(max_size=300), max_size=5))
def test_any_entries_are_packed_as_zipfile_packs_them(entries: dict[str, bytes]) -> None:
    from reportgen.ooxml.zipwrite import stored_zip, zip_bytes

    assert stored_zip(list(entries.items())) == zip_bytes(entries.items(), compress=False)


def test_what_only_zipfile_writes_is_left_to_it() -> None:
    from reportgen.ooxml import zipwrite
    from reportgen.ooxml.zipwrite import package_bytes, stored_zip, zip_bytes

    assert stored_zip([("a\\b.xml", b"x")]) is None
    assert stored_zip([("a\0b.xml", b"x")]) is None
    # the writer names zipfile's limit itself (a render does not import zipfile)
    assert (zipwrite._ZIP64_LIMIT, zipwrite._STORED) == (zipfile.ZIP64_LIMIT, zipfile.ZIP_STORED)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zipfile, "ZIP64_LIMIT", 100)  # as if the part were 2 GB
        patch.setattr(zipwrite, "_ZIP64_LIMIT", 100)
        assert stored_zip([("big.xml", b"x" * 200)]) is None
        assert package_bytes([("big.xml", b"x" * 200)]) == zip_bytes(
            [("big.xml", b"x" * 200)], compress=False
        )
