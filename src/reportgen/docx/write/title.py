"""Where to break a long title, so that no word is split across lines.

GB/T 9704 asks for a title broken at whole words, in a balanced shape (梯形 or 菱形): Word cannot
do that by itself, so the renderer decides the breaks. Without a dictionary, word boundaries are
guessed from the anatomy of an official title, ``[发文机关]关于[事由]的[文种]``:

* sure boundaries: around ``关于`` and ``的``, at punctuation, before the 文种 at the end;
* likely boundaries: between words found by forward maximum matching against a small lexicon
  of title words (办公室, 进一步, 主题教育 …); an unknown stretch is cut into pairs, since most
  words of a 事由 have two characters (食品|安全|示范|街区);
* anything else, also inside “…” and 《…》, is possible but costly, inside a lexicon word
  very costly; splitting a run of Latin letters or digits, starting a line with closing
  punctuation or ending one with opening punctuation never happens.

Among the breaks that keep every line within the width, the one with the fewest lines, then the
cheapest boundaries, then the most balanced lines wins; a line longer than the one above it is
preferred (上短下长 梯形), and with three lines a longest middle line (菱形) is fine too.
A title written with explicit line breaks (``\\n``) is kept as written.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from reportgen.gongwen.doctypes import DOC_TYPES

#: Common words of official titles, longest first within the segmentation; not exhaustive.
LEXICON = frozenset(
    """
    中共 人民政府 人大常委会 政协 委员会 办公室 办公厅 领导小组 工作组 指挥部 党工委 党支部 党组
    住建局 住房城乡建设局 管理局 监管局 街道 社区 乡镇 市委 县委 区委 机关 部门 单位 系统
    关于 进一步 加强 加快 全面 深入 扎实 持续 推进 推动 开展 做好 印发 实施 落实 贯彻 组织 建立
    健全 完善 提升 提高 创建 打造 召开 举办 部署 工作 情况 进展 成效 经验 问题 建议 措施 方案
    计划 安排 总结 汇报 报告 请示 通知 意见 要点 主题教育 主题 教育 学习 调研 实干 以学促干
    青年 干部 群众 办实事 实践 活动 重点 项目 专项 行动 整治 治理 改造 更新 老旧 小区 管网
    城市 城镇 农村 乡村 人居环境 环境 安全 生产 食品 示范 街区 建设 发展 高质量 服务 营商
    环境 质量 保障 住房 公积金 物业 停车 民生 年度 上半年 下半年 第一季度 季度 全年 近期 长效
    机制 体系 能力 水平 作风 纪律 党风廉政 意识形态 精神 决策部署 中央 省委 市政府 区政府
    """.split()  # noqa: SIM905 - a word list reads best as plain text
)
LONGEST_WORD = max(len(word) for word in LEXICON)
OPENING = "“‘（《【\u3014"  # \u3014: tortoise-shell bracket
CLOSING = "，。、；：？！”’）》】\u3015"
SURE, LIKELY, POSSIBLE, INSIDE_WORD = 0, 2, 40, 200
SHAPE_PENALTY = 6
MAX_LINES = 4


def char_width(char: str) -> float:
    """Width in body characters: ASCII letters, digits and spaces are half width."""
    return 0.5 if ord(char) < 0x2000 else 1.0


def text_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def _segment(text: str) -> tuple[set[int], set[int]]:
    """Word boundaries and offsets inside words: the words of :data:`LEXICON` are sure; between
    them, the segmenter rjieba decides where it is installed, pairs of characters otherwise."""
    boundaries, inside, edges = _lexicon_segment(text)
    words = _segmenter_words(text)
    if words is None:
        return boundaries, inside
    offset = 0
    for word in words:
        if len(word) > 1:
            inside.update(i for i in range(offset + 1, offset + len(word)) if i not in edges)
        offset += len(word)
        if offset not in inside:
            edges.add(offset)
    return edges - inside, inside


def _segmenter_words(text: str) -> list[str] | None:
    """rjieba's words of ``text``; None where it is not installed. Imported here, only when a
    title is too long for one line, so no command pays for loading its dictionary otherwise."""
    try:
        import rjieba
    except ImportError:
        return None
    words: list[str] = rjieba.cut(text)
    return words if "".join(words) == text else None


def _lexicon_segment(text: str) -> tuple[set[int], set[int], set[int]]:
    """Guess word boundaries by forward maximum matching against :data:`LEXICON`; a stretch of
    unknown characters is cut into pairs. Returns (boundaries, offsets inside a known word, the
    edges of known words)."""
    boundaries: set[int] = set()
    inside: set[int] = set()
    edges: set[int] = set()
    i = unknown_from = 0
    while i < len(text):
        for length in range(min(LONGEST_WORD, len(text) - i), 1, -1):
            if text[i : i + length] in LEXICON:
                boundaries.update(range(unknown_from + 2, i, 2))
                boundaries.update((i, i + length))
                edges.update((i, i + length))
                inside.update(range(i + 1, i + length))
                i = unknown_from = i + length
                break
        else:
            if not ("\u4e00" <= text[i] <= "\u9fff"):  # punctuation, Latin, digits
                boundaries.update(range(unknown_from + 2, i, 2))
                unknown_from = i + 1
            i += 1
    boundaries.update(range(unknown_from + 2, len(text), 2))
    return boundaries, inside, edges


def _boundary_costs(text: str) -> dict[int, int]:
    """Cost of breaking before ``text[i]`` for every allowed ``i`` in 1..len-1."""
    costs = dict.fromkeys(range(1, len(text)), POSSIBLE)
    boundaries, inside = _segment(text)
    for i in boundaries & costs.keys():
        costs[i] = LIKELY
    for i in inside & costs.keys():
        costs[i] = INSIDE_WORD
    sure: set[int] = set()
    for marker in ("关于", "的"):
        for match in re.finditer(marker, text):
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
    for i in (sure - inside) & costs.keys():
        costs[i] = SURE
    for match in re.finditer(r"“[^”]*”|《[^》]*》", text):  # keep a quoted name whole
        for i in range(match.start() + 1, match.end()):
            costs[i] = max(costs[i], POSSIBLE)
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
    total = text_width(text)
    if "\n" in text or total <= max_width or total > MAX_LINES * max_width:
        # One line, kept as written, or longer than MAX_LINES full lines: the word processor
        # wraps it (and no search over its breaks is started).
        return []
    costs = _boundary_costs(text)
    positions = sorted(costs)
    edges = [0.0]
    for char in text:
        edges.append(edges[-1] + char_width(char))
    for line_count in range(2, MAX_LINES + 1):
        best: tuple[float, list[int]] | None = None
        for breaks in _fitting_breaks(positions, edges, line_count, max_width):
            bounds = [0, *breaks, len(text)]
            widths = [edges[b] - edges[a] for a, b in itertools.pairwise(bounds)]
            score = sum(costs[i] for i in breaks) + _shape_cost(widths)
            if best is None or score < best[0]:
                best = (score, list(breaks))
        if best is not None:
            return best[1]
    return []  # pragma: no cover - MAX_LINES full lines always fit


def _fitting_breaks(
    positions: list[int], edges: list[float], line_count: int, max_width: float
) -> Iterator[tuple[int, ...]]:
    """Every choice of ``line_count - 1`` breaks among ``positions`` whose lines all fit.

    A break is only tried where the line before it fits and the lines after it can still hold
    the rest, so the search visits a window of about one line's width per break: bounded by
    the line width, not by the length of the title, whatever segmenter priced the positions.
    """
    total = edges[-1]

    def extend(chosen: tuple[int, ...], start: int) -> Iterator[tuple[int, ...]]:
        left = line_count - 1 - len(chosen)
        if left == 0:
            if total - edges[start] <= max_width:
                yield chosen
            return
        low = total - left * max_width  # the rest must fit in the lines left
        first = bisect.bisect_right(positions, start)
        for index in range(first, len(positions)):
            position = positions[index]
            width = edges[position] - edges[start]
            if width > max_width:
                break
            if edges[position] >= low:
                yield from extend((*chosen, position), position)

    return extend((), 0)
