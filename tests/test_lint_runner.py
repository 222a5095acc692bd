"""The lint run: output formats (golden files), configuration, options, exit codes, .docx."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docx_builders import DocxBuilder, deleted, inserted, para, run, table, text_box
from reportgen.errors import UsageError
from reportgen.lint import LintOptions, lint_text, run_lint

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
GOLDEN = Path(__file__).parent / "golden" / "lint"
SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.mark.parametrize(("fmt", "suffix"), [("text", "txt"), ("json", "json"),
                                             ("sarif", "sarif"), ("github", "github")])  # fmt: skip
def test_output_matches_golden(monkeypatch: pytest.MonkeyPatch, fmt: str, suffix: str) -> None:
    monkeypatch.chdir(FIXTURES)
    output = run_lint(["small.txt"], LintOptions(format=fmt)).output
    golden = GOLDEN / f"small.{suffix}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


def test_sarif_validates_against_the_sarif_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    paths = [str(SEEDS / "002_b642ac03053a293c.txt"), str(FIXTURES / "report.yaml")]
    log = json.loads(run_lint(paths, LintOptions(format="sarif")).output)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert sum(r["ruleId"] == "placeholder" for r in results) == 17 + 5


def test_json_has_every_finding_key_and_a_summary() -> None:
    run = run_lint([str(SEEDS / "002_b642ac03053a293c.txt")], LintOptions(format="json"))
    document = json.loads(run.output)
    placeholders = [f for f in document["findings"] if f["rule"] == "placeholder"]
    assert len(placeholders) == 17
    assert set(placeholders[0]) >= {"path", "rule", "severity", "line", "column", "match",
                                    "message", "location", "end_line", "end_column"}  # fmt: skip
    assert placeholders[0]["location"] is None
    assert document["summary"]["by_rule"]["placeholder"] == 17


def test_text_output_colours_only_when_asked() -> None:
    plain = run_lint([str(FIXTURES / "small.txt")], LintOptions()).output
    coloured = run_lint([str(FIXTURES / "small.txt")], LintOptions(color=True)).output
    assert "\x1b[" not in plain and "\x1b[31m" in coloured


def test_github_escapes_percent_colon_comma_and_newline() -> None:
    from reportgen.lint.findings import Finding
    from reportgen.lint.format_github import format_github

    finding = Finding("a,b:c.txt", 1, 2, 1, 3, "placeholder", "warning", "*", "达50%\n再看")
    assert format_github([finding]) == (
        "::warning file=a%2Cb%3Ac.txt,line=1,col=2,endLine=1,endColumn=3,title=placeholder"
        "::达50%25%0A再看\n"
    )


def test_seeds_give_placeholders_only_in_the_city_bureau_draft() -> None:
    run = run_lint([str(SEEDS)], LintOptions(select=["placeholder"]))
    assert {Path(f.path).name for f in run.findings} == {"002_b642ac03053a293c.txt"}
    assert len(run.findings) == 17


def test_seed_with_repeated_headings_is_flagged() -> None:
    run = run_lint([str(SEEDS / "000_88ed6df5af2e25b9.txt")], LintOptions())
    repeated = [f for f in run.findings if f.rule == "duplicate-paragraph"]
    assert repeated[0].match == "加强组织领导　深入开展学习" and repeated[0].line == 9
    assert run.exit_code == 0  # warnings only; the default fail-on is error


def test_exit_codes_follow_fail_on(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("加强领导,压实责任。", encoding="utf-8")
    assert run_lint([str(path)], LintOptions()).exit_code == 0
    assert run_lint([str(path)], LintOptions(fail_on="warning")).exit_code == 1
    path.write_text("共*项。", encoding="utf-8")
    assert run_lint([str(path)], LintOptions()).exit_code == 1
    assert run_lint([str(path)], LintOptions(ignore=["placeholder"])).exit_code == 0


@pytest.mark.parametrize(
    "options",
    [LintOptions(format="xml"), LintOptions(select=["nosuch"]), LintOptions(ignore=["nosuch"]),
     LintOptions(fail_on="fatal")],
)  # fmt: skip
def test_bad_options_are_usage_errors_in_chinese(options: LintOptions) -> None:
    with pytest.raises(UsageError) as error:
        run_lint([str(FIXTURES / "small.txt")], options)
    assert any("\u4e00" <= char <= "\u9fff" for char in str(error.value))


def test_config_file_upward_and_cli_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportgen.lint]\nselect = ["confusable", "placeholder"]\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    draft = tmp_path / "docs" / "a.txt"
    draft.write_text("其它工作,同步推进。", encoding="utf-8")
    run = run_lint([str(draft)], LintOptions())
    assert [f.rule for f in run.findings] == ["confusable"] and run.exit_code == 1
    run = run_lint([str(draft)], LintOptions(select=["punctuation-width"], fail_on="error"))
    assert [f.rule for f in run.findings] == ["punctuation-width"] and run.exit_code == 0
    (tmp_path / "docs" / ".reportgen.toml").write_text('[lint]\nignore = ["confusable"]\n', "utf-8")
    run = run_lint([str(draft)], LintOptions())
    assert "confusable" not in {f.rule for f in run.findings}


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / ".reportgen.toml").write_text('[lint]\nselekt = ["x"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("内容", encoding="utf-8")
    with pytest.raises(UsageError, match="selekt"):
        run_lint([str(tmp_path / "a.txt")], LintOptions())


def test_lint_text_places_findings_for_render() -> None:
    [finding] = lint_text("第一行\n共*项", "r.yaml", line=7, column=5, select=["placeholder"])
    assert (finding.line, finding.column, finding.match) == (8, 2, "*")


# -- .docx, through reportgen.docx -------------------------------------------------------


def draft_docx(path: Path) -> Path:
    return (
        DocxBuilder()
        .header(para(run("××市住建局")))
        .add(
            para(run("一、总体情况")),
            para(run("新增泊位"), run("*.", bold=True), run("**万个"), run("。")),  # split runs
            para(run("改造完成"), deleted("**"), inserted(run("36")), run("个。")),
            table([para(run("投资达**.*%"))]),
            para(run("正文"), text_box(para(run("框内共*项")))),
            para(run("三、下一步")),
        )
        .save(path)
    )


def test_docx_findings_have_paragraph_numbers_and_locations(tmp_path: Path) -> None:
    path = draft_docx(tmp_path / "草稿.docx")
    run = run_lint([str(path)], LintOptions(format="json"))
    found = [(f.rule, f.match, f.location) for f in run.findings]
    assert ("placeholder", "*.**", "正文") in found
    assert ("placeholder", "**.*", "表格1") in found
    assert ("placeholder", "*", "文本框") in found
    assert ("placeholder", "××", "页眉") in found
    assert all(f.match != "**" for f in run.findings)  # the deletion is not the draft
    assert ("heading-sequence", "三、", "正文") in found
    assert json.loads(run.output)["findings"][0]["location"] is not None


def test_annotate_writes_a_copy_and_refuses_to_overwrite(tmp_path: Path) -> None:
    from reportgen.docx import read_docx

    path = draft_docx(tmp_path / "草稿.docx")
    out = tmp_path / "批注.docx"
    run = run_lint([str(path)], LintOptions(annotate=out))
    assert out.exists() and run.exit_code == 1
    assert [p.text for p in read_docx(out)] == [p.text for p in read_docx(path)]
    with pytest.raises(UsageError, match="已存在"):
        run_lint([str(path)], LintOptions(annotate=out))
    with pytest.raises(UsageError, match="单个"):
        run_lint([str(FIXTURES / "small.txt")], LintOptions(annotate=tmp_path / "x.docx"))


def test_corrupt_docx_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "坏.docx").write_bytes(b"not a zip at all")
    run = run_lint([str(tmp_path / "坏.docx"), str(FIXTURES / "small.txt")], LintOptions())
    assert run.exit_code == 2 and len(run.problems) == 1 and run.findings


# -- any text --------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("*＊Xx×_【】[]（）{}%.,，。、：:;!？！\n \u3000共项个月日市第待补0123456789重点abc")
)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80))
def test_any_text_gives_findings_inside_it(text: str) -> None:
    lines = text.split("\n")
    for finding in lint_text(text, "草稿.txt"):
        line = lines[finding.line - 1]
        assert 1 <= finding.column <= len(line) + 1
        if finding.end_line == finding.line:
            assert line[finding.column - 1 : finding.end_column - 1] == finding.match


def test_a_pyproject_that_never_names_reportgen_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("内容", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[project\nname = broken", encoding="utf-8")
    assert run_lint([str(tmp_path / "a.txt")], LintOptions()).exit_code == 0
    (tmp_path / "pyproject.toml").write_text("[tool.reportgen.lint\n", encoding="utf-8")
    with pytest.raises(UsageError, match="配置文件格式有误"):
        run_lint([str(tmp_path / "a.txt")], LintOptions())


@pytest.mark.parametrize(
    "spelling",
    [
        '[tool.reportgen.lint]\nselect = ["confusable"]\n',
        '[ "tool" . \'reportgen\' ]\nlint = { select = ["confusable"] }\n',
        '[tool]\nreportgen.lint.select = ["confusable"]\n',
        'tool.reportgen.lint.select = ["confusable"]\n',
        'tool = { reportgen = { lint = { select = ["confusable"] } } }\n',
        '[tool."reportgen"]\nlint.select = ["confusable"]\n',
        '"\\u0074ool".reportgen.lint.select = ["confusable"]\n',
    ],
)
def test_every_spelling_of_the_settings_table_is_read(tmp_path: Path, spelling: str) -> None:
    project = '[project]\nname = "reportgen-bureau"\n[project.scripts]\nreportgen = "x:y"\n'
    (tmp_path / "pyproject.toml").write_text(spelling + project, encoding="utf-8")
    (tmp_path / "a.txt").write_text("其它工作,同步推进。", encoding="utf-8")
    run = run_lint([str(tmp_path / "a.txt")], LintOptions())
    assert [f.rule for f in run.findings] == ["confusable"]


def test_a_pyproject_naming_reportgen_only_elsewhere_is_not_parsed(tmp_path: Path) -> None:
    # The project's own name, a script and a tool's options name reportgen; an unclosed
    # table further on would fail parsing, so lint runs only if the file is left alone.
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "reportgen"\n[project.scripts]\nreportgen = "reportgen.cli:main"\n'
        '[tool.importlinter]\nroot_package = "reportgen"\n[tool.other\n',
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("内容", encoding="utf-8")
    assert run_lint([str(tmp_path / "a.txt")], LintOptions()).exit_code == 0
