"""``reportgen kinds`` remembers its listing between runs; the remembered listing is keyed by
every kind file's bytes, so it is only ever the listing the full validation gives."""

from __future__ import annotations

import datetime as dt
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


def _new(folder: Path, kind: str, bureau: Path, today: dt.date | None = None) -> dict[str, bytes]:
    """``reportgen new KIND`` as the command runs it (remembered or not) into ``folder``."""
    from reportgen.cli import commands

    folder.mkdir(exist_ok=True)
    commands.new(kind, folder / "r.yaml", force=True, kind_dirs=[bureau], today=today)
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _fresh(folder: Path, kind: str, bureau: Path, today: dt.date | None = None) -> dict[str, bytes]:
    """The same through the library, which builds the texts from the validated kind."""
    from reportgen import api

    folder.mkdir(exist_ok=True)
    registry = api.load_kinds([bureau])
    api.new_scaffold(kind, folder / "r.yaml", force=True, registry=registry, today=today)
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


DAYS = (dt.date(2026, 11, 28), dt.date(2027, 1, 1))  # a day, and the next year's first


def test_a_scaffold_remembered_one_day_is_written_right_the_next(
    bureau: Path, tmp_path: Path
) -> None:
    kinds = [kind.id for kind in load_registry([bureau])]
    for kind in kinds:  # remembered on the first day
        assert _new(tmp_path / f"a-{kind}", kind, bureau, DAYS[0]) == _fresh(
            tmp_path / f"fa-{kind}", kind, bureau, DAYS[0]
        )
    remembered = cached_new(bureau)
    assert len(remembered) == len(kinds)  # one per kind, not per day
    for kind in kinds:  # taken from it on the next
        written = _new(tmp_path / f"b-{kind}", kind, bureau, DAYS[1])
        assert written == _fresh(tmp_path / f"fb-{kind}", kind, bureau, DAYS[1])
        assert written != _fresh(tmp_path / f"fc-{kind}", kind, bureau, DAYS[0])
    assert cached_new(bureau) == remembered
    scaffold = (tmp_path / "b-baogao" / "r.yaml").read_text("utf-8")
    assert (
        "date: 2027-01-01" in scaffold and "\u30142027\u3015" in scaffold and "2026" not in scaffold
    )


def test_a_kind_holding_a_marker_of_its_own_is_made_afresh(bureau: Path, tmp_path: Path) -> None:
    # TOML spells U+0000 (YAML refuses it): a summary holding the date marker itself.
    (bureau / "marker.toml").write_text(
        'id = "marker-kind"\nname = "测试简报"\nsummary = "\\u0000日期\\u0000"\n'
        'layout = "brief"\n[sections]\nmode = "list"\n[[sections.items]]\nheading = "条目"\n',
        "utf-8",
    )
    for day in DAYS:
        written = _new(tmp_path / f"n-{day}", "marker-kind", bureau, day)
        assert written == _fresh(tmp_path / f"f-{day}", "marker-kind", bureau, day)
        assert "\0日期\0".encode() in written["r.yaml"]


def test_a_damaged_or_foreign_remembered_scaffold_changes_nothing(
    bureau: Path, tmp_path: Path
) -> None:
    expected = _fresh(tmp_path / "fresh", "han", bureau, DAYS[1])
    _new(tmp_path / "first", "han", bureau, DAYS[0])
    (entry,) = cached_new(bureau)
    head, _, body = entry.read_bytes().partition(b"\n")
    identity, _ = marshal.loads(body)
    foreign = [("han.schema.json", "kind: 假\n", "{}")]
    for damaged in (
        marshal.dumps((identity + b"x", foreign)),  # made from other inputs
        marshal.dumps((identity, [("han.schema.json", "kind: 假\n")])),  # rows not ours
        marshal.dumps((identity, "not rows")),
        b"not marshal",
    ):
        entry.write_bytes(head + b"\n" + damaged)
        assert _new(tmp_path / "again", "han", bureau, DAYS[1]) == expected
    entry.write_bytes(b"another key\n" + body)
    assert _new(tmp_path / "again", "han", bureau, DAYS[1]) == expected


def cached_new(bureau: Path) -> list[Path]:
    return sorted((bureau.parent / "cache").rglob("new-*.bin"))
