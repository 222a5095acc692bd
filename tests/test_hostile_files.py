"""Files that are not regular files, or far too big: refused at once, before anything is read
(issue 15). Big files are sparse: nothing of their size is written to disk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hostile import attempt, report

GOOD_FIGURES = "名称,数值\n学习材料,6\n"


def setup(folder: Path) -> None:
    (folder / "r.yaml").write_text(report(), "utf-8")
    (folder / "f.csv").write_text(GOOD_FIGURES, "utf-8")
    (folder / "b.csv").write_text("单位,学习材料\n甲,1\n乙,2\n", "utf-8")
    (folder / "d.txt").write_text("共有*个\n", "utf-8")


#: (what is hostile, the command, the name the message must carry)
ROLES = {
    "report": (["render", "{}"], "{}"),
    "lint-draft": (["lint", "{}"], "{}"),
    "import-draft": (["import", "{}"], "{}"),
    "figures": (["render", "r.yaml", "--figures", "{}"], "{}"),
    "batch": (["render", "r.yaml", "--batch", "{}"], "{}"),
    "template": (["render", "r.yaml", "--template", "{}"], "{}"),
}
SUFFIX = {
    "report": ".yaml",
    "lint-draft": ".txt",
    "import-draft": ".txt",
    "figures": ".csv",
    "batch": ".csv",
    "template": ".docx",
}


def args_for(role: str, name: str) -> list[str]:
    return [part.format(name) for part in ROLES[role][0]]


@pytest.mark.parametrize("role", list(ROLES))
def test_fifo_is_refused_at_once(tmp_path: Path, role: str) -> None:
    setup(tmp_path)
    name = "pipe" + SUFFIX[role]
    os.mkfifo(tmp_path / name)
    attempt(tmp_path, *args_for(role, name), needles=(name, "不是普通文件"), wall=15)


@pytest.mark.parametrize("role", ["report", "lint-draft", "import-draft", "figures"])
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_device_is_refused_at_once(tmp_path: Path, role: str, device: str) -> None:
    setup(tmp_path)
    attempt(tmp_path, *args_for(role, device), needles=(device, "不是普通文件"), wall=15)


@pytest.mark.parametrize("role", ["report", "lint-draft", "import-draft", "figures", "template"])
def test_huge_file_is_refused_before_reading(tmp_path: Path, role: str) -> None:
    setup(tmp_path)
    name = "huge" + SUFFIX[role]
    with open(tmp_path / name, "wb") as handle:
        handle.truncate(2 << 30)  # sparse: 2 GB that take no disk
    attempt(tmp_path, *args_for(role, name), needles=(name, "上限"), wall=15)


@pytest.mark.parametrize("role", ["figures", "batch", "template"])
def test_folder_where_a_file_is_expected(tmp_path: Path, role: str) -> None:
    setup(tmp_path)
    name = "folder" + SUFFIX[role]
    (tmp_path / name).mkdir()
    (tmp_path / name / "x.yaml").write_text(report(), "utf-8")
    attempt(tmp_path, *args_for(role, name), needles=(name,), wall=15)
