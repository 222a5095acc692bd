"""Slips a Chinese keyboard makes in YAML, found on the line and at the column where they are.

With the input method on, a clerk types ``title：`` (a full-width colon), ``title:内容`` (no space
after the colon), or indents with full-width spaces (U+3000) or a tab. YAML reports each of these
lines later and in its own words (``could not find expected ':'``); :func:`find_slip` is asked
when the parser fails and names the first slip at or above the line it stopped on.
"""

from __future__ import annotations

import re

from reportgen.errors import Problem

#: ``key：`` or ``- key：`` — a key followed by a full-width colon, where a mapping line belongs.
_FULL_WIDTH_COLON = re.compile(
    r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[^\s:：#\-\"'{}\[\]|>][^:：#\"']*?)："
)
#: ``key:value`` — an English key and a colon with nothing between it and the value.
_NO_SPACE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_]*):(?=[^\s/])")
#: A line that starts a block scalar (``key: |``, ``- |-``): the lines under it are text.
_BLOCK_START = re.compile(r"(?:^|:[ ]+|^[ ]*-[ ]+)[|>][-+0-9]*[ ]*(?:#.*)?$")
_ASCII_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def find_slip(text: str, path: str, last_line: int | None = None) -> Problem | None:
    """The first slip on lines 1 … ``last_line`` of ``text``, or None."""
    block_indent: int | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if last_line is not None and number > last_line:
            break
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # text of a block scalar: colons and all are the clerk's words
            block_indent = None
        slip = _slip(line, number, path)
        if slip is not None:
            return slip
        if _BLOCK_START.search(line.split(" #")[0].rstrip()):
            block_indent = indent
    return None


def _slip(line: str, number: int, path: str) -> Problem | None:
    stripped = line.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    lead = line[: len(line) - len(stripped)]
    odd = next((i for i, ch in enumerate(stripped) if ch not in "\u3000\t"), len(stripped))
    if odd:
        which = "全角空格" if stripped[0] == "\u3000" else "制表符（Tab）"
        return Problem(
            f"这一行的缩进用了{which}，YAML 只认半角空格",
            path,
            number,
            len(lead) + 1,
            "把行首的空白删掉，重新用半角空格缩进（每级两个空格）；输入法切到英文再敲空格",
        )
    match = _FULL_WIDTH_COLON.match(line)
    if match and (not match["lead"].strip() or _ASCII_KEY.match(match["key"].strip())):
        column = match.end()
        return Problem(
            f"“{match['key'].strip()}”后面是全角冒号“：”，YAML 只认半角冒号",
            path,
            number,
            column,
            f"改成“{match['key'].strip()}: ”（半角冒号，后面空一格）；输入法切到英文再输入冒号",
        )
    match = _NO_SPACE.match(line)
    if match:
        column = match.end()
        return Problem(
            f"“{match['key']}:”的冒号后面缺一个空格，YAML 会把整行当成一段文字",
            path,
            number,
            column,
            f"在冒号后加一个半角空格：“{match['key']}: {line[match.end() :].strip()}”",
        )
    return None
