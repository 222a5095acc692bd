"""Where to break a long title, so that no word is split across lines.

GB/T 9704 asks for a title broken at whole words, in a balanced shape (梯形 or 菱形): Word cannot
do that by itself, so the renderer decides the breaks. Without a dictionary, word boundaries are
guessed from the anatomy of an official title, ``[发文机关]关于[事由]的[文种]``:

* sure boundaries: around ``关于`` and ``的``, at punctuation, before the 文种 at the end;
* likely boundaries: every second character inside the 事由 (most of its words have two
  characters: 食品|安全|示范|街区), except inside a few common longer words (办公室, 委员会 …);
* anything else is possible but costly; splitting a run of Latin letters or digits, starting a
  line with closing punctuation or ending one with opening punctuation never happens.

Among the breaks that keep every line within the width, the one with the fewest lines, then the
cheapest boundaries, then the most balanced lines wins; a line longer than the one above it is
preferred (上短下长 梯形), and with three lines a longest middle line (菱形) is fine too.
A title written with explicit line breaks (``\\n``) is kept as written.
"""

from __future__ import annotations

import itertools
import re

DOC_TYPES = ("汇报", "报告", "请示", "通知", "意见", "总结", "方案", "简报", "纪要", "批复", "函")
LONG_WORDS = (
    "办公室", "委员会", "领导小组", "人民政府", "人大常委会", "住建局", "管理局", "工作组",
    "指挥部", "党支部", "党委", "主题教育", "城乡建设", "以学促干", "高质量",
)
OPENING = "“‘（《【〔"
CLOSING = "，。、；：？！”’）》】〕"
SURE, LIKELY, POSSIBLE = 0, 2, 40
SHAPE_PENALTY = 6
MAX_LINES = 4


def char_width(char: str) -> float:
    """Width in body characters: ASCII letters, digits and spaces are half width."""
    return 0.5 if ord(char) < 0x2000 else 1.0


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def _boundary_costs(text: str) -> dict[int, int]:
    """Cost of breaking before ``text[i]`` for every allowed ``i`` in 1..len-1."""
    costs = dict.fromkeys(range(1, len(text)), POSSIBLE)
    start = text.find("关于")
    subject_start = start + 2 if start >= 0 else 0
    subject_end = text.rfind("的")
    if subject_end <= subject_start:
        subject_end = len(text)
    for i in range(subject_start + 2, subject_end, 2):
        costs[i] = LIKELY
    sure: set[int] = {subject_start, subject_end}
    if start > 0:
        sure.add(start)
    for match in re.finditer("的", text):
        sure.update((match.start(), match.end()))
    for doc_type in DOC_TYPES:
        if text.endswith(doc_type):
            sure.add(len(text) - len(doc_type))
            break
    for i, char in enumerate(text):
        if char in CLOSING:
            sure.add(i + 1)
        if char in OPENING:
            sure.add(i)
    for i in sure:
        if i in costs:
            costs[i] = SURE
    for word in LONG_WORDS:
        for match in re.finditer(word, text):
            for i in range(match.start() + 1, match.end()):
                costs[i] = max(costs.get(i, POSSIBLE), POSSIBLE)
    for i in list(costs):
        before, after = text[i - 1], text[i]
        if (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()) or (
            after in CLOSING or before in OPENING
        ):
            del costs[i]
    return costs


def _shape_cost(widths: list[float]) -> float:
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    rising = all(a <= b for a, b in itertools.pairwise(widths))
    diamond = len(widths) == 3 and widths[1] >= max(widths[0], widths[2])
    return cost if rising or diamond else cost + SHAPE_PENALTY


def title_breaks(text: str, max_width: float) -> list[int]:
    """Offsets in ``text`` before which a new title line starts (empty: one line)."""
    if "\n" in text or text_width(text) <= max_width:
        return []
    costs = _boundary_costs(text)
    positions = sorted(costs)
    for line_count in range(2, MAX_LINES + 1):
        best: tuple[float, list[int]] | None = None
        for breaks in itertools.combinations(positions, line_count - 1):
            edges = [0, *breaks, len(text)]
            widths = [text_width(text[a:b]) for a, b in itertools.pairwise(edges)]
            if max(widths) > max_width:
                continue
            score = sum(costs[i] for i in breaks) + _shape_cost(widths)
            if best is None or score < best[0]:
                best = (score, list(breaks))
        if best is not None:
            return best[1]
    # Longer than MAX_LINES full lines: let the word processor wrap it.
    return []
