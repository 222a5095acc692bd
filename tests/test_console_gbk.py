"""A Chinese Windows console (or a pipe there) is GBK: no command may crash writing to it.

The commands run as the installed ``reportgen`` with ``PYTHONIOENCODING=gbk``, on files whose names
hold Chinese characters and spaces, one of them with characters GBK lacks (₂, an emoji).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

REPORTGEN = Path(sys.executable).parent / "reportgen"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("gbk") / "办公室 文件"
    work.mkdir()
    (work / "草稿 一.txt").write_text(
        "市住建局关于减排工作的汇报\n完成 CO₂ 减排 *.** 万吨😀，向上级反应问题。\n",
        encoding="utf-8",
    )
    (work / "汇报 成稿.yaml").write_bytes((EXAMPLES / "yixue-cugan.yaml").read_bytes())
    return work


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    return subprocess.run([REPORTGEN, *args], cwd=folder, env=env, capture_output=True)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--help"], 0),
        (["kinds"], 0),
        (["new", "yixue-cugan", "-o", "新 模板.yaml", "--force"], 0),
        (["render", "汇报 成稿.yaml", "-o", "汇报 成稿.docx"], 0),
        (["render", "新 模板.yaml", "-o", "新 模板.docx"], 0),
        (["lint", "草稿 一.txt"], 1),
        (["lint", "草稿 一.txt", "--format", "json"], 1),
        (["lint", "新 模板.docx"], 1),
        (["import", "草稿 一.txt", "-o", "导入 稿.yaml", "--force"], 0),
        (["schema", "yixue-cugan"], 0),
        (["render", "没有 这个.yaml"], 2),
        (["edit", "--help"], 0),
    ],
)
def test_commands_write_to_a_gbk_console_without_crashing(folder: Path, args, code) -> None:
    result = run(folder, *args)
    stderr = result.stderr.decode("gbk")
    assert "内部错误" not in stderr
    assert result.returncode == code, stderr
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.stdout.decode("gbk") + stderr)
