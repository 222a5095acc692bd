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
