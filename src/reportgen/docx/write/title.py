"""Where to break a long title, so that no word is split across lines.

GB/T 9704 asks for a title broken at whole words, in a balanced shape (梯形 or 菱形): Word cannot
do that by itself, so the renderer decides the breaks. Without a dictionary, word boundaries are
guessed from the anatomy of an official title, ``[发文机关]关于[事由]的[文种]``:

* sure boundaries: around ``关于`` and ``的``, at punctuation, before the 文种 at the end;
* likely boundaries: between words found by forward maximum matching against a lexicon of title
  words (``title_words.txt``: 办公室, 老旧小区, 进一步加强 …), and between the words the
  segmenter rjieba finds in the rest; without rjieba an unknown stretch is cut into pairs, since
  most words of a 事由 have two characters (食品|安全|示范|街区);
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
import functools
import itertools
import json
import re
from collections.abc import Iterator

from reportgen.gongwen.doctypes import DOC_TYPES

LEXICON_FILE = "title_words.txt"
_WORDS_CACHE = "title-words"


@functools.cache
def lexicon() -> frozenset[str]:
    """Words of official titles that must stay whole (data file ``title_words.txt``, one word a
    line, ``#`` comments); it wins over the segmenter where both know a stretch."""
    from pathlib import Path

    text = (Path(__file__).resolve().parent / LEXICON_FILE).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


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
    """Word boundaries and offsets inside words: the words of :func:`lexicon` are sure; between
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


@functools.lru_cache(maxsize=256)
def _segmenter_words(text: str) -> tuple[str, ...] | None:
    """rjieba's words of ``text``; None where it is not installed. Imported here, only when a
    title is too long for one line, so no command pays for loading its dictionary otherwise;
    and the words' lengths (never the text) are kept in the user's cache
    (:mod:`reportgen.usercache`) under a key of the text and the installed rjieba, since
    loading the dictionary takes longer than all the rest of a render; within a process, once
    per title. Most titles never get here (:func:`title_breaks`)."""
    from reportgen import usercache

    installed = usercache.installed("rjieba")
    if installed is None:
        return None
    key = usercache.key(_WORDS_CACHE, text, installed)
    stored = usercache.read(_WORDS_CACHE, key)
    if stored is not None:
        from_cache = _stored_words(stored, text)
        if from_cache is not None:
            return from_cache or None
    try:
        import rjieba
    except ImportError:
        return None
    words: list[str] = rjieba.cut(text)
    whole = "".join(words) == text
    # Only the words' lengths are stored, never the title's text.
    lengths = [len(word) for word in words] if whole else []
    usercache.write(_WORDS_CACHE, key, json.dumps(lengths).encode())
    return tuple(words) if whole else None


def _stored_words(stored: bytes, text: str) -> tuple[str, ...] | None:
    """The words of ``text`` from their stored lengths (empty: the segmenter's words were not
    the text); None for anything that is not that, which is cut again."""
    try:
        lengths = json.loads(stored)
    except ValueError:
        return None
    if not isinstance(lengths, list) or not all(
        type(length) is int and length > 0 for length in lengths
    ):
        return None
    if not lengths:
        return ()
    if sum(lengths) != len(text):
        return None
    words = []
    offset = 0
    for length in lengths:
        words.append(text[offset : offset + length])
        offset += length
    return tuple(words)


def _lexicon_segment(text: str) -> tuple[set[int], set[int], set[int]]:
    """Guess word boundaries by forward maximum matching against :func:`lexicon`; a stretch of
    unknown characters is cut into pairs. Returns (boundaries, offsets inside a known word, the
    edges of known words)."""
    boundaries: set[int] = set()
    inside: set[int] = set()
    edges: set[int] = set()
    i = unknown_from = 0
    words = lexicon()
    longest = max((len(word) for word in words), default=1)
    while i < len(text):
        for length in range(min(longest, len(text) - i), 1, -1):
            if text[i : i + length] in words:
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
    for i in (_sure(text) - inside) & costs.keys():
        costs[i] = SURE
    for i in _quoted(text):  # keep a quoted name whole
        costs[i] = max(costs[i], POSSIBLE)
    return {i: costs[i] for i in _allowed(text)}


def _cost_bounds(text: str) -> dict[int, tuple[int, int]]:
    """The least and the most :func:`_boundary_costs` can give each break, whatever words the
    segmenter finds (or if it is missing): only the lexicon and the text decide them. Inside
    a lexicon word and at its edges the segmenter changes nothing; anywhere else it puts a
    word boundary or the inside of a word, and without it the pairs decide."""
    boundaries, inside, edges = _lexicon_segment(text)
    sure = _sure(text)
    quoted = set(_quoted(text))
    bounds = {}
    for i in _allowed(text):
        at_boundary = SURE if i in sure else LIKELY
        if i in inside:
            options = [INSIDE_WORD]
        elif i in edges:
            options = [at_boundary]
        else:
            without = at_boundary if i in boundaries or i in sure else POSSIBLE
            options = [at_boundary, INSIDE_WORD, without]
        if i in quoted:
            options = [max(option, POSSIBLE) for option in options]
        bounds[i] = (min(options), max(options))
    return bounds


def _sure(text: str) -> set[int]:
    """Sure boundaries: around 关于 and 的, before the 文种, after closing and before opening
    punctuation."""
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
    return sure


def _quoted(text: str) -> Iterator[int]:
    """Offsets inside “…” and 《…》."""
    for match in re.finditer(r"“[^”]*”|《[^》]*》", text):
        yield from range(match.start() + 1, match.end())


def _allowed(text: str) -> list[int]:
    """Offsets a line may start at: never inside a run of Latin letters or digits, before
    closing or after opening punctuation."""
    allowed = []
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if not (
            (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
            or (after in CLOSING or before in OPENING)
        ):
            allowed.append(i)
    return allowed


def _shape_cost(widths: list[float]) -> float:
    mean = sum(widths) / len(widths)
    cost = sum((w - mean) ** 2 for w in widths)
    rising = all(a <= b for a, b in itertools.pairwise(widths))
    diamond = len(widths) == 3 and widths[1] >= max(widths[0], widths[2])
    return cost if rising or diamond else cost + SHAPE_PENALTY


def title_breaks(text: str, max_width: float) -> list[int]:
    """Offsets in ``text`` before which a new title line starts (empty: one line).

    When the lexicon and the text alone decide the breaks (one choice costs less at its most
    than every other at its least, :func:`_cost_bounds`), the segmenter is not asked: its
    words could not change them, and loading it costs more than the rest of a render."""
    total = text_width(text)
    if "\n" in text or total <= max_width or total > MAX_LINES * max_width:
        # One line, kept as written, or longer than MAX_LINES full lines: the word processor
        # wraps it (and no search over its breaks is started).
        return []
    edges = [0.0]
    for char in text:
        edges.append(edges[-1] + char_width(char))
    decided = _decided(_cost_bounds(text), edges, max_width)
    if decided is not None:
        return decided
    costs = _boundary_costs(text)
    for line_count in range(2, MAX_LINES + 1):
        best: tuple[float, list[int]] | None = None
        for breaks, shape in _choices(sorted(costs), edges, line_count, max_width):
            score = sum(costs[i] for i in breaks) + shape
            if best is None or score < best[0]:
                best = (score, list(breaks))
        if best is not None:
            return best[1]
    return []  # pragma: no cover - MAX_LINES full lines always fit


def _decided(
    bounds: dict[int, tuple[int, int]], edges: list[float], max_width: float
) -> list[int] | None:
    """The breaks :func:`title_breaks` chooses if the bounds leave no doubt; None otherwise."""
    for line_count in range(2, MAX_LINES + 1):
        scored = [
            (
                sum(bounds[i][0] for i in breaks) + shape,
                sum(bounds[i][1] for i in breaks) + shape,
                breaks,
            )
            for breaks, shape in _choices(sorted(bounds), edges, line_count, max_width)
        ]
        if not scored:
            continue
        best = min(scored, key=lambda choice: choice[1])
        if all(least > best[1] for least, _, breaks in scored if breaks is not best[2]):
            return list(best[2])
        return None
    return []  # pragma: no cover - MAX_LINES full lines always fit


def _choices(
    positions: list[int], edges: list[float], line_count: int, max_width: float
) -> Iterator[tuple[tuple[int, ...], float]]:
    """Every fitting choice of breaks with the cost of the shape of its lines."""
    for breaks in _fitting_breaks(positions, edges, line_count, max_width):
        bounds = [0, *breaks, len(edges) - 1]
        widths = [edges[b] - edges[a] for a, b in itertools.pairwise(bounds)]
        yield breaks, _shape_cost(widths)


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
