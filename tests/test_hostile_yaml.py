"""Hostile YAML (reports, kind files, YAML given to lint): bombs, deep nesting, tags, odd values.
Each is refused in seconds under 1 GB with the file and the limit or line named (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import attempt, line_of, report

BOMB = "\n".join(
    ["a0: &a0 [甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲, 甲]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
)
KIND_HEAD = "id: bomb-kind\nname: 炸弹\nsummary: 测试\nlayout: report\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_alias_bomb_in_a_report(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "kind: yixue-cugan\n" + BOMB + "\ntitle: *a9\n")
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml", "上限"))


def test_alias_bomb_in_a_kind_file(tmp_path: Path) -> None:
    write(tmp_path, "k/bomb.yaml", KIND_HEAD + BOMB + "\nextra: *a9\n")
    attempt(tmp_path, "kinds", "--kinds", "k", needles=("bomb.yaml", "上限"))


def test_alias_bomb_given_to_lint(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", BOMB + "\nlast: *a9\n")
    attempt(tmp_path, "lint", "r.yaml", needles=("r.yaml", "上限"))


def test_aliased_megabyte_of_text(tmp_path: Path) -> None:
    big = "文" * (1 << 19)
    text = report(
        replace={
            "      - 局党组坚持": f"      - &big {big}\n      - 局党组坚持",
            "      - 在学习方式上": "      - *big\n" * 400 + "      - 在学习方式上",
        }
    )
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml", "上限"))


def test_self_referencing_alias(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "kind: yixue-cugan\nx: &a [*a]\n")
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml:2",))


def test_flow_nesting_a_million_deep(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "kind: yixue-cugan\ntitle: " + "[" * 1_000_000 + "\n")
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml", "上限"))


def test_block_nesting_ten_thousand_deep(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "kind: yixue-cugan\ntitle:\n" + "- " * 10_000 + "x\n")
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml", "上限"))


@pytest.mark.parametrize("value", ["!!int abc", "!!float abc"])
def test_explicit_tag_with_a_bad_value(tmp_path: Path, value: str) -> None:
    text = report(replace={"issuer: 区水务局": f"issuer: {value}"})
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=(f"r.yaml:{line_of(text, 'issuer:')}",))


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    text = report(replace={"issuer: 区水务局": "issuer: !!python/object/apply:os.system [touch x]"})
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml",))
    assert not (tmp_path / "x").exists()


def test_five_thousand_digit_integer(tmp_path: Path) -> None:
    text = report(replace={"value: 6, unit: 种": "value: " + "9" * 5000 + ", unit: 种"})
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=(f"r.yaml:{line_of(text, '9999')}",))


def test_comments_only(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", "# 只有注释\n# 第二行\n")
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml",))


def test_lone_surrogate_escape(tmp_path: Path) -> None:
    text = report(replace={"issuer: 区水务局": 'issuer: "\\ud800"'})
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=(f"r.yaml:{line_of(text, 'issuer:')}",))


def test_yaml_1_1_sexagesimal(tmp_path: Path) -> None:
    text = "%YAML 1.1\n---\n" + report(replace={"value: 6, unit: 种": "value: 1:30, unit: 种"})
    write(tmp_path, "r.yaml", text)
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml:",))


def test_settings_file_not_utf8(tmp_path: Path) -> None:
    (tmp_path / ".reportgen.toml").write_bytes('kinds = ["报告类型"]\n'.encode("gbk"))
    attempt(tmp_path, "kinds", needles=(".reportgen.toml",))


def test_limits_are_settable(tmp_path: Path) -> None:
    (tmp_path / ".reportgen.toml").write_text("[limits]\ntext_bytes = 1000\n", "utf-8")
    write(tmp_path, "r.yaml", report())
    attempt(tmp_path, "render", "r.yaml", needles=("r.yaml", "text_bytes", "上限"))
