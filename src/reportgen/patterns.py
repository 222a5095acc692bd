"""Regular expressions, compiled once per interpreter rather than once per process.

Compiling is most of a short command's own time: every character class holding a character
beyond Latin-1 (``[，。；]``, ``[XxＸｘ]``) makes the compiler build a 64K-entry table, and a
class of Chinese characters (``[\\u4e00-\\u9fff]``) fills it one character at a time in
Python — a millisecond each, every time a process starts; ``lint`` of one page spent half its
time there. So :func:`compile` keeps what the compiler produced (the engine's code words, the
same call ``re.compile`` ends in) in the user's cache folder, and later processes hand the
stored code to the engine instead of compiling again.

A stored entry is used only for the same pattern text and flags on the same interpreter build
(``sys.version`` and the engine's own version, checked on reading), and the engine validates
code words as it takes them; anything else — no cache folder, a file of another Python, a
damaged file, an interpreter whose ``re`` internals differ — compiles as ``re.compile`` does.
A stored pattern is therefore the very object ``re.compile`` would give.

A pattern only some inputs need (the judging of one kind of candidate, one file format) is a
:class:`LazyPattern`, compiled the first time it is asked something.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

TYPE_CHECKING = False  # not typing's: see reportgen.cli.commands
if TYPE_CHECKING:
    from typing import Any

    # flags (with those set inside the pattern), code words, groups, name → index, index → name
    Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_stored: dict[tuple[str, int], Entry] | None = None  # read from the cache file on first use
_unsaved = False


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when this interpreter compiled it before."""
    global _unsaved
    flags = int(flags)
    stored = _load().get((pattern, flags))
    if stored is not None:
        try:
            return _engine().compile(pattern, *stored)  # type: ignore[no-any-return]
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass  # not this interpreter's code after all: compile it afresh
    fresh = _fresh(pattern, flags)
    if fresh is None:
        return re.compile(pattern, flags)
    compiled, _load()[pattern, flags] = fresh
    if not _unsaved:
        import atexit

        atexit.register(save)  # (and reportgen.cli.commands.finish calls it before os._exit)
        _unsaved = True
    return compiled


def save() -> None:
    """Store the patterns compiled in this process that the cache did not hold yet."""
    global _unsaved
    if not _unsaved or _stored is None:
        return
    _unsaved = False
    import marshal

    from reportgen import usercache

    try:
        data = marshal.dumps((_interpreter(), _stored))
    except ValueError:  # an engine whose code is not plain numbers: nothing to keep
        return
    usercache.write("patterns", _cache_key(), data)


def _fresh(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry] | None:
    """The pattern compiled and what ``re.compile`` handed the engine for it; None where this
    Python's ``re`` is not built the way this expects (then ``re.compile`` does it all)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        words = [int(word) for word in code]  # (opcodes are int subclasses marshal refuses)
        entry: Entry = (flags | state.flags, words, state.groups - 1, groupindex, tuple(indexgroup))
        return _engine().compile(pattern, *entry), entry
    except re.error:
        raise
    except Exception:
        return None


def _load() -> dict[tuple[str, int], Entry]:
    global _stored
    if _stored is None:
        _stored = {}
        try:
            import marshal

            from reportgen import usercache

            data = usercache.read("patterns", _cache_key())
            if data is not None:
                interpreter, entries = marshal.loads(data)
                if interpreter == _interpreter() and isinstance(entries, dict):
                    _stored = entries
        except (ValueError, EOFError, TypeError):
            pass  # another Python's, or damaged: compiled afresh and rewritten
    return _stored


def _engine() -> Any:
    import _sre  # the regular expression engine: what re.compile hands its code to

    return _sre


def _interpreter() -> str:
    engine = _engine()
    return f"{sys.version}|{engine.MAGIC}|{engine.CODESIZE}|{sys.maxunicode}"


def _cache_key() -> str:
    """The cache entry's name for this interpreter (the entry holds its full identity too)."""
    return f"{sys.implementation.cache_tag}-{_engine().MAGIC}"


class LazyPattern:
    """``compile(pattern, flags)``, done on first use; the methods of a compiled pattern."""

    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile(self.pattern, self._flags)
        return self._compiled

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.compiled.fullmatch(string, pos, endpos)

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled.sub(repl, string, count)
