"""``reportgen fonts``: the roles' fonts and what fontconfig draws instead, as LibreOffice asks."""

from __future__ import annotations

import shutil

import pytest

from reportgen.check.fonts import font_report, format_report


def test_the_latin_font_falls_back_as_latin_text_does() -> None:
    """Digits and Latin letters are set in Times New Roman: where it is missing, LibreOffice asks
    fontconfig for it with the text's (English) language and gets a Latin face (Liberation
    Serif, with Times New Roman's widths, where fonts-liberation2 is installed), not the CJK
    serif that a request in Chinese returns."""
    if shutil.which("fc-list") is None or shutil.which("fc-match") is None:
        pytest.skip("fontconfig not installed")
    statuses = font_report()
    assert statuses is not None
    (latin,) = [s for s in statuses if s.role == "数字和西文"]
    assert latin.font == "Times New Roman"
    if not latin.present:
        assert latin.fallback and "CJK" not in latin.fallback, latin.fallback
        assert "fonts-liberation2" in latin.advice
    assert "Times New Roman（数字和西文）" in format_report(statuses)
