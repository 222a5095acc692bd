"""Measuring a PDF laid out by LibreOffice: text lines (pdftotext -bbox-layout) and horizontal
rules and ink found in a raster of the page (pdftoppm). Lengths in mm from the page's top-left."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

PT_MM = 25.4 / 72
DPI = 144
PX_MM = 25.4 / DPI
#: pdftotext's box of a line runs from 0.95 em above the baseline to 0.35 em below it; the em
#: box of a CJK character from 0.88 above to 0.12 below.
ASCENT, DESCENT, EM_TOP, EM_BOTTOM = 0.95, 0.35, 0.88, 0.12


@dataclass(frozen=True)
class Line:
    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def size_pt(self) -> float:
        return (self.bottom - self.top) / PT_MM / (ASCENT + DESCENT)

    @property
    def baseline(self) -> float:
        return self.top + ASCENT * self.size_pt * PT_MM

    @property
    def em_top(self) -> float:
        return self.baseline - EM_TOP * self.size_pt * PT_MM

    @property
    def em_bottom(self) -> float:
        return self.baseline + EM_BOTTOM * self.size_pt * PT_MM


@dataclass(frozen=True)
class Rule:
    colour: str
    top: float
    bottom: float
    left: float
    length: float


def text_lines(pdf: Path) -> list[list[Line]]:
    """The text lines of every page, in reading order."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for match in re.finditer(r"<line ([^>]*)>(.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([-\d.]+)"', match.group(1)))
            words = re.findall(r">([^<]*)</word>", match.group(2))
            lines.append(
                Line(
                    "".join(words),
                    *(float(box[k]) * PT_MM for k in ("xMin", "yMin", "xMax", "yMax")),
                )
            )
        pages.append(lines)
    return pages


_COLOURS = {
    "red": rb"[\xb4-\xff][\x00-\x5a][\x00-\x5a]",
    "black": rb"[\x00-\x64][\x00-\x64][\x00-\x64]",
}


def _raster(pdf: Path, page: int, folder: Path) -> tuple[int, int, bytes]:
    stem = folder / f"{pdf.stem}-p{page}"
    pages = ["-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run(["pdftoppm", "-r", str(DPI), *pages, str(pdf), str(stem)], check=True)
    data = Path(f"{stem}.ppm").read_bytes()
    header = data.split(b"\n", 3)
    width, height = map(int, header[1].split())
    return width, height, header[3]


def rules(pdf: Path, page: int, folder: Path, min_mm: float = 100) -> list[Rule]:
    """Horizontal runs of red or black pixels at least ``min_mm`` long, merged across rows."""
    width, height, pixels = _raster(pdf, page, folder)
    found: list[Rule] = []
    need = int(min_mm / PX_MM)
    for colour, pixel in _COLOURS.items():
        pattern = re.compile(b"(?:" + pixel + b"){%d,}" % need)
        for y in range(height):
            row = pixels[y * width * 3 : (y + 1) * width * 3]
            for match in pattern.finditer(row):
                start = match.start() + (-match.start()) % 3
                length = (match.end() - start) // 3
                if length < need:
                    continue
                last = found[-1] if found else None
                if last and last.colour == colour and abs(last.bottom - y * PX_MM) < 0.3:
                    found[-1] = Rule(colour, last.top, y * PX_MM, last.left, last.length)
                else:
                    top = y * PX_MM
                    found.append(Rule(colour, top, top, start // 3 * PX_MM, length * PX_MM))
                break
    return sorted(found, key=lambda rule: rule.top)


def ink_top(pdf: Path, page: int, folder: Path, colour: str = "red") -> float:
    """mm from the page top to the first pixel of ``colour``."""
    width, _, pixels = _raster(pdf, page, folder)
    match = re.compile(_COLOURS[colour]).search(pixels)
    while match and match.start() % 3:
        match = re.compile(_COLOURS[colour]).search(pixels, match.start() + 1)
    assert match, f"no {colour} on page {page}"
    return match.start() // 3 // width * PX_MM
