"""annotate_docx: highlights exactly the marked characters, comments them, leaves the source alone."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from docx_builders import (
    DocxBuilder,
    block_control,
    commented,
    footnote_mark,
    hyperlink,
    inline_control,
    inserted,
    para,
    run,
    table,
    text_box,
)
from reportgen.docx import Mark, annotate_docx, read_docx
from reportgen.errors import UsageError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def draft(tmp_path: Path, **spelling: object) -> Path:
    builder = (
        DocxBuilder()
        .hyperlink_target("rIdLink", "https://example.org/")
        .add(
            para(
                run("已改造"),
                run("*", bold=True),
                run(".", italic=True),
                run("**万", size=32),
                run("平方米"),
            ),
            table([para(run("户数 *户"))]),
            para(run("控件 "), inline_control(run("X月X日"))),
            block_control(para(run("块级 Y月"))),
            para(run("链接"), hyperlink("rIdLink", run("**项"))),
            para(run("新增"), inserted(run("*.*亿元"))),
            para(run("有批注"), commented(0, run("**")), footnote_mark(1)),
            para(run("框"), text_box(para(run("框内 *%")))),
        )
        .comment(0, "原有批注")
        .header(para(run("页眉 XX局")))
        .footnote(1, para(run("脚注 **人")))
    )
    return builder.save(tmp_path / "draft.docx", **spelling)  # type: ignore[arg-type]


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def highlighted(root: etree._Element) -> list[str]:
    """Highlighted text per paragraph that has any, in document order."""
    found = []
    for paragraph in root.iter(f"{W}p"):
        if next(paragraph.iterancestors(f"{W}txbxContent"), None) is not None:
            continue  # text boxes are checked on their own
        pieces = [
            "".join(t.text or "" for t in r.iterchildren(f"{W}t"))
            for r in paragraph.iterchildren(f"{W}r", f"{W}hyperlink", f"{W}ins", f"{W}sdt")
            for r in ([r] if r.tag == f"{W}r" else r.iter(f"{W}r"))
            if r.find(f"{W}rPr/{W}highlight") is not None
        ]
        if pieces:
            found.append("".join(pieces))
    return found


def comments(path: Path) -> list[tuple[str, str]]:
    root = part(path, "word/comments.xml")
    return [(c.get(f"{W}author") or "", "".join(c.itertext())) for c in root.iter(f"{W}comment")]


def marks_for(path: Path, needle: str, message: str = "数据待补") -> list[Mark]:
    found = []
    for paragraph in read_docx(path):
        start = paragraph.text.find(needle)
        if start >= 0:
            found.append(Mark(paragraph.number, start, start + len(needle), message, "placeholder"))
    return found


def test_placeholder_split_over_runs_is_highlighted_exactly(tmp_path: Path) -> None:
    source = draft(tmp_path)
    out = tmp_path / "out.docx"
    annotate_docx(source, out, [Mark(1, 3, 7, "请填写实际面积", "placeholder")])
    paragraph = part(out, "word/document.xml").find(f".//{W}p")
    runs = paragraph.findall(f"{W}r")
    shown = [("".join(r.itertext()), r.find(f"{W}rPr/{W}highlight") is not None) for r in runs]
    assert [text for text, lit in shown if lit] == ["*", ".", "**"]
    assert "".join(text for text, _ in shown) == "已改造*.**万平方米"
    # each piece kept its own formatting
    bold, italic, big = (r for r in runs if r.find(f"{W}rPr/{W}highlight") is not None)
    assert bold.find(f"{W}rPr/{W}b") is not None and italic.find(f"{W}rPr/{W}i") is not None
    assert big.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    rest = next(r for r in runs if "".join(r.itertext()) == "万")
    assert rest.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    assert ("reportgen", "请填写实际面积（placeholder）") in comments(out)


def test_comment_markers_surround_the_marked_runs(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    annotate_docx(draft(tmp_path), out, [Mark(1, 3, 7, "请填写", "placeholder")])
    paragraph = part(out, "word/document.xml").find(f".//{W}p")
    names = [etree.QName(child).localname for child in paragraph]
    start, end = names.index("commentRangeStart"), names.index("commentRangeEnd")
    inside = "".join("".join(child.itertext()) for child in list(paragraph)[start:end])
    assert inside == "*.**"
    assert paragraph[end + 1].find(f"{W}commentReference") is not None


def test_every_story_is_marked_and_main_story_commented(tmp_path: Path) -> None:
    source = draft(tmp_path)
    marks = [
        *marks_for(source, "*户", "表格"),
        *marks_for(source, "X月X日", "控件"),
        *marks_for(source, "**项", "链接"),
        *marks_for(source, "*.*亿元", "插入"),
        *marks_for(source, "*%", "文本框"),
        *marks_for(source, "XX局", "页眉"),
        *marks_for(source, "**人", "脚注"),
        *marks_for(source, "Y月", "块级控件"),
    ]
    assert len(marks) == 8
    out = tmp_path / "out.docx"
    annotate_docx(source, out, marks)
    assert highlighted(part(out, "word/document.xml")) == [
        "*户",
        "X月X日",
        "Y月",
        "**项",
        "*.*亿元",
    ]
    assert highlighted(part(out, "word/header1.xml")) == ["XX局"]
    assert highlighted(part(out, "word/footnotes.xml")) == ["**人"]
    box = part(out, "word/document.xml").find(f".//{W}txbxContent")
    assert [
        r.findtext(f"{W}t") for r in box.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None
    ] == ["*%"]
    messages = [text for _, text in comments(out)]
    assert messages == [
        "原有批注",
        *(f"{m}（placeholder）" for m in ("表格", "控件", "链接", "插入")),
    ]
    # the copy still reads as the same draft
    assert [p.text for p in read_docx(out)] == [p.text for p in read_docx(source)]


def test_source_is_untouched_and_output_is_deterministic(tmp_path: Path) -> None:
    source = draft(tmp_path)
    before = source.read_bytes()
    marks = marks_for(source, "*户")
    annotate_docx(source, tmp_path / "a.docx", marks)
    annotate_docx(source, tmp_path / "b.docx", marks)
    assert source.read_bytes() == before
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_comments_part_is_created_with_relationship_and_content_type(tmp_path: Path) -> None:
    source = DocxBuilder().add(para(run("增长"), run("**.*%"))).save(tmp_path / "plain.docx")
    out = tmp_path / "out.docx"
    annotate_docx(source, out, [Mark(1, 2, 7, "百分比待补", "placeholder")])
    rels = part(out, "word/_rels/document.xml.rels")
    assert any(
        r.get("Type", "").endswith("/comments") and r.get("Target") == "comments.xml" for r in rels
    )
    types = part(out, "[Content_Types].xml")
    assert any(o.get("PartName") == "/word/comments.xml" for o in types)
    opened = docx.Document(str(out))  # python-docx opens it and sees the comment
    assert [c.text for c in opened.comments] == ["百分比待补（placeholder）"]
    assert [c.author for c in opened.comments] == ["reportgen"]


def test_overlapping_and_adjacent_marks_in_one_paragraph(tmp_path: Path) -> None:
    source = DocxBuilder().add(para(run("甲*乙"), run("**丙"))).save(tmp_path / "two.docx")
    out = tmp_path / "out.docx"
    annotate_docx(source, out, [Mark(1, 1, 2, "一", "r1"), Mark(1, 3, 5, "二", "r2"),
                                Mark(1, 1, 5, "三", "r3")])  # fmt: skip
    assert highlighted(part(out, "word/document.xml")) == ["*乙**"]
    assert [text for _, text in comments(out)] == ["一（r1）", "三（r3）", "二（r2）"]
    assert [p.text for p in read_docx(out)] == ["甲*乙**丙"]


def test_strict_document_is_annotated_in_its_own_namespace(tmp_path: Path) -> None:
    source = draft(tmp_path, strict=True)
    out = tmp_path / "out.docx"
    annotate_docx(source, out, marks_for(source, "*户"))
    with zipfile.ZipFile(out) as archive:
        assert b"purl.oclc.org/ooxml/wordprocessingml/main" in archive.read("word/comments.xml")
        assert b"schemas.openxmlformats.org/wordprocessingml" not in archive.read(
            "word/document.xml"
        )
    assert [p.text for p in read_docx(out)] == [p.text for p in read_docx(source)]


def test_refuses_to_overwrite_the_source(tmp_path: Path) -> None:
    source = draft(tmp_path)
    before = source.read_bytes()
    with pytest.raises(UsageError):
        annotate_docx(source, tmp_path / "." / "draft.docx", marks_for(source, "*户"))
    assert source.read_bytes() == before


def test_missing_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    source = draft(tmp_path)
    with pytest.raises(UsageError):
        annotate_docx(source, tmp_path / "no" / "out.docx", marks_for(source, "*户"))


@pytest.mark.parametrize("mark", [Mark(99, 0, 1, "m", "r"), Mark(1, 5, 5, "m", "r"),
                                  Mark(1, 0, 999, "m", "r")])  # fmt: skip
def test_marks_outside_the_text_are_a_callers_bug(tmp_path: Path, mark: Mark) -> None:
    source = draft(tmp_path)
    with pytest.raises(ValueError):
        annotate_docx(source, tmp_path / "out.docx", [mark])
    assert not (tmp_path / "out.docx").exists()


def test_math_text_is_read_and_marked_without_breaking_the_formula(tmp_path: Path) -> None:
    math = "<m:oMath><m:r><m:t>x=*.*</m:t></m:r></m:oMath>"
    source = DocxBuilder().add(para(run("公式"), math)).save(tmp_path / "math.docx")
    assert [p.text for p in read_docx(source)] == ["公式x=*.*"]
    out = tmp_path / "out.docx"
    annotate_docx(source, out, [Mark(1, 1, 6, "待补", "placeholder")])
    assert [p.text for p in read_docx(out)] == ["公式x=*.*"]
    assert highlighted(part(out, "word/document.xml")) == ["式"]
    assert [text for _, text in comments(out)] == ["待补（placeholder）"]
