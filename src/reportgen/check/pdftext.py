"""The lines of a PDF as poppler's ``pdftotext -bbox`` sees them, and the fonts ``pdffonts`` lists.

poppler was chosen over a Python PDF library: it is already needed for the layout tests, needs no
wheel, and reads a 160-page probe in half a second where pdfplumber took ninety. A CJK line
without spaces comes out as one "word", which is all the measurements need: its text, its left
and right edge and its height.
"""

from __future__ import annotations

import html
import itertools
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Line:
    """One printed line, in points from the page's top-left corner."""

    page: int
    left: float
    right: float
    top: float
    bottom: float
    text: str  # the words joined without the spaces between them
    gap: float = 0.0  # the widest space between two words (a tab stop shows as a wide one)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def read_lines(pdf: Path, timeout: float = 60) -> list[list[Line]]:
    """The lines of each page, top to bottom."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=timeout,
    ).stdout
    pages: list[list[Line]] = []
    for number, chunk in enumerate(out.split("<page ")[1:], start=1):
        rows: dict[int, list[tuple[float, float, float, float, str]]] = {}
        for m in _WORD.finditer(chunk):
            x0, y0, x1, y1 = (float(m[i]) for i in range(1, 5))
            # Words of one line share a baseline; their boxes' tops differ by a point or two.
            key = next((k for k in rows if abs(k - y1) < 3), round(y1))
            rows.setdefault(key, []).append((x0, y0, x1, y1, html.unescape(m[5])))
        lines = []
        for key in sorted(rows):
            words = sorted(rows[key])
            lines.append(
                Line(
                    number,
                    words[0][0],
                    max(w[2] for w in words),
                    min(w[1] for w in words),
                    max(w[3] for w in words),
                    "".join(w[4] for w in words),
                    max((b[0] - a[2] for a, b in itertools.pairwise(words)), default=0.0),
                )
            )
        pages.append(lines)
    return pages


def pdf_fonts(pdf: Path, timeout: float = 60) -> list[str]:
    """The names of the fonts embedded in ``pdf`` (subset prefixes dropped)."""
    out = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True, timeout=timeout
    ).stdout
    names = []
    for row in out.splitlines()[2:]:
        name = row.split(" ", 1)[0]
        names.append(name.split("+", 1)[-1])
    return sorted(set(names))
