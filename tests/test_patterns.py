"""reportgen.patterns: a pattern from the cache is the pattern re.compile gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportgen import patterns

# What the lint rules use: classes beyond Latin-1, CJK ranges, groups by name and number,
# back-references, look-arounds, flags given and flags set inside the pattern.
PATTERNS = [
    (r"([\u4e00-\u9fff])\1", 0),
    (r"[XxＸｘ×][XxＸｘ×]*(?:[,，][XxＸｘ×]{3}(?![XxＸｘ×]))*年", 0),
    (r"(?P<low>\d+(?:\.\d+)?)[～~至](?P<high>\d+)(万亿|亿|%)", 0),
    (r"^```.*?^```[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL),
    (r"待[补定核]|todo", re.IGNORECASE),
    (r"(?i)tbd|(?<=[，。])x", 0),
    ("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\U000f0000-\U0010ffff]", 0),
]
TEXT = "的的确确 XX年 X,XXX年 9～16亿 TODO 待补 Tbd ，x ```\ncode\n``` `c` \ue000 \x01 八八"


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder, and the module as a new process finds it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_unsaved", False)
    return tmp_path / "reportgen"


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "_stored", None)
    monkeypatch.setattr(patterns, "_unsaved", False)


def _same(compiled: re.Pattern[str], pattern: str, flags: int) -> None:
    expected = re.compile(pattern, flags)
    assert (compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    found = [(m.span(), m.groups()) for m in compiled.finditer(TEXT)]
    assert found == [(m.span(), m.groups()) for m in expected.finditer(TEXT)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_stored_pattern_is_the_one_re_compiles(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, flags: int
) -> None:
    _same(patterns.compile(pattern, flags), pattern, flags)  # compiled, then stored
    patterns.save()
    assert list(fresh_cache.glob("patterns-*.bin"))
    _new_process(monkeypatch)
    assert (pattern, flags) in patterns._load()
    _same(patterns.compile(pattern, flags), pattern, flags)  # from the cache


@pytest.mark.parametrize(
    "damage",
    [
        b"not marshal at all",
        b"",
        # another interpreter's file: its code words must not be handed to this engine
        __import__("marshal").dumps(("Python 2.7|1|2|3", {(r"a+", 0): (0, [1, 2], 0, {}, ())})),
        # the right interpreter, code words the engine refuses
        None,
    ],
)
def test_a_damaged_or_foreign_cache_is_compiled_afresh(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes | None
) -> None:
    import marshal

    if damage is None:
        entry = (0, [999, 999, 999], 0, {}, ())
        damage = marshal.dumps((patterns._interpreter(), {(r"a+", 0): entry}))
    from reportgen import usercache

    usercache.write("patterns", patterns._cache_key(), damage)
    _same(patterns.compile(r"a+", 0), r"a+", 0)
    patterns.save()
    _new_process(monkeypatch)
    assert patterns._load()[r"a+", 0][1] != [999, 999, 999]  # rewritten with good code


def test_a_wrong_pattern_fails_as_in_re(fresh_cache: Path) -> None:
    with pytest.raises(re.error):
        patterns.compile(r"[unclosed")


def test_no_cache_folder_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder would go
    _new_process(monkeypatch)
    _same(patterns.compile(r"(x)\1", 0), r"(x)\1", 0)
    patterns.save()  # nothing to write to: no error
