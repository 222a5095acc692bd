"""The page's preview: real pages from LibreOffice where it is installed, else an honest sketch.

The sketch is HTML drawn from the same role-based :class:`~reportgen.document.Document` the .docx
is rendered from, so its words, numbering and highlighted placeholders are exactly the Word
file's; only fonts, line breaks and page breaks are approximate, and the page says so.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path
from typing import Any


def sketch(document: Any) -> str:
    """HTML of ``document``'s blocks, one element per block, classed by role."""
    parts = []
    for block in document.blocks:
        spans = "".join(_span(span) for span in block.spans)
        number = escape(block.number)
        aside = "".join(_span(span) for span in block.aside)
        classes = f"blk {block.role}" + (f" level{block.level}" if block.level else "")
        line = f' data-line="{block.source_line}"' if block.source_line else ""
        if aside:
            spans += f'<span class="aside">{aside}</span>'
        parts.append(f'<p class="{classes}"{line}>{number}{spans}</p>')
    return "\n".join(parts)


def _span(span: Any) -> str:
    text = escape(span.text)
    return f'<mark class="ph">{text}</mark>' if span.placeholder else text


def can_lay_out() -> bool:
    return bool(shutil.which("soffice") and shutil.which("pdftoppm"))


def pages(docx: Path, work: Path, resolution: int = 60) -> list[str]:
    """The pages of ``docx`` as PNG data URLs, laid out by LibreOffice (a few seconds)."""
    profile = work / "lo-profile"
    out = work / "out"
    out.mkdir(exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = out / (docx.stem + ".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(resolution), str(pdf), str(out / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    images = sorted(out.glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
    return [
        "data:image/png;base64," + base64.b64encode(image.read_bytes()).decode("ascii")
        for image in images
    ]


def workspace() -> Path:
    return Path(tempfile.mkdtemp(prefix="reportgen-edit-"))
