"""Kinds as data, the scaffold `new` writes, and the schema editors use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES
from reportgen import api
from reportgen.errors import InputError, UsageError
from reportgen.gongwen.days import Day
from reportgen.kinds.registry import load_registry, parse_kind
from reportgen.report.compose import compose
from reportgen.report.scaffold import scaffold
from reportgen.yamlio.source import parse_yaml

USER_KINDS = EXAMPLES / "kinds"
ALL_KINDS = [k.id for k in load_registry([USER_KINDS])]


def test_builtin_kinds_are_listed_with_name_and_use(cli):
    result = cli("kinds")
    assert result.code == 0
    for kind_id, name in (
        ("yixue-cugan", "以学促干"),
        ("annual-summary", "年度工作总结"),
        ("progress-brief", "简报"),
    ):
        line = next(line for line in result.stdout.splitlines() if line.startswith(kind_id))
        assert name in line


@pytest.mark.parametrize("kind_id", ALL_KINDS)
def test_every_scaffold_validates_and_composes_as_is(kind_id):
    registry = load_registry([USER_KINDS])
    kind = registry.get(kind_id)
    text = scaffold(kind.spec, f"{kind_id}.schema.json", Day.of(dt.date(2025, 3, 1)))
    data, source = parse_yaml(text, "report.yaml")
    report = kind.model.model_validate(data)
    composed = compose(report, source, kind.spec.layout)
    # Guidance and unfilled figures stand in the draft as highlighted placeholders.
    assert composed.unfilled
    assert any(item.figure for item in composed.unfilled)
    assert all(item.line for item in composed.unfilled)


@pytest.mark.parametrize("kind_id", ALL_KINDS)
def test_every_field_of_the_scaffold_has_guidance(kind_id):
    kind = load_registry([USER_KINDS]).get(kind_id)
    lines = scaffold(kind.spec, "x.schema.json", Day.of(dt.date(2025, 3, 1))).splitlines()
    for index, line in enumerate(lines):
        stripped = line.strip()
        is_top_level_key = line and not line.startswith((" ", "#", "-")) and ":" in line
        if is_top_level_key:
            above = lines[index - 1].strip()
            assert above.startswith("#"), f"{stripped!r} has no guidance comment above it"
        if stripped.startswith("heading:") and not stripped.startswith("heading: 【"):
            assert any(lines[i].strip().startswith("#") for i in range(index - 2, index))


def test_yixue_cugan_scaffold_has_the_four_conventional_headings(tmp_path, cli):
    result = cli("new", "yixue-cugan", "-o", tmp_path / "r.yaml")
    assert result.code == 0, result.stderr
    text = (tmp_path / "r.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=yixue-cugan.schema.json")
    positions = [text.index(h) for h in ("基础在学习", "破题在调研", "关键在实干", "落点在效果")]
    assert positions == sorted(positions)
    schema = json.loads((tmp_path / "yixue-cugan.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    # The scaffold renders as it is, with its unfilled figures listed by line.
    rendered = cli("render", tmp_path / "r.yaml")
    assert rendered.code == 0, rendered.stderr
    assert "数据“群众满意率”未填，显示为 **.*%" in rendered.stderr
    assert (tmp_path / "r.docx").is_file()


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_examples_validate_against_the_printed_schema(cli, example):
    data, _ = parse_yaml(example.read_text("utf-8"), str(example))
    result = cli("schema", data["kind"])
    assert result.code == 0
    schema = json.loads(result.stdout)
    assert schema["title"]
    jsonschema.validate(data, schema)


def test_schema_has_chinese_titles_and_forbids_unknown_keys(cli):
    schema = json.loads(cli("schema", "yixue-cugan").stdout)
    assert schema["additionalProperties"] is False
    assert schema["properties"]["title"]["title"] == "标题"
    assert schema["properties"]["issuer"]["title"] == "发文机关署名"


def test_complete_example_renders_with_no_placeholder_and_its_draft_twin_with_some(cli, tmp_path):
    full = cli("render", EXAMPLES / "yixue-cugan.yaml", "-o", tmp_path / "full.docx")
    assert full.code == 0 and "未填" not in full.stderr
    draft = cli("render", EXAMPLES / "yixue-cugan-draft.yaml", "-o", tmp_path / "draft.docx")
    assert draft.code == 0
    assert draft.stderr.count("未填") >= 4
    strict = cli(
        "render", EXAMPLES / "yixue-cugan-draft.yaml", "-o", tmp_path / "s.docx", "--strict"
    )
    assert strict.code == 1 and not (tmp_path / "s.docx").exists()
    assert "yixue-cugan-draft.yaml:49:" in strict.stderr


def test_missing_figures_render_in_the_shape_a_clerk_writes():
    loaded = api.load_report(EXAMPLES / "yixue-cugan-draft.yaml", load_registry())
    composed = compose(loaded.report, loaded.source, "report")
    shapes = {item.figure: item.text for item in composed.unfilled if item.figure}
    assert shapes == {
        "积水点": "*处",
        "惠及居民": "*.**万户",
        "水质合格率": "**.*%",
        "投诉下降": "**.*%",
    }
    literal = [item for item in composed.unfilled if not item.figure]
    assert [(item.text, item.line) for item in literal] == [("*.*", 50)]


def test_figures_fill_the_text_as_official_documents_write_them():
    loaded = api.load_report(EXAMPLES / "yixue-cugan.yaml", load_registry())
    text = "".join(b.text for b in compose(loaded.report, loaded.source, "report").document.blocks)
    assert "惠及居民1.24万户" in text and "达到99.6%" in text and "{{" not in text


def test_braces_in_text_are_never_code():
    loaded = api.load_report(EXAMPLES / "yixue-cugan.yaml", load_registry())
    bad = loaded.report.model_copy(update={"closing": "{{ cycler.__init__.__globals__ }}"})
    with pytest.raises(InputError) as caught:
        compose(bad, loaded.source, "report")
    assert "只能写数据名称" in str(caught.value)


# --- kinds as data -------------------------------------------------------------------------

GOOD_KIND = (USER_KINDS / "anquan-jiancha.yaml").read_text("utf-8")


def test_a_bureau_kind_works_like_a_builtin(cli, tmp_path):
    assert "anquan-jiancha" in cli("kinds", "--kinds", USER_KINDS).stdout
    assert cli("new", "anquan-jiancha", "--kinds", USER_KINDS, "-o", tmp_path / "a.yaml").code == 0
    assert cli("render", tmp_path / "a.yaml", "--kinds", USER_KINDS).code == 0
    assert cli("schema", "anquan-jiancha", "--kinds", USER_KINDS).code == 0
    assert cli("lint", tmp_path / "a.yaml").code == 1  # its 【待补】 notes and figures are unfilled


def test_kinds_folder_from_the_config_file(cli, tmp_path):
    (tmp_path / ".reportgen.toml").write_text(f'kinds = ["{USER_KINDS.as_posix()}"]\n', "utf-8")
    assert "anquan-jiancha" in cli("kinds", cwd=tmp_path).stdout
    (tmp_path / ".reportgen.toml").write_text("kinds = 3\n", "utf-8")
    result = cli("kinds", cwd=tmp_path)
    assert result.code == 2 and "kinds" in result.stderr


@pytest.mark.parametrize(
    ("change", "needle", "at"),
    [
        (
            ("  mode: fixed", "  mode: grid"),
            "sections.mode：只能是 'fixed' or 'list'",
            "mode: grid",
        ),
        (("layout: report", "layout: table"), "layout：只能是", "layout: table"),
        (
            ("    - key: findings", "    - kee: findings"),
            "sections.items.1.kee：不认识的字段",
            "kee:",
        ),
        (("id: anquan-jiancha", "id: 安全检查"), "id：写法不符合要求", "id: 安全检查"),
        (("  - name: 检查单位", "  - name: 出动人次"), "数据名称重复：出动人次", None),
        (("summary:", "summary: [\n  x"), "方括号", "summary: ["),
    ],
)
def test_mistakes_in_a_kind_file_name_their_line(change, needle, at):
    bad = GOOD_KIND.replace(*change)
    with pytest.raises(InputError) as caught:
        parse_kind(bad, "kinds/bad.yaml")
    text = str(caught.value)
    assert needle in text, text
    if at:
        line = bad[: bad.index(at)].count("\n") + 1
        assert f"kinds/bad.yaml:{line}:" in text, text


def test_duplicate_kind_id_is_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD_KIND.replace("anquan-jiancha", "yixue-cugan"), "utf-8")
    with pytest.raises(InputError) as caught:
        load_registry([tmp_path])
    assert "类型编号 yixue-cugan 重复" in str(caught.value)


def test_missing_kinds_folder_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        load_registry([tmp_path / "none"])


def test_kind_file_in_toml(tmp_path, cli):
    toml = Path(tmp_path / "k.toml")
    toml.write_text(
        'id = "jianbao-x"\nname = "测试简报"\nsummary = "测试用"\nlayout = "brief"\n'
        '[sections]\nmode = "list"\n[[sections.items]]\nheading = "单位条目"\n',
        "utf-8",
    )
    assert "jianbao-x" in cli("kinds", "--kinds", tmp_path).stdout
    toml.write_text('id = "x\n', "utf-8")
    result = cli("kinds", "--kinds", tmp_path)
    assert result.code == 1 and "k.toml:1" in result.stderr


def test_builtin_kind_files_are_named_by_their_id():
    """The registry reads a built-in kind by its file name, only when it is asked for."""
    from importlib import resources

    folder = resources.files("reportgen.kinds") / "builtin"
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            assert parse_kind(entry.read_text("utf-8"), entry.name).id == entry.name[:-5]


def test_a_user_kind_cannot_take_a_builtin_id_even_before_the_builtin_is_read(tmp_path):
    (tmp_path / "mine.yaml").write_text(
        GOOD_KIND.replace("anquan-jiancha", "annual-summary"), "utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_registry([tmp_path])
    assert "类型编号 annual-summary 重复：内置类型 annual-summary 中已定义" in str(caught.value)


# --- a kind's own fields ------------------------------------------------------------------


def test_own_fields_are_filled_in_the_text_and_listed_when_missing(cli, tmp_path):
    scaffolded = tmp_path / "a.yaml"
    assert cli("new", "anquan-jiancha", "--kinds", USER_KINDS, "-o", scaffolded).code == 0
    text = scaffolded.read_text("utf-8")
    assert (
        "# 联系人：承办科室的联系人（可选，文字；正文中写 {{ contact }} 引用）\ncontact:\n" in text
    )
    draft = cli("render", scaffolded, "--kinds", USER_KINDS)
    assert draft.code == 0
    assert "字段 contact 未填，显示为 【待补：联系人】" in draft.stderr
    filled = text.replace("contact:\n", "contact: 王明\n").replace(
        "phone:\n", 'phone: "0571-8765"\n'
    )
    scaffolded.write_text(filled, "utf-8")
    result = cli("render", scaffolded, "--kinds", USER_KINDS, "-o", tmp_path / "a.docx")
    assert result.code == 0 and "contact" not in result.stderr
    from reportgen.docx import read_docx

    body = "".join(p.text for p in read_docx(tmp_path / "a.docx"))
    assert "（联系人：王明，电话：0571-8765）" in body
    linted = json.loads(
        cli("lint", scaffolded, "--select", "placeholder", "--format", "json").stdout
    )
    assert not [f for f in linted["findings"] if "contact" in f["match"] or "phone" in f["match"]]


def test_a_required_own_field_is_required(cli, tmp_path):
    scaffolded = tmp_path / "a.yaml"
    cli("new", "anquan-jiancha", "--kinds", USER_KINDS, "-o", scaffolded)
    text = scaffolded.read_text("utf-8")
    scaffolded.write_text(text.replace("period: XX月XX日至XX日\n", ""), "utf-8")
    result = cli("render", scaffolded, "--kinds", USER_KINDS)
    assert result.code == 1 and "period：缺少必填项" in result.stderr


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (
            ("    type: text\n    required: true", "    type: colour\n    required: true"),
            "fields.0.type：只能是",
        ),
        (("  - key: contact", "  - key: title"), "字段名重复或与内置字段同名：title"),
        (("  - key: contact", "  - key: 联系人"), "fields.1.key：写法不符合要求"),
    ],
)
def test_mistakes_in_own_fields_are_named(change, needle):
    bad = GOOD_KIND.replace(*change)
    assert bad != GOOD_KIND
    with pytest.raises(InputError) as caught:
        parse_kind(bad, "kinds/bad.yaml")
    assert needle in str(caught.value)
    if "type" in change[1]:
        line = bad[: bad.index("type: colour")].count("\n") + 1
        assert f"kinds/bad.yaml:{line}:" in str(caught.value)
