"""Writes finished later (a batch worker's): the output appears only once flushed to disk and
put in place, the flush runs beside the caller's next work, and whatever goes wrong or is
abandoned leaves the folder as it was."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportgen import api, batch
from reportgen.batchfork import Later
from reportgen.errors import UsageError
from reportgen.outputs import WritesFinishedLater, write_atomically


def test_the_flush_runs_on_its_own_thread_and_the_output_appears_when_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.docx"
    flushed_on: list[str] = []
    there_when_flushed: list[bool] = []
    fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        there_when_flushed.append(out.exists())
        flushed_on.append(threading.current_thread().name)
        fsync(fd)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    with WritesFinishedLater() as writes:
        write_atomically(out, b"whole")
    assert len(writes) == 1 and not out.exists()
    writes[0].finish()
    assert out.read_bytes() == b"whole"
    assert flushed_on and flushed_on[0] != threading.current_thread().name
    assert there_when_flushed == [False]  # flushed before it was put in place
    assert os.listdir(tmp_path) == ["out.docx"]
    write_atomically(out, b"again")  # outside the block: finished at once, on this thread
    assert out.read_bytes() == b"again" and flushed_on[1] == threading.current_thread().name


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every flush to disk fails, as on a full disk."""

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)


def test_a_failed_flush_keeps_the_existing_file_and_leaves_no_temporary(
    tmp_path: Path, full_disk: None
) -> None:
    (tmp_path / "out.docx").write_bytes(b"before")
    with WritesFinishedLater() as writes:
        write_atomically(tmp_path / "out.docx", b"new")
    with pytest.raises(UsageError, match="无法写入输出文件"):
        writes[0].finish()
    assert os.listdir(tmp_path) == ["out.docx"]
    assert (tmp_path / "out.docx").read_bytes() == b"before"


def test_an_abandoned_write_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    with WritesFinishedLater() as writes:
        write_atomically(tmp_path / "out.docx", b"never")
    assert len(os.listdir(tmp_path)) == 1  # the temporary file, meanwhile
    writes[0].abandon()
    assert os.listdir(tmp_path) == []


def _job(tmp_path: Path) -> batch.Job:
    source = tmp_path / "r.yaml"
    source.write_text((EXAMPLES / "yixue-cugan.yaml").read_text("utf-8"), "utf-8")
    return batch.Job(source, tmp_path / "out" / "r.docx", "r")


def test_a_batch_job_is_put_in_place_when_finished(tmp_path: Path) -> None:
    job = _job(tmp_path)
    (tmp_path / "out").mkdir()
    started = batch.start_one(job, batch.Options())
    assert isinstance(started, Later) and not job.output.exists()
    result = started.finish()
    assert result.exit_code == 0 and job.output.exists()
    alone = tmp_path / "alone.docx"
    api.render(job.source, alone)
    assert job.output.read_bytes() == alone.read_bytes()


def test_a_batch_job_whose_flush_fails_is_a_failed_job(tmp_path: Path, full_disk: None) -> None:
    job = _job(tmp_path)
    (tmp_path / "out").mkdir()
    started = batch.start_one(job, batch.Options())
    assert isinstance(started, Later)
    result = started.finish()
    assert result.exit_code != 0
    assert "无法写入输出文件" in str(result.problems[0])
    assert os.listdir(tmp_path / "out") == []


def test_a_batch_job_that_fails_before_writing_is_answered_at_once(tmp_path: Path) -> None:
    job = _job(tmp_path)  # its output folder is missing
    result = batch.start_one(job, batch.Options())
    assert isinstance(result, batch.JobResult) and result.exit_code != 0
