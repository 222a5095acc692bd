"""Hostile and broken files: each ends in one UsageError (exit 2) naming the file, never a crash."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from docx_builders import DocxBuilder, para, run
from reportgen.docx import read_docx
from reportgen.errors import UsageError

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""


def good_docx(path: Path) -> Path:
    return DocxBuilder().add(para(run("正文 *.**"))).save(path)


def with_document(path: Path, document: bytes) -> Path:
    builder = DocxBuilder()
    builder.extra_parts["word/document.xml"] = document
    return builder.save(path)


def refused(path: Path) -> str:
    with pytest.raises(UsageError) as caught:
        read_docx(path)
    assert caught.value.exit_code == 2
    problem = caught.value.problems[0]
    assert problem.path == str(path)
    assert problem.hint  # says what to do
    return problem.message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert "空" in refused(path)


def test_missing_file(tmp_path: Path) -> None:
    assert "不存在" in refused(tmp_path / "nowhere.docx")


def test_plain_text_renamed(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("这是一段文字，不是 Word 文档。", encoding="utf-8")
    assert "不是 .docx" in refused(path)


def test_ole_doc_or_encrypted_docx_says_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(UsageError) as caught:
        read_docx(path)
    problem = caught.value.problems[0]
    assert ".doc" in problem.message and "另存为 .docx" in (problem.hint or "")


def test_truncated_zip(tmp_path: Path) -> None:
    whole = good_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert "不完整" in refused(path)


def test_corrupt_member(tmp_path: Path) -> None:
    whole = bytearray(good_docx(tmp_path / "whole.docx").read_bytes())
    start = whole.find(b"word/document.xml") + len("word/document.xml")
    whole[start + 10 : start + 60] = bytes(50)  # damage the deflated bytes of the first member
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(whole))
    assert "损坏" in refused(path)


def test_zip_bomb_refused_by_declared_size(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    builder = DocxBuilder().add(para(run("x")))
    builder.extra_parts["word/media/zeros.bin"] = bytes(210 * 1024 * 1024)
    builder.save(path)
    assert path.stat().st_size < 2 * 1024 * 1024
    assert "上限" in refused(path)  # part_bytes, from the size the zip declares


def test_zip_bomb_lying_about_its_size_is_cut_off(tmp_path: Path) -> None:
    document = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    )
    document += b"<w:body>" + b" " * (5 * 1024 * 1024) + b"</w:body></w:document>"
    path = with_document(tmp_path / "liar.docx", document)
    data = bytearray(path.read_bytes())
    # shrink the declared size of word/document.xml in the central directory to 1 KB
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    data[central + 24 : central + 28] = (1024).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    refused(path)


def test_billion_laughs_is_never_expanded(tmp_path: Path) -> None:
    assert "DOCTYPE" in refused(with_document(tmp_path / "lol.docx", BILLION_LAUGHS))


def test_external_entity_is_never_fetched(tmp_path: Path) -> None:
    assert "DOCTYPE" in refused(with_document(tmp_path / "xxe.docx", EXTERNAL_ENTITY))


def test_malformed_xml(tmp_path: Path) -> None:
    assert "XML" in refused(with_document(tmp_path / "bad.docx", b"<w:document><w:body>"))


def test_missing_main_document(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "word/document.xml" in refused(path)


def test_deep_nesting_is_refused_not_crashed(tmp_path: Path) -> None:
    deep = b"<w:r>" * 5000 + b"</w:r>" * 5000
    document = (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p>" + deep + b"</w:p></w:body></w:document>"
    )
    refused(with_document(tmp_path / "deep.docx", document))


def test_a_folder_is_not_a_docx(tmp_path: Path) -> None:
    assert "文件夹" in refused(tmp_path)
