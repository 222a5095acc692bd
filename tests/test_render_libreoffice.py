"""The rendered report laid out by LibreOffice: 22 lines a page, 28 characters a line, page
numbers ``— N —`` on the outer side. One soffice call; skipped where soffice is missing, except
in CI (CI=true), where a missing soffice is a failure."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reportgen.docx.write import render_docx

pytestmark = pytest.mark.layout

ROOT = Path(__file__).resolve().parent.parent


def _require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{tool} is required in CI")
        pytest.skip(f"{tool} not installed")
    return path


def _report_document():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "render_documents", ROOT / "tests" / "fixtures" / "render" / "documents.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.report_document()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    soffice = _require("soffice")
    pdftotext = _require("pdftotext")
    folder = tmp_path_factory.mktemp("libreoffice")
    docx = folder / "report.docx"
    render_docx(_report_document(), docx)
    profile = (folder / "profile").as_uri()  # private profile: parallel runs do not clash
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        [pdftotext, "-layout", str(folder / "report.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


def _lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip()]


def _is_page_number(line: str) -> bool:
    return re.fullmatch(r"\s*—\s*\d+\s*—\s*", line) is not None


def test_three_pages_numbered_on_the_outer_side(pages: list[str]) -> None:
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        (line,) = [line for line in _lines(page) if _is_page_number(line)]
        assert re.sub(r"\s", "", line) == f"—{number}—"
        indent = len(line) - len(line.lstrip())
        if number % 2:
            assert indent > 20, line  # odd pages: right
        else:
            assert indent < 5, line  # even pages: left


def test_full_page_has_22_lines_of_28_characters(pages: list[str]) -> None:
    body = [re.sub(r"\s", "", line) for line in _lines(pages[1]) if not _is_page_number(line)]
    assert len(body) == 22
    widths = [len(line) for line in body]
    assert max(widths) == 28
    assert widths.count(28) >= 5  # the full lines of body text
