"""Every bad input gets a Chinese message with file, line and column, the SPEC exit code, and
leaves every existing file as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, snapshot

GOOD = (EXAMPLES / "yixue-cugan.yaml").read_text("utf-8")


def write(folder: Path, text: str, name: str = "report.yaml") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    # An earlier rendering that a failing run must not touch.
    (folder / "report.docx").write_bytes(b"earlier output")
    return path


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def check_fails(cli, tmp_path, path, code, *needles):
    before = snapshot(tmp_path)
    result = cli("render", path)
    assert result.code == code, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr
    assert snapshot(tmp_path) == before
    return result


def test_yaml_syntax_error(cli, tmp_path):
    text = GOOD.replace("recipient: 区委", "recipient: [区委")
    path = write(tmp_path, text)
    line = line_of(text, "recipient:")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:12", "方括号")


def test_tab_indentation(cli, tmp_path):
    text = GOOD.replace("  study:\n", "\tstudy:\n")
    path = write(tmp_path, text)
    line = line_of(text, "\tstudy:")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:1", "制表符", "空格")


def test_typo_in_a_key_names_its_line_and_column(cli, tmp_path):
    text = GOOD.replace("sections:", "sectoins:")
    path = write(tmp_path, text)
    line = line_of(text, "sectoins:")
    result = check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:1: sectoins：不认识的字段")
    assert "sections：缺少必填项" in result.stderr


def test_typo_in_a_nested_key(cli, tmp_path):
    text = GOOD.replace("    heading: 以学促干，破题在调研", "    headnig: 以学促干，破题在调研")
    path = write(tmp_path, text)
    line = line_of(text, "headnig")
    check_fails(
        cli, tmp_path, path, 1, f"report.yaml:{line}:5: sections.research.headnig：不认识的字段"
    )


def test_wrong_type(cli, tmp_path):
    text = GOOD.replace("  学习材料: {value: 6, unit: 种}", "  学习材料: {value: 六, unit: 种}")
    path = write(tmp_path, text)
    line = line_of(text, "学习材料: {")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:", "figures.学习材料.value", "数字")


def test_impossible_date(cli, tmp_path):
    text = GOOD.replace("date: 2023-11-15", "date: 2023-02-30")
    path = write(tmp_path, text)
    line = line_of(text, "date: 2023-02-30")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:7: date：不是有效日期")


def test_missing_section(cli, tmp_path):
    start = GOOD.index("  research:")
    end = GOOD.index("  practice:")
    text = GOOD[:start] + GOOD[end:]
    path = write(tmp_path, text)
    line = line_of(text, "  study:")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:", "sections.research：缺少必填项")


def test_unknown_kind_lists_the_kinds(cli, tmp_path):
    path = write(tmp_path, GOOD.replace("kind: yixue-cugan", "kind: yixue"))
    check_fails(
        cli,
        tmp_path,
        path,
        1,
        "report.yaml:4:7",
        "没有名为“yixue”",
        "yixue-cugan",
        "annual-summary",
    )


def test_missing_kind(cli, tmp_path):
    path = write(tmp_path, GOOD.replace("kind: yixue-cugan\n", ""))
    check_fails(cli, tmp_path, path, 1, "缺少 kind 字段")


def test_empty_file(cli, tmp_path):
    path = write(tmp_path, "\n  \n")
    check_fails(cli, tmp_path, path, 1, "report.yaml", "文件是空的", "reportgen new")


def test_missing_file(cli, tmp_path):
    check_fails(cli, tmp_path, tmp_path / "nowhere.yaml", 2, "nowhere.yaml", "文件不存在")


def test_undeclared_figure_names_its_line(cli, tmp_path):
    text = GOOD.replace("{{ 调研次数 }}", "{{ 调研次数2 }}")
    path = write(tmp_path, text)
    line = line_of(text, "{{ 调研次数2 }}")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}: 引用了未声明的数据“调研次数2”")


def test_code_in_braces_never_runs(cli, tmp_path):
    text = GOOD.replace("{{ 调研次数 }}", "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    path = write(tmp_path, text)
    check_fails(cli, tmp_path, path, 1, "只能写数据名称")


def test_output_folder_that_does_not_exist(cli, tmp_path):
    path = write(tmp_path, GOOD)
    before = snapshot(tmp_path)
    result = cli("render", path, "-o", tmp_path / "missing" / "out.docx")
    assert result.code == 2, result.stderr
    assert "missing" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


def test_output_folder_not_writable(cli, tmp_path):
    """A folder the user may not write to. Root writes everywhere, so as root the command runs
    in a subprocess without the capabilities that override file permissions (setpriv)."""
    path = write(tmp_path, GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    target = locked / "out.docx"
    try:
        if os.geteuid() != 0:
            result = cli("render", path, "-o", target)
            code, stderr = result.code, result.stderr
        else:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.fail("root needs setpriv (util-linux) to drop its file-permission override")
            unprivileged = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--"]
            launcher = "from reportgen.cli.launcher import main; main()"
            done = subprocess.run(
                [*unprivileged, sys.executable, "-c", launcher, "render", path, "-o", target],
                capture_output=True,
                text=True,
                timeout=120,
            )
            code, stderr = done.returncode, done.stderr
        assert code == 2, stderr
        assert "写入" in stderr and "Traceback" not in stderr, stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_output_folder_not_writable_even_for_root(cli, tmp_path):
    """A read-only file system stands where permissions don't hold (root): /proc is one."""
    if not Path("/proc").is_dir():
        pytest.skip("no /proc")
    path = write(tmp_path, GOOD)
    result = cli("render", path, "-o", "/proc/reportgen-test.docx")
    assert result.code == 2, result.stderr
    assert "Traceback" not in result.stderr and "/proc" in result.stderr


def test_gbk_and_bom_yaml_are_read(cli, tmp_path):
    for name, data in (
        ("gbk.yaml", GOOD.encode("gb18030")),
        ("bom.yaml", GOOD.encode("utf-8-sig")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        result = cli("render", path)
        assert result.code == 0, result.stderr
        assert path.with_suffix(".docx").stat().st_size > 5000


def test_binary_yaml_is_refused_with_advice(cli, tmp_path):
    path = tmp_path / "junk.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    result = cli("render", path)
    assert result.code == 2 and "UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_new_never_overwrites_without_force(cli, tmp_path):
    target = tmp_path / "report.yaml"
    target.write_text("mine", "utf-8")
    result = cli("new", "yixue-cugan", "-o", target)
    assert result.code == 2 and "--force" in result.stderr
    assert target.read_text("utf-8") == "mine"
    assert cli("new", "yixue-cugan", "-o", target, "--force").code == 0
    assert target.read_text("utf-8").startswith("# yaml-language-server")


def test_new_with_unknown_kind_lists_the_kinds(cli, tmp_path):
    result = cli("new", "zongjie", cwd=tmp_path)
    assert result.code == 2
    assert "yixue-cugan" in result.stderr and "progress-brief" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_are_chinese_and_exit_2(cli):
    result = cli("render", "--nonsense")
    assert result.code == 2 and "没有选项 --nonsense" in result.stderr
    result = cli("render")
    assert result.code == 2 and "缺少参数" in result.stderr


def test_copy_of_examples_unchanged_by_failed_render(cli, tmp_path):
    shutil.copy(EXAMPLES / "yixue-cugan.yaml", tmp_path / "a.yaml")
    before = snapshot(tmp_path)
    assert cli("render", tmp_path / "a.yaml", "--template", tmp_path / "none.docx").code == 2
    assert snapshot(tmp_path) == before


def test_a_key_written_twice_names_the_second(cli, tmp_path):
    text = GOOD.replace("issuer: 区水务局\n", "issuer: 区水务局\nissuer: 区水务局办公室\n")
    path = write(tmp_path, text)
    line = line_of(text, "issuer: 区水务局办公室")
    check_fails(cli, tmp_path, path, 1, f"report.yaml:{line}:1: 字段 issuer 写了两次")


def test_block_scalar_paragraphs_keep_their_own_lines(cli, tmp_path):
    text = GOOD.replace(
        "preamble:\n  - 主题教育开展以来",
        "preamble: |\n  第一段没有数据。\n\n  第二段有*.**万户待填。\npreamble_unused:\n  - 主题教育开展以来",
    ).replace("preamble_unused:\n", "closing_unused:\n")
    text = text.replace("closing_unused:\n  - ", "# ")
    path = write(tmp_path, text)
    result = cli("render", path)
    assert result.code == 0, result.stderr
    line = line_of(text, "  第二段有")
    assert f"report.yaml:{line}: 占位符 *.** 尚未填写" in result.stderr


def test_a_defect_of_ours_is_said_plainly_without_traceback(cli, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("模拟的缺陷")

    monkeypatch.setattr("reportgen.api.render", broken)
    path = write(tmp_path, GOOD)
    result = cli("render", path)
    assert result.code == 2
    assert "reportgen 内部错误（RuntimeError: 模拟的缺陷）" in result.stderr
    assert "Traceback" not in result.stderr and "REPORTGEN_DEBUG=1" in result.stderr
