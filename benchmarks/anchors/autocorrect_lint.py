"""The autocorrect-py anchor as a user runs it: lint a text file.

Usage: python autocorrect_lint.py FILE
"""

from __future__ import annotations

import sys

import autocorrect_py


def lint(path: str, text: str) -> int:
    return len(autocorrect_py.lint_for(text, path).lines)


def lint_by_line(path: str, text: str) -> int:
    """Line by line: autocorrect-py 2.14 fails a second whole-file call on a 5 MB text in the same
    process ("call limit reached"), so a warm process lints per line (also its faster way)."""
    return sum(len(autocorrect_py.lint_for(line, path).lines) for line in text.splitlines())


if __name__ == "__main__":
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        print(lint(path, f.read()), "findings")
