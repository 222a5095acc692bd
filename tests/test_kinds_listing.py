"""``reportgen kinds`` remembers its listing between runs; the remembered listing is keyed by
every kind file's bytes, so it is only ever the listing the full validation gives."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportgen.errors import ReportgenError
from reportgen.kinds.listing import listing
from reportgen.kinds.registry import load_registry
from reportgen.textio import terminal_safe


def full(dirs: list[Path]) -> list[tuple[str, str, str]]:
    """The listing as validation gives it, shown as a terminal gets it."""
    return [
        (kind.id, terminal_safe(kind.spec.name), terminal_safe(kind.spec.summary))
        for kind in load_registry(dirs)
    ]


@pytest.fixture
def bureau(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "kinds"
    folder.mkdir()
    shutil.copy(EXAMPLES / "kinds" / "anquan-jiancha.yaml", folder)
    return folder


def cached_files(bureau: Path) -> list[Path]:
    return sorted((bureau.parent / "cache").rglob("kinds-*.bin"))


def test_the_remembered_listing_is_the_full_one(bureau: Path) -> None:
    expected = full([bureau])
    assert listing([bureau]) == expected
    assert len(cached_files(bureau)) == 1
    assert listing([bureau]) == expected  # from the cache now
    assert listing([]) == full([])


def test_a_changed_added_or_removed_kind_file_is_never_listed_stale(bureau: Path) -> None:
    listing([bureau])
    kind_file = bureau / "anquan-jiancha.yaml"
    kind_file.write_text(
        kind_file.read_text("utf-8").replace("name: ", "name: 改名的", 1), encoding="utf-8"
    )
    assert listing([bureau]) == full([bureau])
    assert any(name.startswith("改名的") for _, name, _ in listing([bureau]))
    second = bureau / "second.yaml"
    second.write_text(
        kind_file.read_text("utf-8").replace("id: anquan-jiancha", "id: second-kind"),
        encoding="utf-8",
    )
    assert [row[0] for row in listing([bureau])][-2:] == ["anquan-jiancha", "second-kind"]
    second.unlink()
    assert listing([bureau]) == full([bureau])


def test_an_invalid_kind_file_fails_as_validation_says(bureau: Path) -> None:
    listing([bureau])  # a good listing remembered first
    (bureau / "anquan-jiancha.yaml").write_text("id: Bad Id\nsections: 3\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as cached_way:
        listing([bureau])
    with pytest.raises(ReportgenError) as full_way:
        full([bureau])
    assert cached_way.value.problems == full_way.value.problems


def test_a_damaged_or_unwritable_cache_changes_nothing(bureau: Path) -> None:
    listing([bureau])
    for path in cached_files(bureau):
        head, _, body = path.read_bytes().partition(b"\n")
        identity, _ = marshal.loads(body)
        path.write_bytes(head + b"\n" + marshal.dumps((identity + b"x", [("假", "假", "假")])))
    assert listing([bureau]) == full([bureau])
    for path in cached_files(bureau):
        bad_rows = marshal.dumps((identity, [("假", "假")]))  # the same inputs, rows not ours
        path.write_bytes(head + b"\n" + bad_rows)
    assert listing([bureau]) == full([bureau])
    for path in cached_files(bureau):
        path.write_text("not marshal", encoding="utf-8")
    assert listing([bureau]) == full([bureau])
    shutil.rmtree(bureau.parent / "cache")
    (bureau.parent / "cache").write_text("a file where the cache folder would be")
    assert listing([bureau]) == full([bureau])


def test_a_missing_kinds_folder_is_reported_by_the_full_path(bureau: Path) -> None:
    with pytest.raises(ReportgenError) as caught:
        listing([bureau / "missing"])
    assert "类型文件夹不存在" in caught.value.problems[0].message


def _new(folder: Path, kind: str, bureau: Path) -> dict[str, bytes]:
    """``reportgen new KIND`` as the command runs it (remembered or not) into ``folder``."""
    from reportgen.cli import commands

    folder.mkdir(exist_ok=True)
    commands.new(kind, folder / "r.yaml", force=True, kind_dirs=[bureau])
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _fresh(folder: Path, kind: str, bureau: Path) -> dict[str, bytes]:
    """The same through the library, which builds the texts from the validated kind."""
    from reportgen import api

    folder.mkdir(exist_ok=True)
    api.new_scaffold(kind, folder / "r.yaml", force=True, registry=api.load_kinds([bureau]))
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_remembered_scaffold_is_the_one_the_kind_gives(bureau: Path, tmp_path: Path) -> None:
    for kind in ("anquan-jiancha", "yixue-cugan", "tongzhi"):
        expected = _fresh(tmp_path / f"fresh-{kind}", kind, bureau)
        assert _new(tmp_path / f"first-{kind}", kind, bureau) == expected
        assert _new(tmp_path / f"again-{kind}", kind, bureau) == expected  # from the cache
    assert len(sorted((bureau.parent / "cache").rglob("new-*.bin"))) == 3


def test_a_changed_kind_file_or_reportgen_is_never_scaffolded_stale(
    bureau: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _new(tmp_path / "first", "anquan-jiancha", bureau)
    kind_file = bureau / "anquan-jiancha.yaml"
    kind_file.write_text(
        kind_file.read_text("utf-8").replace("name: ", "name: 改名的", 1), encoding="utf-8"
    )
    changed = _new(tmp_path / "changed", "anquan-jiancha", bureau)
    assert changed == _fresh(tmp_path / "fresh", "anquan-jiancha", bureau)
    assert "改名的".encode() in changed["r.yaml"]
    # Another reportgen (a file of it changed) gives another key: made afresh, not read.
    from reportgen import usercache

    monkeypatch.setattr(usercache, "code_identity", lambda: "another reportgen")
    assert _new(tmp_path / "other", "anquan-jiancha", bureau) == changed
    assert len(sorted((bureau.parent / "cache").rglob("new-*.bin"))) == 3  # one per key


def test_an_unknown_kind_is_reported_and_nothing_remembered(bureau: Path, tmp_path: Path) -> None:
    with pytest.raises(ReportgenError) as caught:
        _new(tmp_path / "out", "no-such-kind", bureau)
    assert "no-such-kind" in caught.value.problems[0].message
    assert not list((bureau.parent / "cache").rglob("new-*.bin"))
