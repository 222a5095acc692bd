"""Rule ``heading-sequence``: the numbering of 公文 headings (一、（一）1.（1）) in order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

_HAN = "一二三四五六七八九十"
# The four levels of GB/T 9704 headings. ``1.5亿元`` is no heading: no digit after the dot.
_LEVELS = (
    re.compile(rf"([{_HAN}]{{1,3}})、"),
    re.compile(rf"[（(]([{_HAN}]{{1,3}})[）)]"),
    re.compile(r"(\d{1,2})(?:[.．](?!\d)|、)"),
    re.compile(r"[（(](\d{1,2})[）)]"),
)
_LEVEL_NAMES = ("一、", "（一）", "1.", "（1）")
# Leading Markdown and blanks before a heading number: "## 一、", "**（一）", "　　1."
_LEAD = re.compile(r"[\s\u3000]*(?:#+\s*)?(?:\*\*|__)?")
_APPENDIX = re.compile(r"[\s\u3000]*附\s*件")


@dataclass(frozen=True)
class _Heading:
    level: int  # 0..3
    number: int
    shown: str  # the number as written
    start: int
    end: int


class HeadingSequenceRule(Rule):
    """Finds breaks in heading numbering: a gap, a repeat, a skipped level, a missed restart.

    Why: drafts are cut and rearranged, and 一、二、四、 or a second （二） slips through;
    readers above notice it first. Levels are 一、 → （一） → 1. → （1）: numbering under a
    new parent starts again at 1, and so does everything after 附件. In a .docx, Word's
    automatic numbering (``DocxParagraph.label``) counts as written. ``1.5亿元`` at the start
    of a paragraph is not a heading.

    Example: ``一、…`` ``二、…`` ``四、…`` → ``四、`` (三、 is missing).
    """

    id = "heading-sequence"
    severity = "warning"
    title = "标题序号"

    def check(self, source: Source) -> Iterator[Hit]:
        last = [0, 0, 0, 0]  # last number seen at each level under the current parents
        previous_level = -1
        used_levels = set()
        headings: list[_Heading | None] = []
        for paragraph in source.paragraphs:
            if _APPENDIX.match(source.text, paragraph.start):
                headings.append(None)  # a reset
                continue
            heading = _heading(source.text, paragraph.start, paragraph.end, paragraph.label)
            if heading is not None:
                headings.append(heading)
                used_levels.add(heading.level)
        for heading in headings:
            if heading is None:
                last, previous_level = [0, 0, 0, 0], -1
                continue
            level, number = heading.level, heading.number
            problem = None
            if level > 0 and previous_level < level - 1 and (level - 1) in used_levels:
                parent = _LEVEL_NAMES[level - 1]
                problem = f"“{heading.shown}”前缺少上一级标题“{parent}”：请补上或调整层级"
            elif number == last[level]:
                problem = f"标题序号“{heading.shown}”与前一个同级标题重复：请重新编号"
            elif number > last[level] + 1:
                expected = _show(level, last[level] + 1)
                problem = (
                    f"标题序号“{heading.shown}”跳号，前面缺少“{expected}”：请补上漏掉的部分或重新编号"
                    if last[level]
                    else f"标题序号“{heading.shown}”应从“{expected}”开始：新的上级标题下重新编号"
                )
            elif number < last[level]:
                problem = f"标题序号“{heading.shown}”比前一个同级标题小：请重新编号"
            if problem:
                yield Hit(heading.start, heading.end, problem)
            last[level] = number
            for deeper in range(level + 1, 4):
                last[deeper] = 0
            previous_level = level


def _heading(text: str, start: int, end: int, label: str) -> _Heading | None:
    """The heading number at the start of a paragraph (or in its Word label), if any."""
    if label:
        for level, pattern in enumerate(_LEVELS):
            found = pattern.match(label.strip())
            if found:
                return _Heading(level, _number(found.group(1)), found.group(), start, start)
        return None
    lead = _LEAD.match(text, start, end)
    begin = lead.end() if lead else start
    for level, pattern in enumerate(_LEVELS):
        found = pattern.match(text, begin, end)
        if found:
            return _Heading(level, _number(found.group(1)), found.group(), begin, found.end())
    return None


def _number(written: str) -> int:
    if written.isdigit():
        return int(written)
    digits = {char: index for index, char in enumerate("一二三四五六七八九", 1)}
    if "十" not in written:
        return digits.get(written, 0)
    tens, _, ones = written.partition("十")
    return digits.get(tens, 1) * 10 + digits.get(ones, 0)


def _show(level: int, number: int) -> str:
    if level in (2, 3):
        return f"（{number}）" if level == 3 else f"{number}."
    han = "一二三四五六七八九"
    written = (
        han[number - 1]
        if number < 10
        else ("" if number < 20 else han[number // 10 - 1])
        + "十"
        + (han[number % 10 - 1] if number % 10 else "")
    )
    return f"{written}、" if level == 0 else f"（{written}）"
