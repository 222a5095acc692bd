"""Reading what lint checks: encodings, broken files, folders, Markdown and YAML positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import UsageError
from reportgen.lint import LintOptions, run_lint
from reportgen.lint.readers import collect_files
from reportgen.textio import decode_text

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
DRAFT = "全区共改造小区*个，投资**.*亿元。\n"


def places(paths: list[str], **options: object) -> list[tuple[str, int, int, str]]:
    run = run_lint(paths, LintOptions(select=["placeholder"], **options))  # type: ignore[arg-type]
    return [(Path(f.path).name, f.line, f.column, f.match) for f in run.findings]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_text_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "草稿.txt"
    path.write_bytes(DRAFT.encode(encoding))
    assert places([str(path)]) == [("草稿.txt", 1, 8, "*"), ("草稿.txt", 1, 13, "**.*")]


def test_utf8_is_never_read_as_gbk() -> None:
    # these UTF-8 bytes also decode as GB18030, into other characters
    assert decode_text("改造小区".encode(), "x.txt") == "改造小区"


def test_windows_line_ends_keep_lines_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "草稿.txt"
    path.write_bytes("第一行\r\n共*项\r\n".encode())
    assert places([str(path)]) == [("草稿.txt", 2, 2, "*")]


def test_binary_junk_is_a_usage_problem_and_others_are_still_checked(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 8)
    good = tmp_path / "good.txt"
    good.write_text(DRAFT, encoding="utf-8")
    run = run_lint([str(junk), str(good)], LintOptions())
    assert run.exit_code == 2
    assert [p.path for p in run.problems] == [str(junk)]
    assert "文本" in run.problems[0].message
    assert {f.path for f in run.findings} == {str(good)}


def test_empty_file_has_no_findings(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = run_lint([str(tmp_path / "empty.txt")], LintOptions())
    assert (run.findings, run.problems, run.exit_code) == ([], [], 0)


def test_missing_file_and_unsupported_type_are_problems(tmp_path: Path) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    run = run_lint([str(tmp_path / "nope.txt"), str(tmp_path / "old.doc")], LintOptions())
    assert run.exit_code == 2
    assert ["不存在" in p.message for p in run.problems] == [True, False]
    assert "docx" in (run.problems[1].hint or "")


def test_folders_recurse_and_skip_hidden_and_lock_files(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/deeper/c.yaml", "sub/d.yml", ".git/x.txt",
                 ".hidden.txt", "~$草稿.docx", "notes.csv"):  # fmt: skip
        (tmp_path / name).write_text("内容", encoding="utf-8")
    files, problems = collect_files([str(tmp_path)])
    assert problems == []
    assert sorted(p.relative_to(tmp_path).as_posix() for p, _ in files) == [
        "a.txt", "sub/b.md", "sub/d.yml", "sub/deeper/c.yaml",
    ]  # fmt: skip


def test_a_thousand_files(tmp_path: Path) -> None:
    for index in range(1000):
        (tmp_path / f"{index:04}.txt").write_text(f"第{index}份，共*项。", encoding="utf-8")
    run = run_lint([str(tmp_path)], LintOptions(format="json"))
    assert len(run.findings) == 1000 and run.exit_code == 1


def test_txt_shapes_fixture() -> None:
    found = places([str(FIXTURES / "shapes.txt")])
    assert [match for *_, match in found] == [
        "*", "*.**", "**.*", "*,***", "XX", "X月X日", "××", "X", "___", "【待补】", "【数据待核】",
        "[待定]", "（待补充）", "{{ 名称 }}", "{% if 已完成 %}", "{% endif %}",
    ]  # fmt: skip
    assert found[1] == ("shapes.txt", 3, 22, "*.**")


@pytest.mark.parametrize("name", ["traps.txt", "traps.md"])
def test_traps_fixtures_have_no_placeholders(name: str) -> None:
    assert places([str(FIXTURES / name)]) == []


def test_markdown_fixture_reads_emphasis_and_front_matter() -> None:
    found = places([str(FIXTURES / "shapes.md")])
    assert found == [
        ("shapes.md", 2, 11, "X"),  # front matter is text
        ("shapes.md", 12, 6, "**"), ("shapes.md", 12, 12, "**"),  # 共**项，增长**%
        ("shapes.md", 13, 7, "**.*"), ("shapes.md", 13, 15, "*,***"),
        ("shapes.md", 14, 4, "X月X日"), ("shapes.md", 14, 16, "【待补】"),
    ]  # fmt: skip


def test_report_yaml_is_placed_at_its_own_lines_and_columns() -> None:
    found = places([str(FIXTURES / "report.yaml")])
    assert found == [
        ("report.yaml", 6, 13, "*"),  # second line of a | block
        ("report.yaml", 11, 30, "{{ 心得篇数 }}"),  # a figure without value; 学习次数 has one
        ("report.yaml", 15, 14, "XX"),  # inside double quotes
        ("report.yaml", 15, 22, "【待补】"),
        ("report.yaml", 21, 13, "*.**"),  # second line of a > block
    ]


def test_other_yaml_is_checked_by_its_string_scalars() -> None:
    assert places([str(FIXTURES / "other.yaml")]) == [("other.yaml", 4, 11, "**.*")]


def test_yaml_syntax_error_names_the_file_and_place() -> None:
    run = run_lint([str(FIXTURES / "broken.yaml")], LintOptions())
    assert run.exit_code == 2
    [problem] = run.problems
    assert problem.path and problem.path.endswith("broken.yaml")
    assert "YAML" in problem.message and problem.line is not None


def test_decode_text_rejects_binary() -> None:
    with pytest.raises(UsageError):
        decode_text(b"\x00\x01\x02PK", "x.txt")


def test_a_50_mb_text_is_refused_before_reading_and_the_others_still_checked(tmp_path, cli) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, instant to make
    (tmp_path / "draft.txt").write_text("新增停车泊位*.**万个。\n", "utf-8")
    result = cli("lint", tmp_path, "--format", "json")
    assert result.code == 2
    assert (
        "dump.txt" in result.stderr
        and "超过上限" in result.stderr
        and "text_bytes" in result.stderr
    )
    assert '"match": "*.**"' in result.stdout


def test_a_long_source_is_its_units_joined_by_line_breaks() -> None:
    from reportgen.lint.source import Source

    units = [f"第{i}段" * 1000 if i % 7 else "" for i in range(1500)]  # several chunks, empties
    source = Source("x.txt")
    for unit in units:
        source.add_unit(unit, [(0, 1, 1)], split_paragraphs=False)
    assert source.finish().text == "\n".join(units)


def test_a_docx_source_is_freed_as_soon_as_it_is_let_go() -> None:
    """No reference cycle holds a draft's text until the next garbage collection: lint lets go
    of a long document's text before it formats the findings."""
    import gc
    import weakref

    from reportgen.lint.docx_source import read_docx_source

    gc.disable()
    try:
        source = read_docx_source(FIXTURES.parent / "docx" / "word_shapes.docx", "a.docx")
        assert source.place(len(source.text) // 2).context  # the contexts are in use
        gone = weakref.ref(source)
        del source
        assert gone() is None
    finally:
        gc.enable()
