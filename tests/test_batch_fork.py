"""Batches forked from a prepared parent: the same bytes as one render per report, and workers
that end, fail or are stopped without losing a report or outliving the batch."""

from __future__ import annotations

import itertools
import os
import signal
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportgen import api, batchfork
from reportgen.batchfork import Later

forks = pytest.mark.skipif(not batchfork.available(), reason="no fork here: the pool path")


@pytest.mark.parametrize("path", [pytest.param("fork", marks=forks), "pool"])
def test_a_batch_writes_what_one_render_of_each_row_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    if path == "pool":  # where fork is not available
        monkeypatch.setattr(batchfork, "available", lambda: False)
    source = tmp_path / "r.yaml"
    source.write_text((EXAMPLES / "yixue-cugan.yaml").read_text("utf-8"), "utf-8")
    rows = "".join(f"第{i}街道,{i},{i * 1.5},9{i % 10}.5\n" for i in range(12))
    table = tmp_path / "b.csv"
    table.write_text("单位,积水点,惠及居民,水质合格率\n" + rows, "utf-8")
    (tmp_path / "batch").mkdir()
    planned = api.render_batch([source], tmp_path / "batch", table=table, jobs=2)
    results = list(planned)
    assert sorted(r.job.label for r in results) == sorted(j.label for j in planned.jobs)
    assert all(r.exit_code == 0 for r in results)
    (tmp_path / "one").mkdir()
    for job in planned.jobs:
        alone = tmp_path / "one" / job.output.name
        api.render(source, alone, row=job.row, row_table=job.table)
        assert job.output.read_bytes() == alone.read_bytes(), job.label
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]


def _pid(item: int) -> int:
    return os.getpid()


@forks
def test_both_workers_take_part_from_a_few_items_on() -> None:
    pids = list(batchfork.run(range(4), _pid, 2, lambda item, why: -1))
    assert len(pids) == 4 and len(set(pids)) == 2 and os.getpid() not in pids


def _own_pid(item: int) -> int:
    if item == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


@forks
def test_only_the_item_a_killed_worker_was_on_is_lost() -> None:
    results = list(batchfork.run(range(8), _own_pid, 2, lambda item, why: (item, why)))
    assert len(results) == 8
    lost = [r for r in results if isinstance(r, tuple)]
    assert lost == [(3, f"渲染进程被信号 {int(signal.SIGKILL)} 终止")]
    assert os.getpid() not in results


def _killed(item: int) -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return item


@forks
def test_items_left_when_every_worker_died_are_lost_not_dropped() -> None:
    results = list(batchfork.run(range(9), _killed, 2, lambda item, why: item))
    assert sorted(results) == list(range(9))


def _defect(item: int) -> int:
    if item == 2:
        raise ValueError("a defect")
    return item


@forks
def test_a_defect_in_a_worker_is_raised_in_the_parent() -> None:
    with pytest.raises(ValueError, match="a defect"):
        list(batchfork.run(range(6), _defect, 2, lambda item, why: -1))


def _slow(item: int) -> int:
    time.sleep(0.05)
    return os.getpid()


@forks
def test_a_batch_stopped_early_leaves_no_worker_behind() -> None:
    running = batchfork.run(range(100), _slow, 2, lambda item, why: -1)
    assert next(running) != os.getpid()
    running.close()  # as when the caller is interrupted: the workers are stopped and reaped
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def _logged(folder: Path) -> object:
    def work(item: int) -> Later[int]:
        time.sleep(0.02)  # the parent has queued the next item by the end
        log = folder / str(os.getpid())
        with log.open("a") as stream:
            stream.write(f"start {item}\n")

        def finish() -> int:
            with log.open("a") as stream:
                stream.write(f"finish {item}\n")
            return item

        return Later(finish)

    return work


@forks
def test_a_worker_takes_its_next_item_before_finishing_the_last(tmp_path: Path) -> None:
    """What a report's flush to disk overlaps: each worker starts item k+1, then finishes k;
    its last item is finished though nothing follows it (the parent waits for every answer
    before it says there is nothing more)."""
    signal.alarm(60)  # a held last item would hang the batch
    try:
        results = list(batchfork.run(range(12), _logged(tmp_path), 2, lambda item, why: -1))
    finally:
        signal.alarm(0)
    assert sorted(results) == list(range(12))
    logs = [path.read_text().split("\n")[:-1] for path in tmp_path.iterdir()]
    assert len(logs) == 2
    overlapped = 0
    for log in logs:
        events = [line.split() for line in log]
        started = [int(n) for what, n in events if what == "start"]
        assert sorted(int(n) for what, n in events if what == "finish") == sorted(started)
        for earlier, later in itertools.pairwise(started):
            assert log.index(f"finish {earlier}") < log.index(f"finish {later}"), log
            overlapped += log.index(f"start {later}") < log.index(f"finish {earlier}")
    assert overlapped  # (when the next item is not there yet, the last is finished first)


def test_a_batch_loads_its_yaml_without_pydantic_unless_a_column_sets_an_own_field(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of figures fill the records the prepared validators build (and write the bytes a
    render through pydantic writes: test_a_batch_writes_what_one_render_of_each_row_writes);
    a column setting a kind's own field needs pydantic, which checks its cells."""
    from reportgen import batch
    from reportgen.kinds.records import Record

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    figures = tmp_path / "figures.csv"
    figures.write_text("单位,积水点\n东城,3\n", "utf-8")
    example = EXAMPLES / "yixue-cugan.yaml"
    loaded = batch._loaded(example, example.stat().st_mtime_ns, (), str(figures))
    assert isinstance(loaded.report, Record)

    kinds = (EXAMPLES / "kinds",)
    report = tmp_path / "aq.yaml"
    api.new_scaffold("anquan-jiancha", report, registry=api.load_kinds(kinds))
    own = tmp_path / "own.csv"
    own.write_text("单位,contact\n东城,王明\n", "utf-8")
    for table, prepared in ((own, False), (figures, True)):
        batch._loaded.cache_clear()  # a new batch (the first full load prepared the kind)
        loaded = batch._loaded(report, report.stat().st_mtime_ns, kinds, str(table))
        assert isinstance(loaded.report, Record) is prepared, table.name
