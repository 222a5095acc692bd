"""The structure tier alone (no LibreOffice): our output passes it, a bureau's profile is the
yardstick when given, and a file checked without measuring is never a pass."""

from __future__ import annotations

from pathlib import Path

from reportgen import api
from reportgen.check import check_files, exit_code, format_json

ROOT = Path(__file__).resolve().parent.parent


def _rendered(tmp_path: Path) -> Path:
    out = api.render(ROOT / "examples" / "yixue-cugan.yaml", tmp_path / "report.docx").output
    return Path(out)


def test_our_output_has_no_structure_finding_but_is_not_a_pass(tmp_path: Path) -> None:
    (result,) = check_files([_rendered(tmp_path)], measured=False)
    assert result.findings == []
    assert result.status == "unmeasured" and exit_code([result]) == 1
    assert '"status": "unmeasured"' in format_json([result])


def test_a_profile_with_another_line_pitch_is_the_yardstick(tmp_path: Path) -> None:
    profile = tmp_path / "bureau.yaml"
    profile.write_text("based_on: gbt9704-2012\ngrid:\n  line_pitch_twips: 560\n", encoding="utf-8")
    (result,) = check_files([_rendered(tmp_path)], measured=False, profile=profile)
    assert [(f.rule, f.clause) for f in result.findings] == [("grid", "5.2.3")]
    assert "560" in result.findings[0].message


def test_a_file_that_is_not_a_docx_is_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    (result,) = check_files([bad], measured=False)
    assert result.status == "unreadable" and exit_code([result]) == 2


def _rewrite(source: Path, target: Path, part: str, old: str, new: str) -> Path:
    """A copy of ``source`` with ``old`` replaced in one part, as a hand edit in Word would."""
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == part:
                assert old.encode() in data, old
                data = data.replace(old.encode(), new.encode())
            zout.writestr(info, data)
    return target


def test_a_letter_is_known_by_its_mark_and_unnumbered_first_page(tmp_path: Path) -> None:
    letter = Path(api.render(ROOT / "examples" / "han.yaml", tmp_path / "han.docx").output)
    (result,) = check_files([letter], measured=False)
    assert result.findings == [] and result.figures["版式"] == "信函格式"
    # Without the mark 30 mm below the paper's edge, it is an ordinary 公文 whose first page
    # lost its number (Word's “首页不同” with an empty first footer), and whose 版记 lacks rules.
    ordinary = _rewrite(
        letter, tmp_path / "moved.docx", "word/document.xml",
        "<wp:posOffset>1080000</wp:posOffset>", "<wp:posOffset>1440000</wp:posOffset>",
    )  # fmt: skip
    (result,) = check_files([ordinary], measured=False)
    assert "版式" not in result.figures
    assert {(f.rule, f.clause) for f in result.findings} == {
        ("page-number-first", "7.5"),
        ("imprint-rules", "7.4.1"),
    }


def test_the_measured_tier_holds_a_letter_to_clause_10_1() -> None:
    from reportgen.check.measured import DocText, measure
    from reportgen.check.pdftext import PT_PER_MM, Line

    def line(top_mm: float, text: str, height: float = 20.8, right_mm: float = 150) -> Line:
        top = top_mm * PT_PER_MM
        return Line(1, (right_mm - 20) * PT_PER_MM, right_mm * PT_PER_MM, top, top + height, text)

    doc = DocText("青川市住房和城乡建设局正文", "", "", ())

    def rules(mark_top_mm: float, number_on_first: bool, letter: bool) -> set[str]:
        page = [line(mark_top_mm, "青川市住房和城乡建设局", 33.8), line(50, "正文")]
        if number_on_first:  # 四号, right 空一字
            page.append(line(268, "—1—", 18.2, right_mm=184 - 14 / PT_PER_MM))
        findings, _ = measure([page], doc, letter=letter)
        return {f.rule for f in findings if f.severity == "error"}

    # pdftotext's box of the mark starts 1.4 mm above the characters: 28.6 mm is a top edge of 30.
    assert rules(28.6, number_on_first=False, letter=True) == set()
    assert rules(24.0, number_on_first=False, letter=True) == {"glyph-outside"}
    assert rules(28.6, number_on_first=True, letter=True) == {"page-number-letter"}
    assert rules(28.6, number_on_first=True, letter=False) == {"glyph-outside"}
    assert rules(28.6, number_on_first=False, letter=False) == {
        "glyph-outside",
        "page-number-missing",
    }


def test_libreoffice_lays_our_output_out_as_it_is(tmp_path: Path) -> None:
    """Our documents give Word and LibreOffice each their w:overflowPunct (Markup Compatibility),
    so the copy ``check`` hands LibreOffice is our document unchanged: what ``check`` measures is
    what a user exporting PDF from LibreOffice gets. A plain value (a document from Word) is
    still inverted for LibreOffice's sake."""
    import zipfile

    from reportgen.check.convert import word_semantics_copy

    ours = _rendered(tmp_path)
    copy = tmp_path / "copy.docx"
    word_semantics_copy(ours, copy)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(copy) as b:
        styles = a.read("word/styles.xml")
        assert b'<mc:Choice Requires="w15"><w:overflowPunct w:val="0"/>' in styles
        assert b'<mc:Fallback><w:overflowPunct w:val="1"/>' in styles
        assert all(a.read(name) == b.read(name) for name in a.namelist())
    plain = _rewrite(
        ours, tmp_path / "plain.docx", "word/styles.xml",
        styles.decode().split("<mc:AlternateContent>")[1].split("</mc:AlternateContent>")[0]
        .join(("<mc:AlternateContent>", "</mc:AlternateContent>")),
        '<w:overflowPunct w:val="0"/>',
    )  # fmt: skip
    word_semantics_copy(plain, copy)
    with zipfile.ZipFile(copy) as b:
        assert b'<w:overflowPunct w:val="1"/>' in b.read("word/styles.xml")
