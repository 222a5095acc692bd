"""reportgen import of each draft format: PDF-extracted text, Markdown, Word with automatic
numbering; and the pieces that make them (cleaning, dates, heading numbers, YAML scalars)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from docx_builders import OFFICIAL_LEVELS, DocxBuilder, numbering, para, run
from reportgen import api
from reportgen.docx import read_docx
from reportgen.gongwen.dates import date_line, parse_date
from reportgen.gongwen.headings import draft_label_level, split_draft_label
from reportgen.gongwen.placeholders import find_placeholders
from reportgen.importer import import_draft
from reportgen.importer.cleaning import clean_lines
from reportgen.importer.lines import ends_sentence
from reportgen.importer.writing import escape_template, yaml_scalar
from reportgen.kinds.registry import load_registry
from reportgen.yamlio.source import parse_yaml

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def run_import(draft: Path, tmp_path: Path, **options):
    result = import_draft(draft, output=tmp_path / "out.yaml", **options)
    return result, api.load_report(result.output, load_registry()).report


def rendered(yaml_path: Path) -> str:
    docx = yaml_path.with_suffix(".docx")
    api.render(yaml_path, docx)
    return "\n".join(p.label + p.text for p in read_docx(docx) if p.location == "正文")


def lint_matches(cli, path: Path) -> list[str]:
    findings = json.loads(cli("lint", path, "--format", "json").stdout)["findings"]
    return [f["match"] for f in findings if f["rule"] == "placeholder"]


# --- PDF-extracted text -------------------------------------------------------------------------


def test_pdf_extracted_text_is_rejoined_and_cleaned(tmp_path):
    result, report = run_import(FIXTURES / "pdf-extracted.txt", tmp_path)
    assert report.title == "区园林绿化局2024年第一季度工作总结"
    assert report.recipient == "区人民政府"
    assert report.preamble == [
        "今年以来，区园林绿化局围绕“城市更绿、群众更近”的目标，统筹推进公园绿地建设、古树名木保护和"
        "绿化养护管理，一季度各项工作开局平稳，现将有关情况总结如下。"
    ]
    first = report.sections[0]
    assert first.heading == "主要工作成效"
    park = first.subsections[0]
    assert park.heading == "口袋公园建设提速"
    # Broken over a page: the page number is gone and the sentence is whole again.
    assert park.paragraphs == [
        "结合老旧街区更新，利用边角地、闲置地新建口袋公园7处，配套座椅、健身器材和夜间照明，居民步行"
        "五分钟即可进园休憩。新建公园均设置了无障碍通道，方便老人和推婴儿车的家庭出行。"
    ]
    assert [s.heading for s in report.sections] == ["主要工作成效", "存在的问题", "下一步工作打算"]
    assert report.closing == ["特此报告。"]
    assert report.issuer == "区园林绿化局"
    assert report.date == dt.date(2024, 4, 8)
    assert [(d.line, d.text, d.reason[:2]) for d in result.dropped] == [
        (12, "— 2 —", "页码"),
        (19, "二、存在的问题", "与上"),
    ]
    text = rendered(result.output)
    assert "— 2 —" not in text
    assert text.count("存在的问题") == 1


def test_pdf_extracted_placeholders_survive(cli, tmp_path):
    result, _ = run_import(FIXTURES / "pdf-extracted.txt", tmp_path)
    docx = result.output.with_suffix(".docx")
    api.render(result.output, docx)
    draft = [m.text for m in find_placeholders((FIXTURES / "pdf-extracted.txt").read_text("utf-8"))]
    assert lint_matches(cli, docx) == draft == ["*.**", "**.*"]


def test_clean_lines_joins_only_full_lines_that_break_a_sentence():
    full = "这是一行排满的文字，用来测试按固定宽度折行的文本能否正确接回原来的段"  # 34 characters
    raw = [
        "标题不接",
        "　　" + full,
        "落里面。",
        "　　" + full,
        "落。" + "下一句" * 4,
        "小标题不带句号",
        full,
        "— 7 —",
        "末尾。",
    ]
    cleaned = clean_lines(raw)
    assert [text for text, _ in cleaned.lines] == [
        "标题不接",
        full + "落里面。",
        full + "落。" + "下一句" * 4,
        "小标题不带句号",
        full + "末尾。",
    ]
    assert [(d.line, d.text, d.reason) for d in cleaned.dropped] == [(8, "— 7 —", "页码")]
    assert [number for _, number in cleaned.lines] == [1, 2, 4, 6, 7]


def test_one_paragraph_a_line_is_never_joined():
    raw = ["一、总体情况", "今年以来工作进展顺利，各项指标" * 3, "二、下一步打算", "继续努力"]
    assert [text for text, _ in clean_lines(raw).lines] == raw


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_headings_and_paragraphs(tmp_path):
    _result, report = run_import(FIXTURES / "outline.md", tmp_path)
    assert report.title == "镇农业农村办关于高标准农田建设情况的汇报"
    assert report.recipient == "县农业农村局"
    # Soft-wrapped lines join; emphasis markup goes, its words stay.
    assert report.preamble == [
        "今年以来，我镇把高标准农田建设作为保障粮食安全的基础工程，坚持规划先行、分片推进，建设任务按计划完成。"
    ]
    assert [s.heading for s in report.sections] == ["建设任务完成情况", "下一步工作打算"]
    assert [s.heading for s in report.sections[0].subsections] == ["田块整治", "灌排设施配套"]
    assert report.sections[1].paragraphs == [
        "抓好建后管护，落实管护主体和经费。",
        "推广节水灌溉，提高用水效率。",
    ]
    assert report.issuer == "镇农业农村办" and report.date == dt.date(2024, 5, 6)


def test_markdown_braces_and_placeholders_survive_rendering(cli, tmp_path):
    result, _ = run_import(FIXTURES / "outline.md", tmp_path)
    text = rendered(result.output)
    assert "模板里写作 {{ 灌溉面积 }} 的数字仍待核实。" in text
    docx = result.output.with_suffix(".docx")
    assert lint_matches(cli, docx) == ["*.**", "**", "**.*", "{{ 灌溉面积 }}"]


# --- Word ---------------------------------------------------------------------------------------


def numbered_draft(path: Path) -> Path:
    """A draft whose headings carry Word's automatic numbers (一、 （一）), none typed."""
    return (
        DocxBuilder()
        .numbering(numbering({0: OFFICIAL_LEVELS}, {1: (0, "")}))
        .add(
            para(run("区水务局关于汛前准备工作情况的汇报")),
            para(run("区防汛抗旱指挥部：")),
            para(run("　　入汛以来，我局提早谋划、压实责任，汛前各项准备工作已基本就绪。")),
            para(run("以学习强认识，筑牢防汛思想防线"), num=(1, 0)),
            para(run("组织全局干部学习防汛法规和应急预案，开展桌面推演两次。")),
            para(run("以调研找短板，摸清风险隐患底数"), num=(1, 0)),
            para(run("排查易涝点"), num=(1, 1)),
            para(run("对老城区低洼路段逐一踏勘，建立易涝点清单，共**处。")),
            para(run("检查泵站"), num=(1, 1)),
            para(run("对全区泵站开展带负荷试运行，发现问题当场整改。")),
            para(run("以实干促落实，抓好物资队伍准备"), num=(1, 0)),
            para(run("储备编织袋、抽水泵等防汛物资，组建抢险队伍三支。")),
            para(run("以成效检验成果，确保安全度汛"), num=(1, 0)),
            para(run("汛前准备工作得到区指挥部检查组肯定。")),
            para(run("区水务局")),
            para(run("2024年5月20日")),
        )
        .save(path)
    )


def test_word_automatic_numbering_makes_the_sections(tmp_path):
    draft = numbered_draft(tmp_path / "汛前准备.docx")
    assert read_docx(draft)[3].label == "一、"  # the numbers are Word's, not typed
    result, report = run_import(draft, tmp_path)
    assert result.kind == "yixue-cugan"
    assert report.recipient == "区防汛抗旱指挥部"
    assert report.sections.study.heading == "以学习强认识，筑牢防汛思想防线"
    # research takes no subsections: they stay as paragraphs, numbers written out.
    assert report.sections.research.paragraphs == [
        "（一）排查易涝点",
        "对老城区低洼路段逐一踏勘，建立易涝点清单，共**处。",
        "（二）检查泵站",
        "对全区泵站开展带负荷试运行，发现问题当场整改。",
    ]
    assert report.sections.results.heading == "以成效检验成果，确保安全度汛"
    assert report.issuer == "区水务局" and report.date == dt.date(2024, 5, 20)
    assert "入汛以来" in rendered(result.output)


def test_word_subsections_where_the_kind_has_them(tmp_path):
    draft = numbered_draft(tmp_path / "汛前准备.docx")
    _, report = run_import(draft, tmp_path, kind="annual-summary")
    assert [s.heading for s in report.sections[1].subsections] == ["排查易涝点", "检查泵站"]


# --- braces in a draft ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "模板残留 {{ 名称 }} 未替换",
        "{% if 条件 %}写法{% endif %}",
        "注释 {# 说明 #} 在此",
        "三个括号 {{{ 与 }}} 以及 {{% 混写",
        "{% endraw %} 在开头",
    ],
)
def test_braces_render_as_the_draft_wrote_them(tmp_path, text):
    draft = tmp_path / "braces.txt"
    draft.write_text(
        f"县统计局关于数据核查的报告\n{text}。\n一、核查情况\n核查按计划完成。\n", "utf-8"
    )
    result, report = run_import(draft, tmp_path)
    assert report.preamble == [escape_template(text + "。")]
    assert text + "。" in rendered(result.output)


# --- small pieces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年10月20日", dt.date(2023, 10, 20)),
        ("二〇二三年十月二十日", dt.date(2023, 10, 20)),
        ("二〇二四年四月八日", dt.date(2024, 4, 8)),
        ("二〇二三年十二月三十一日", dt.date(2023, 12, 31)),
        ("2021-09-22", dt.date(2021, 9, 22)),
        ("2023年2月30日", None),
        ("二〇二三年十十月一日", None),
    ],
)
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_a_date_line_is_only_a_date():
    assert date_line("　　2024年1月5日　") == dt.date(2024, 1, 5)
    assert date_line("截至2024年1月5日，完成任务") is None


@pytest.mark.parametrize(
    ("text", "label", "level"),
    [
        ("一、总体情况", "一、", 1),
        ("十二、其他", "十二、", 1),
        ("（三）加强领导", "（三）", 2),
        ("(三)加强领导", "(三)", 2),
        ("2.完善制度", "2.", 3),
        ("（4）细化分工", "（4）", 4),
        ("1.5万个项目", "", None),
        ("一是加强领导", "", None),
        ("2023年工作", "", None),
    ],
)
def test_heading_numbers(text, label, level):
    found, _ = split_draft_label(text)
    assert found == label
    assert draft_label_level(found) == level


def test_sentence_ends():
    assert ends_sentence("完成任务。")
    assert ends_sentence("他说：“好。”")
    assert not ends_sentence("学习“三问”")
    assert not ends_sentence("主要工作成效")


@pytest.mark.parametrize(
    "text",
    ["null", "true", "no", "~", "123", "1.5", "- 列表", "# 注释", "a: b", "结尾冒号:", "'引号", "*.**万个",
     "制表\t符", " 前后空格 ", "行\u2028分隔", "普通中文段落，带“引号”和（括号）。", "{% raw %}"],
)  # fmt: skip
def test_yaml_scalars_read_back_exactly(text):
    data, _ = parse_yaml(f"value: {yaml_scalar(text)}\n", "test.yaml")
    assert data["value"] == text
