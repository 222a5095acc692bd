"""The docx2python anchor as a user runs it: extract a .docx's text.

Usage: python docx2python_read.py FILE.docx
"""

from __future__ import annotations

import sys

from docx2python import docx2python


def extract(path: str) -> str:
    with docx2python(path) as content:
        return content.text


if __name__ == "__main__":
    text = extract(sys.argv[1])
    print(len(text.splitlines()), "lines")
