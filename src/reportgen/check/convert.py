"""LibreOffice turns .docx files into PDFs in a temporary folder, with a profile of its own.

LibreOffice (7.x, writerfilter's DomainMapper) reads ``w:overflowPunct`` the wrong way round:
``w:val="0"``, which in Word forbids punctuation hanging past the margin (ECMA-376 17.3.1.21),
switches LibreOffice's ParaIsHangingPunctuation *on*, so a 。 that falls after a full line hangs
5 mm into the margin, and a hung ``.`` is dropped from the page. To lay a document out as Word
would, the copy LibreOffice converts has every plain ``w:overflowPunct`` value inverted (the
document itself is never touched). reportgen's own documents need no such help: they carry the
value for Word and the value for LibreOffice in a Markup Compatibility block, left as it is. ``w:autoSpaceDE``/``w:autoSpaceDN`` are not read by
LibreOffice at all; see docs/layout-findings.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

_WINDOWS_SOFFICE = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
#: A w:overflowPunct, or a Markup Compatibility block, which is left as it is: reportgen's own
#: documents give Word and LibreOffice each their value that way (Choice and Fallback).
_OVERFLOW = re.compile(
    rb"<mc:AlternateContent>.*?</mc:AlternateContent>"
    rb'|<w:overflowPunct(?: w:val="(0|1|true|false|on|off)")?\s*/>',
    re.DOTALL,
)
_TRUE = {b"1", b"true", b"on", None}
_PARTS = ("word/document.xml", "word/styles.xml")


def find_soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((p for p in _WINDOWS_SOFFICE if os.path.exists(p)), None)


def _invert(match: re.Match[bytes]) -> bytes:
    if match[0].startswith(b"<mc:"):
        return match[0]
    value = b"0" if match[1] in _TRUE else b"1"
    return b'<w:overflowPunct w:val="' + value + b'"/>'


def word_semantics_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` with w:overflowPunct inverted, for LibreOffice's sake."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in _PARTS:
                data = _OVERFLOW.sub(_invert, data)
            zout.writestr(info, data)


class ConversionFailed(Exception):
    """LibreOffice could not be run or gave no PDF: the reason, in Chinese."""


#: Keep the pages LibreOffice counts as empty: by default its PDF export leaves out the blank
#: page an even-page section break inserts before a 版记 page, and (7.4, measured) even a 版记
#: page that holds only the 版记's text box, printing the box on the page before: the 版记
#: would be measured on an odd page that the printed document does not have.
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def to_pdf(sources: list[Path], folder: Path, timeout: float = 240) -> list[Path | None]:
    """Convert ``sources`` in one soffice call; the PDF of each (None where none came out)."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionFailed("本机未安装 LibreOffice（找不到 soffice），无法实际排版。")
    copies = []
    for index, source in enumerate(sources):
        copy = folder / f"doc{index:04d}.docx"
        try:
            word_semantics_copy(source, copy)
        except (OSError, zipfile.BadZipFile, KeyError):
            shutil.copyfile(source, copy)
        copies.append(copy)
    profile = (folder / "lo-profile").resolve().as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
    command += ["--convert-to", PDF_FILTER, "--outdir", str(folder), *map(str, copies)]
    try:
        subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ConversionFailed(f"LibreOffice 转换超时（{timeout:.0f} 秒）。") from exc
    except OSError as exc:
        raise ConversionFailed(f"无法运行 LibreOffice（{exc}）。") from exc
    return [p if p.exists() else None for p in (c.with_suffix(".pdf") for c in copies)]
