"""What lint says when it could not read everything: never words that read as all clear."""

from __future__ import annotations

import json
from pathlib import Path

from docx_builders import DocxBuilder, para, run, table
from reportgen.lint import LintOptions, run_lint

ROOT = Path(__file__).resolve().parent.parent


def test_a_mistyped_name_is_not_all_clear(tmp_path: Path, cli) -> None:
    result = cli("lint", tmp_path / "草稿.docx")
    assert result.code == 2
    assert "未发现问题" not in result.stdout
    assert "没有检查任何文件" in result.stdout and "不存在" in result.stderr


def test_unreadable_files_are_counted_beside_the_findings(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("共*项。", encoding="utf-8")
    run = run_lint([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], LintOptions())
    assert run.exit_code == 2
    assert "另有 1 个文件或路径无法读取" in run.output.splitlines()[-1]


def test_doc_and_wps_in_a_folder_are_reported_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "通知.WPS").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "好.txt").write_text("内容。", encoding="utf-8")
    run = run_lint([str(tmp_path)], LintOptions(format="json"))
    summary = json.loads(run.output)["summary"]
    assert (summary["files"], summary["unreadable"], run.exit_code) == (1, 2, 2)
    assert [Path(p).name for p in summary["unreadable_files"]] == ["旧稿.doc", "通知.WPS"]
    assert all("另存为" in (problem.hint or "") for problem in run.problems)
    assert {".doc", ".wps"} == {p.message.split("（")[1][:4] for p in run.problems}


def test_a_kind_file_is_checked_as_a_kind_not_as_a_draft(tmp_path: Path) -> None:
    kinds = ROOT / "examples" / "kinds"
    run = run_lint([str(kinds)], LintOptions())
    assert (run.findings, run.exit_code) == ([], 0)  # its XX局 and 【待补：…】 are guidance
    broken = tmp_path / "坏类型.yaml"
    text = (kinds / "anquan-jiancha.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("layout: report", "layout: baogao"), encoding="utf-8")
    [finding] = run_lint([str(broken)], LintOptions()).findings
    assert finding.rule == "kind-file" and "报告类型定义有误" in finding.message
    assert text.splitlines()[finding.line - 1] == "layout: report"


def test_a_docx_finding_names_its_heading_and_first_words(tmp_path: Path) -> None:
    path = (
        DocxBuilder()
        .add(
            para(run("一、总体情况")),
            para(run("今年以来，全区进展顺利。")),
            para(run("新增公共停车泊位*.**万个，超额完成任务。")),
            table([para(run("投资达**.*%"))]),
        )
        .save(tmp_path / "草稿.docx")
    )
    result = run_lint([str(path)], LintOptions(format="json"))
    first, cell = [f for f in result.findings if f.rule == "placeholder"]
    assert first.context == "标题“一、总体情况”下第2段，段首“新增公共停车泊位*.**…”"
    assert cell.location == "表格1" and cell.context and "投资达**.*%" in cell.context
    assert json.loads(result.output)["findings"][0]["context"] == first.context
    text = run_lint([str(path)], LintOptions()).output
    assert "（正文，标题“一、总体情况”下第2段，段首“新增公共停车泊位*.**…”）" in text


def test_help_says_what_levels_and_exit_codes_mean(cli) -> None:
    result = cli("lint", "--help")
    assert "警告（warning）" in result.stdout and "退出码" in result.stdout
    assert "2 有文件没能检查" in result.stdout
