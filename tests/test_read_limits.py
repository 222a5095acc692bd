"""read_file reads what a file holds, within the limit, without a buffer of the limit's size."""

from __future__ import annotations

from pathlib import Path


def test_reading_a_small_file_allocates_for_its_size_not_the_limit(tmp_path: Path) -> None:
    """read_file reads what is there (and what a growing file adds, up to the limit) without a
    buffer of the limit's size: a 30 KB report once cost a 32 MB allocation."""
    import tracemalloc

    from reportgen.limits import current, read_file

    path = tmp_path / "r.yaml"
    path.write_bytes("标题".encode() * 5000)
    tracemalloc.start()
    data = read_file(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert data == path.read_bytes()
    assert peak < 1_000_000 < current().text_bytes


def test_a_file_that_grows_while_read_is_still_bounded(tmp_path: Path) -> None:
    """What it adds after the size was taken is read too, and past the limit refused."""
    import os

    import pytest

    from reportgen import limits
    from reportgen.errors import UsageError

    path = tmp_path / "grow.txt"
    path.write_bytes(b"a" * 100)
    real_fstat = os.fstat

    def fstat_then_grow(fd: int) -> os.stat_result:
        info = real_fstat(fd)
        with path.open("ab") as more:
            more.write(b"b" * 50)
        return info

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits.os, "fstat", fstat_then_grow)
        assert limits.read_file(path) == b"a" * 100 + b"b" * 50
        path.write_bytes(b"a" * 100)
        patch.setattr(limits, "current", lambda: limits.Limits(text_bytes=120))
        with pytest.raises(UsageError):
            limits.read_file(path)
