"""Finding placeholders: what a drafter writes where a figure, name or date is still missing.

This is the one detector, shared by ``lint`` (rule ``placeholder``) and ``render`` (highlighting
and the list of unfilled figures). It works on plain text; ``markdown=True`` additionally reads
Markdown emphasis, escapes and code spans the way a Markdown reader would.

Shapes found (``kind`` in brackets):

* ``star``: runs of ``*``/``＊``, also as number shapes ``*.**``, ``**.*``, ``*,***``;
* ``x``: runs of ``X``/``x``/``×`` where a figure or name belongs: before a measure word, a unit,
  a date unit or an administrative unit (``XX个``, ``X月X日``, ``××市``) or after ``第``;
* ``underscore``: blanks left for a figure (``共___项``);
* ``note``: bracketed notes such as ``【待补】``, ``[待定]``, ``（数据待核）``;
* ``tag``: unrendered template tags ``{{ 名称 }}``, ``{% … %}``.

Not placeholders: emphasis and list bullets (``**重点**``, ``* 条目``), separator lines
(``******``), ``3×3``, ``3*4``, ``X光``, ``X射线``, ``Windows XP``, ``iPhone X``, ``__init__``.

Emphasis in plain text is told apart by its position: ``**重点**`` standing at the start of a
line or after punctuation is emphasis, ``是**比之**的`` inside running text is two placeholders.
In both modes a pair whose opening run sits where a number goes (``共**项，增长**%``) is read as
placeholders even where CommonMark would read emphasis.
"""

# Full-width look-alikes of ASCII signs are what drafters type: matching them is the point.
# ruff: noqa: RUF001

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceholderMatch:
    start: int  # 0-based character offset in the text
    end: int  # exclusive
    text: str
    kind: str = "star"  # star | x | underscore | note | tag


# Words that follow a figure, a date part or a name: measure words, units, date units and
# administrative units. A run of X before one of these stands where a figure or name goes.
_UNIT = (
    r"(?:小时|小区|公里|公顷|公斤|公司|平方|社区|街道|单位|同志|部门|中心|季度|学期|千克|"
    r"[个项万亿千百元人次名家户件处所座台辆套间栋条批期届年月日号天周时分秒岁倍米亩吨份篇本场"
    r"轮类位支市县区局省镇乡村街路楼层厅委办科室组队校院章节款稿%％‰])"
)
_X_CHARS = "XxＸｘ×"

_TAG = r"\{\{.*?\}\}|\{%.*?%\}"
_NOTE = (
    r"[【\[［〔（(][^【】\[\]［］〔〕（）()\n]{0,16}?"
    r"(?:待[补定核填确更查完审]|暂缺|TODO|TBD)"
    r"[^【】\[\]［］〔〕（）()\n]{0,16}?[】\]］〕）)]"
)
_STAR = r"[*＊][*＊]*(?:[.,．][*＊]+)*"
_X_RUN = rf"[{_X_CHARS}][{_X_CHARS}]*(?:[.．][{_X_CHARS}]+)*"
_UNDERSCORE = r"[_＿][_＿]*"

# One pattern per shape, each starting with a single character class (not a repeat: "[*]+"
# would not do) so the regex engine skips ahead quickly; context checks that would need a leading look-behind are done on the few
# candidates instead. Earlier shapes win where candidates overlap ({{ *.** }} is one tag).
_SHAPES = (
    ("tag", re.compile(_TAG)),
    ("note", re.compile(_NOTE, re.IGNORECASE)),
    ("star", re.compile(_STAR)),
    ("x", re.compile(_X_RUN)),
    ("underscore", re.compile(_UNDERSCORE)),
)
_PRIORITY = {kind: index for index, (kind, _) in enumerate(_SHAPES)}
# A pair of emphasis delimiters around text without delimiters (one line).
_STAR_PAIR = re.compile(r"(?<![*\\])(\*{1,3})(?=[^\s*])([^*\n]+?)(?<=[^\s\\])\1(?!\*)")
_UNDERSCORE_PAIR = re.compile(r"(?<![_\w])(_{1,3})(?=[^\s_])([^_\n]+?)(?<=[^\s])\1(?![_\w])")
# A line that only separates: ***, * * *, ----, ____ (Markdown thematic breaks and the like).
_SEPARATOR_LINE = re.compile(r"[ \t]*(?:[*＊_＿\-=~][ \t]*){3,}")
# A list bullet: one star at the start of a line followed by a blank.
_BULLET = re.compile(r"[ \t　]*([*＊])[ \t]")
_CODE = re.compile(r"^```.*?^```[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_FIGURE_AFTER = re.compile(r"[.,．][*＊]|[%％‰]")
_UNIT_AFTER = re.compile(_UNIT)
# Characters that announce a figure: 共**项, 约**个, 第**批, 2**万.
_FIGURE_LEAD = frozenset("共约达近超逾第计余至占0123456789")
_X_SET = frozenset(_X_CHARS)


def find_placeholders(text: str, *, markdown: bool = False) -> list[PlaceholderMatch]:
    """Return the placeholders in ``text`` in order; offsets count characters."""
    candidates = [
        (match.start(), _PRIORITY[kind], match.end(), kind)
        for kind, pattern in _SHAPES
        for match in pattern.finditer(text)
    ]
    if not candidates:
        return []
    candidates.sort()
    markup = _Markup(text, markdown)
    found: list[PlaceholderMatch] = []
    covered = 0
    for start, _, end, kind in candidates:
        if start < covered or not _in_context(text, start, end, kind, markup):
            continue
        found.append(PlaceholderMatch(start, end, text[start:end], kind))
        covered = end
    return found


def _in_context(text: str, start: int, end: int, kind: str, markup: _Markup) -> bool:
    """Whether a candidate of ``kind`` at ``[start, end)`` stands where a placeholder would."""
    if kind in ("tag", "note"):
        return True
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if kind == "x":
        if _is_ascii_letter(before) or before in _X_SET or _is_ascii_letter(after):
            return False  # Windows XP, iPhone X
        return before == "第" or _UNIT_AFTER.match(text, end) is not None
    if kind == "underscore":
        if end - start < 2 and text[start] == "_":
            return False  # _blank: one ASCII underscore is no blank to fill
        if _is_ascii_alnum(before) or _is_ascii_alnum(after):
            return False  # __init__, a__b
        return not markup.skips(start)
    if not _star_is_placeholder(before, after, end - start, markup.markdown):
        return False
    return not markup.skips(start)


class _Markup:
    """Star and underscore runs that are markup (emphasis, bullets, separators, code)."""

    def __init__(self, text: str, markdown: bool) -> None:
        self.text = text
        self.markdown = markdown
        self._lines_done: set[int] = set()
        self._skip: set[int] = set()
        if markdown and "`" in text:
            for code in _CODE.finditer(text):
                self._skip.update(range(code.start(), code.end()))

    def skips(self, offset: int) -> bool:
        line_start = self.text.rfind("\n", 0, offset) + 1
        if line_start not in self._lines_done:
            self._lines_done.add(line_start)
            self._scan_line(line_start)
        return offset in self._skip

    def _scan_line(self, line_start: int) -> None:
        text, skip = self.text, self._skip
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _SEPARATOR_LINE.fullmatch(line):
            skip.update(range(line_start, line_start + len(line)))
            return
        bullet = _BULLET.match(line)
        if bullet:
            skip.add(line_start + bullet.start(1))
        for pattern in (_STAR_PAIR, _UNDERSCORE_PAIR):
            for pair in pattern.finditer(line):
                if _is_emphasis(line, pair, self.markdown):
                    skip.add(line_start + pair.start(1))
                    skip.add(line_start + pair.end(2))


def _is_emphasis(text: str, pair: re.Match[str], markdown: bool) -> bool:
    """Whether a delimiter pair reads as emphasis rather than two placeholders."""
    open_start, open_end = pair.span(1)
    close_start, close_end = pair.span(2)[1], pair.end()
    before = text[open_start - 1] if open_start else " "
    after = text[close_end] if close_end < len(text) else " "
    # CommonMark flanking: the opening run must lean on its text, the closing run too.
    if _is_punct(text[open_end]) and not _is_boundary(before):
        return False
    if _is_punct(text[close_start - 1]) and not _is_boundary(after):
        return False
    if (
        _FIGURE_AFTER.match(text, open_end)
        or _FIGURE_AFTER.match(text, pair.end())
        or (before in _FIGURE_LEAD and _UNIT_AFTER.match(text, open_end))
    ):
        return False  # 共**项，增长**% : the runs stand where figures go
    # Plain text has no emphasis syntax: only a pair set off from the words around it reads so.
    return markdown or (_is_boundary(before) and _is_boundary(after))


def _is_boundary(char: str) -> bool:
    return char.isspace() or _is_punct(char)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _star_is_placeholder(before: str, after: str, length: int, markdown: bool) -> bool:
    if _is_ascii_letter(before) or _is_ascii_letter(after):
        return False  # *args, Top*, a*b
    if before.isdigit() and after.isdigit():
        return False  # 3*4
    if length == 1 and before.isspace() and after.isspace():
        return False  # a * b
    return not (markdown and before == "\\")


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def todo(what: str) -> str:
    """The bracketed note that stands where text is still to be written: ``【待补：what】``.

    The scaffold, import and unfilled fields write it; :func:`find_placeholders` finds it
    (shape ``note``), so it renders highlighted and lint reports it.
    """
    return f"【待补：{what}】"


def number_shape(whole: int, decimals: int) -> str:
    """The placeholder a clerk types for a number not yet known: ``number_shape(2, 1)`` is
    ``**.*``. :func:`find_placeholders` reads it back (shape ``star``)."""
    return "*" * whole + ("." + "*" * decimals if decimals else "")
