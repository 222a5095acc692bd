"""Rule ``heading-sequence``: the numbering of 公文 headings (一、（一）1.（1）) in order."""

import re
from collections.abc import Iterator
from typing import NamedTuple

from reportgen import patterns
from reportgen.gongwen.headings import LABELS, heading_number, match_label
from reportgen.gongwen.numerals import chinese_number
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

# Leading Markdown and blanks before a heading number: "## 一、", "**（一）", "　　1."
_LEAD = patterns.compile(r"[\s\u3000]*(?:#+\s*)?(?:\*\*|__)?")
_APPENDIX = patterns.compile(r"[\s\u3000]*附\s*件")


class _Heading(NamedTuple):
    level: int  # 0..3
    number: int
    shown: str  # the number as written
    start: int
    end: int


class HeadingSequenceRule(Rule):
    """Finds breaks in heading numbering: a gap, a repeat, a skipped level, a missed restart.

    Why: drafts are cut and rearranged, and 一、二、四、 or a second （二） slips through;
    readers above notice it first. Levels are 一、 → （一） → 1. → （1）: numbering under a
    new parent starts again at 1, and so does everything after each 附件. Numbering is checked
    per scope: the body, and apart from it each table of a .docx (numbered indicator rows,
    lists inside cells), text box, header and note. A number that is missing at the start of
    a line but stands inside the text before (``【…】2、报身``) is no gap. In a .docx, Word's
    automatic numbering (``DocxParagraph.label``) counts as written. ``1.5亿元`` at the start
    of a paragraph is not a heading.

    Example: ``一、…`` ``二、…`` ``四、…`` → ``四、`` (三、 is missing).
    """

    id = "heading-sequence"
    severity = "warning"
    title = "标题序号"
    source_level = "GB/T 9704"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        # Per scope: where its text starts, and its headings in order (None: a 附件 resets the
        # numbering). Only headings are kept: a long .docx has tens of thousands of paragraphs.
        scopes: dict[str, tuple[int, list[_Heading | None]]] = {}
        for paragraph in source.paragraphs:
            name = _scope(paragraph.location)
            scope = scopes.get(name)
            if scope is None:
                scope = scopes[name] = (paragraph.start, [])
            if _APPENDIX.match(text, paragraph.start):
                scope[1].append(None)
                continue
            heading = _heading(text, paragraph.start, paragraph.end, paragraph.label)
            if heading is not None:
                scope[1].append(heading)
        hits = [
            hit
            for name, (since, headings) in scopes.items()
            for hit in _check_scope(text, since, headings, flat=name.startswith("表格"))
        ]
        yield from sorted(hits, key=lambda hit: hit.start)


def _scope(location: str | None) -> str:
    """Numbering runs through the body; each table, text box, header or note numbers apart."""
    return "正文" if location in (None, "正文", "内容控件") else location or "正文"


def _check_scope(
    text: str, since: int, headings: list[_Heading | None], *, flat: bool
) -> Iterator[Hit]:
    """Check one scope, whose text starts at ``since``. ``flat`` (a table): read row by row,
    the columns interleave, so each level is checked on its own, without parents."""
    last = [0, 0, 0, 0]  # last number seen at each level under the current parents
    previous_level = -1
    used_levels = {heading.level for heading in headings if heading is not None}
    for heading in headings:
        if heading is None:
            last, previous_level = [0, 0, 0, 0], -1
            continue
        level, number = heading.level, heading.number
        problem = None
        if not flat and level > 0 and previous_level < level - 1 and (level - 1) in used_levels:
            parent = LABELS[level - 1]
            problem = f"“{heading.shown}”前缺少上一级标题“{parent}”：请补上或调整层级"
        elif number == last[level]:
            problem = f"标题序号“{heading.shown}”与前一个同级标题重复：请重新编号"
        elif number > last[level] + 1:
            expected = heading_number(level + 1, last[level] + 1)
            if _written_inline(text, since, heading.start, heading.shown, last[level] + 1):
                pass  # 【…】2、报身: the number stands inside a line, the sequence is whole
            elif last[level]:
                problem = f"标题序号“{heading.shown}”跳号，前面缺少“{expected}”：请补上漏掉的部分或重新编号"
            else:
                problem = f"标题序号“{heading.shown}”应从“{expected}”开始：新的上级标题下重新编号"
        elif number < last[level]:
            problem = f"标题序号“{heading.shown}”比前一个同级标题小：请重新编号"
        if problem:
            yield Hit(heading.start, heading.end, problem)
        last[level] = number
        for deeper in range(level + 1, 4 if not flat else level + 1):
            last[deeper] = 0
        previous_level = level
        since = heading.end


def _written_inline(text: str, start: int, end: int, shown: str, number: int) -> bool:
    """Whether the missing number, in the form of ``shown`` (2、 for 3、), stands in the text
    between the previous heading and this one: numbering complete, only not at a line start."""
    missing = re.sub(r"\d+|[一二三四五六七八九十]+", _numeral(shown, number), shown, count=1)
    return missing in text[start:end]


def _numeral(shown: str, number: int) -> str:
    return str(number) if any(char.isdigit() for char in shown) else chinese_number(number)


def _heading(text: str, start: int, end: int, label: str) -> _Heading | None:
    """The heading number at the start of a paragraph (or in its Word label), if any."""
    if label:
        found = match_label(label.strip())
        if found is None:
            return None
        return _Heading(found.level - 1, found.number, found.text, start, start)
    lead = _LEAD.match(text, start, end)
    begin = lead.end() if lead else start
    found = match_label(text, begin, end)
    if found is None:
        return None
    return _Heading(found.level - 1, found.number, found.text, begin, found.end)
