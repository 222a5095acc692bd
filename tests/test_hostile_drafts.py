"""Hostile drafts for ``lint`` and ``import``: back-tracking patterns, findings without end,
oversized and disguised packages, and text that would take over a terminal or a CI runner."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from docx_builders import DocxBuilder, para, run
from hostile import attempt, refused
from hostile import run as run_cli


def docx(path: Path, *paragraphs: str) -> Path:
    builder = DocxBuilder()
    for text in paragraphs:
        builder.add(para(run(text)))
    return builder.save(path)


def draft(folder: Path, suffix: str, line: str) -> str:
    name = "d" + suffix
    if suffix == ".docx":
        docx(folder / name, line)
    else:
        (folder / name).write_text("标题\n" + line + "\n", "utf-8")
    return name


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
@pytest.mark.parametrize("mark", ["{{", "{%"])
def test_unclosed_template_marks_lint_in_linear_time(
    tmp_path: Path, suffix: str, mark: str
) -> None:
    name = draft(tmp_path, suffix, "甲" + mark * 100_000)
    outcome = run_cli("lint", name, cwd=tmp_path, cpu=10, wall=20)
    refused(outcome, codes=(0, 1))  # in bounded time; nothing to name when nothing is found


def test_many_placeholders_on_one_line_are_capped(tmp_path: Path) -> None:
    name = draft(tmp_path, ".txt", "共*个，" * 40_000)
    outcome = run_cli("lint", name, "--format", "json", cwd=tmp_path, cpu=20, wall=30)
    refused(outcome, name, codes=(1,))
    assert len(outcome.stdout) < 20 << 20
    assert "上限" in outcome.text


def test_import_of_a_line_of_emphasis_marks(tmp_path: Path) -> None:
    # 100,000 marks: a quadratic step would take hours; a linear import takes seconds.
    (tmp_path / "d.md").write_text("# 标题\n\n" + "*甲 " * 100_000 + "\n", "utf-8")
    outcome = run_cli("import", "d.md", cwd=tmp_path, cpu=15, wall=40)
    refused(outcome, codes=(0, 1, 2))
    assert outcome.code or (tmp_path / "d.yaml").is_file()


@pytest.mark.parametrize("device", ["/dev/zero"])
def test_lint_does_not_call_a_device_missing(tmp_path: Path, device: str) -> None:
    outcome = attempt(tmp_path, "lint", device, needles=(device,), wall=15)
    assert "不存在" not in outcome.text


def test_xlsx_renamed_docx_is_not_a_clean_draft(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "d.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    attempt(tmp_path, "lint", "d.docx", needles=("d.docx",))


def test_huge_document_part_is_refused(tmp_path: Path) -> None:
    builder = DocxBuilder()
    body = "<w:p><w:r><w:t>甲</w:t></w:r></w:p>" * 3_000_000  # ~90 MB inflated, 200 KB packed
    builder.extra_parts["word/document.xml"] = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode()
    builder.save(tmp_path / "d.docx")
    attempt(tmp_path, "lint", "d.docx", needles=("d.docx", "上限"), cpu=20, wall=30)


def test_docx_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    docx(tmp_path / "d.docx", "共*个")
    with zipfile.ZipFile(tmp_path / "d.docx", "a") as archive:
        for index in range(10_001):  # one more than zip_entries allows
            archive.writestr(f"x/{index}", b"")
    attempt(
        tmp_path,
        "lint",
        "d.docx",
        "--annotate",
        "a.docx",
        needles=("d.docx", "上限"),
        cpu=20,
        wall=30,
    )


@pytest.mark.parametrize("entry", ["/word/evil.xml", "../evil.xml"])
def test_annotate_never_writes_a_hostile_entry_name(tmp_path: Path, entry: str) -> None:
    docx(tmp_path / "d.docx", "共*个")
    with zipfile.ZipFile(tmp_path / "d.docx", "a") as archive:
        archive.writestr(zipfile.ZipInfo(entry), b"<x/>")
    outcome = run_cli("lint", "d.docx", "--annotate", "a.docx", cwd=tmp_path, wall=20)
    refused(outcome, "d.docx", codes=(0, 1, 2))
    if (tmp_path / "a.docx").exists():
        names = zipfile.ZipFile(tmp_path / "a.docx").namelist()
        assert not [n for n in names if n.startswith("/") or ".." in n.split("/")], names


ESCAPES = ["\x1b]0;owned\x07", "\x1b[2J", "\x9b31m"]


@pytest.mark.parametrize("escape", ESCAPES, ids=["osc", "csi", "c1-csi"])
def test_text_output_shows_escapes_escaped(tmp_path: Path, escape: str) -> None:
    (tmp_path / "d.txt").write_text("标题\n" + "正文。" * 200 + f"共*个{escape}结束\n", "utf-8")
    outcome = run_cli("lint", "d.txt", cwd=tmp_path)
    refused(outcome, "d.txt", codes=(1,))
    assert "\x1b" not in outcome.text and "\x9b" not in outcome.text and "\x07" not in outcome.text


def test_text_output_never_starts_a_line_with_two_colons(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("::add-mask::共*个\n::error::*项\n", "utf-8")
    for form in ("text", "github"):
        outcome = run_cli("lint", "d.txt", "--format", form, cwd=tmp_path)
        refused(outcome, "d.txt", codes=(1,))
        starts = [line for line in outcome.stdout.splitlines() if line.startswith("::")]
        if form == "text":
            assert not starts, starts
        else:  # the runner's own commands, and no other
            assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in starts)
            assert all("::add-mask::" not in line for line in starts), starts


def test_kinds_shows_escapes_escaped(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "e.yaml").write_text(
        'id: esc-kind\nname: "转义\\e]0;owned\\a"\nsummary: "\\e[2J清屏"\nlayout: report\n'
        "sections:\n  mode: list\n  items: [{heading: 一}]\n",
        "utf-8",
    )
    outcome = run_cli("kinds", "--kinds", "k", cwd=tmp_path)
    if outcome.code:  # refused, naming the file: also fine
        refused(outcome, "e.yaml")
    assert "\x1b" not in outcome.text and "\x07" not in outcome.text, outcome.text
