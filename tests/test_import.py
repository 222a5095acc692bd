"""reportgen import on the seed drafts: the right kind is proposed, the YAML renders, and the
rendered document holds every character and placeholder of the draft, in order."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import SEEDS
from reportgen import api
from reportgen.docx import read_docx
from reportgen.gongwen.placeholders import find_placeholders
from reportgen.importer import import_draft
from reportgen.kinds.registry import load_kind_file, load_registry

SEED_002 = SEEDS / "002_b642ac03053a293c.txt"
SEED_004 = SEEDS / "004_30d09172ea2938eb.txt"
SEED_000 = SEEDS / "000_88ed6df5af2e25b9.txt"


def imported(draft: Path, tmp_path: Path, kind: str | None = None, registry=None):
    out = tmp_path / (draft.stem + ".yaml")
    result = import_draft(draft, kind=kind, output=out, registry=registry)
    assert result.output == out and out.exists()
    return result


def rendered_text(yaml_path: Path, registry=None) -> tuple[Path, list[str]]:
    docx = yaml_path.with_suffix(".docx")
    api.render(yaml_path, docx, registry=registry)
    return docx, [p.label + p.text for p in read_docx(docx) if p.location == "正文"]


def squeeze(text: str) -> str:
    return re.sub(r"[\s　]+", "", text)


def assert_in_order(pieces: list[str], document: list[str]) -> None:
    """Each piece (whitespace ignored) occurs in the document after the one before it."""
    text = squeeze("".join(document))
    cursor = 0
    for piece in pieces:
        found = text.find(squeeze(piece), cursor)
        assert found >= 0, f"not found in order: {piece[:40]}…"
        cursor = found + len(squeeze(piece))


def cjk(text: str) -> Counter[str]:
    return Counter(re.findall(r"[\u4e00-\u9fff]", text))


def assert_no_character_lost(pieces: list[str], document: list[str]) -> None:
    lost = cjk("".join(pieces)) - cjk("".join(document))
    assert not lost, f"characters lost: {''.join(lost.elements())[:80]}"


def lint_placeholders(cli, path: Path) -> list[str]:
    result = cli("lint", path, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    return [f["match"] for f in findings if f["rule"] == "placeholder"]


# --- acceptance: seed 002 as yixue-cugan ---------------------------------------------------------


def test_city_bureau_draft_keeps_its_17_placeholders_through_render_and_lint(cli, tmp_path):
    result = imported(SEED_002, tmp_path, kind="yixue-cugan")
    assert result.kind == "yixue-cugan"
    in_draft = [m.text for m in find_placeholders(SEED_002.read_text("utf-8"))]
    docx, _ = rendered_text(result.output)
    in_output = lint_placeholders(cli, docx)
    assert len(in_draft) == 17
    # and after them, the two values the draft does not have: left to fill, not made up
    assert in_output[:17] == in_draft
    assert "".join(in_output[17:]) in (
        "【待补：发文机关署名】XXXX年XX月XX日",
        "【待补：发文机关署名】XXXXXXXX",
    )


def test_city_bureau_draft_maps_its_four_parts_and_keeps_its_text(tmp_path):
    result = imported(SEED_002, tmp_path, kind="yixue-cugan")
    loaded = api.load_report(result.output, load_registry())
    sections = loaded.report.sections
    assert [sections.study.heading, sections.research.heading, sections.practice.heading,
            sections.results.heading] == ["以学促干，基础在学习", "以学促干，破题在调研",
                                          "以学促干，关键在实干", "以学促干，落点在效果"]  # fmt: skip
    assert loaded.report.title == "市住建局关于机关青年干部主题教育开展情况的汇报"
    assert loaded.report.closing[0].startswith("成效不止于此")
    assert loaded.report.date is None  # not in the draft: left to fill, never today's date
    assert loaded.report.issuer == "【待补：发文机关署名】"
    assert any("成文日期" in w for w in result.warnings)
    assert any("市住建局" in w and "issuer" in w for w in result.warnings)
    lines = [line for line in SEED_002.read_text("utf-8").splitlines() if line.strip()]
    _, document = rendered_text(result.output)
    assert_in_order(lines, document)
    assert_no_character_lost(lines, document)


def test_a_thematic_kind_fits_the_draft_its_signs_pick_out(tmp_path):
    """The 以学促干 汇报 is a 汇报: a draft with its four parts is proposed as fitting, and the
    reason says where the signs are (the title here has no 以学促干, the headings have)."""
    result = imported(SEED_002, tmp_path)
    assert (result.kind, result.fits) == ("yixue-cugan", True)
    assert "各部分标题中有“以学促干”" in result.reason and "标题中有“以学促干”" not in (
        result.reason.replace("各部分标题中有", "")
    )


# --- acceptance: seed 004 as progress-brief ----------------------------------------------------------


def brief_pieces() -> list[str]:
    """The draft's text as the brief shows it: the header line split into title and preamble,
    a unit name written twice (bold heading + text on the web page) once."""
    lines = [line for line in SEED_004.read_text("utf-8").splitlines() if line.strip()]
    title, preamble = re.split(r"发布日期:2021-09-22来源：部党史学习教育领导小组办公室", lines[0])
    pieces = [title, preamble]
    for line in lines[1:]:
        doubled = re.match(r"^(.+?[司局])\1(.*)$", line)
        pieces.extend(doubled.groups() if doubled else [line])
    return pieces


def test_progress_brief_gives_each_unit_its_measures_and_progress(tmp_path):
    result = imported(SEED_004, tmp_path)
    assert result.kind == "progress-brief"
    report = api.load_report(result.output, load_registry()).report
    assert report.date == dt.date(2021, 9, 22)
    # 来源 names who published the page: shown as a hint, not taken for the editor
    assert report.editor == "【待补：编发单位】"
    assert any("部党史学习教育领导小组办公室" in w for w in result.warnings)
    assert report.issue_no is None
    assert report.title == "“我为群众办实事”实践活动重点项目集中推进月有力有序展开"
    units = [item.unit for item in report.sections]
    assert units == ["城市建设司", "住房保障司", "住房公积金监管司", "房地产市场监管司", "城市管理监督局",
                     "村镇建设司", "建筑市场监管司", "建筑节能与科技司", "标准定额司"]  # fmt: skip
    first = report.sections[0]
    assert first.headline == "全力推进城镇老旧小区改造、生活垃圾投放点（站）提升项目。"
    assert len(first.paragraphs) == 4
    assert first.progress[0].startswith("截至目前，全国新开工改造城镇老旧小区4.73万个")
    assert report.sections[-1].progress == ""  # the last unit reports no figures


def test_progress_brief_keeps_the_draft_text_in_order(tmp_path):
    result = imported(SEED_004, tmp_path)
    _, document = rendered_text(result.output)
    pieces = brief_pieces()
    assert_in_order(pieces, document)
    dropped = [d.text for d in result.dropped]
    assert dropped == ["发布日期:2021-09-22来源：部党史学习教育领导小组办公室"]
    assert_no_character_lost([*pieces], [*document, *dropped])
    assert "2021年9月22日" in "".join(document)


# --- acceptance: seed 000 as annual-summary ----------------------------------------------------------


def test_pdf_extracted_article_gets_its_unnumbered_headings_once(tmp_path):
    result = imported(SEED_000, tmp_path)
    assert result.kind == "annual-summary"
    report = api.load_report(result.output, load_registry()).report
    assert [s.heading for s in report.sections] == [
        "加强组织领导　深入开展学习", "用心用情办实事　民生答卷暖人心", "感悟初心使命　坚定理想信念"
    ]  # fmt: skip
    assert report.date == dt.date(2022, 1, 6)
    assert report.issuer == "【待补：发文机关署名】"  # 来源：中国建设报 is the newspaper
    # The broken lines are joined: the first paragraph of part one is one paragraph.
    assert report.sections[0].paragraphs[0].endswith("实现中华民族伟大复兴的中国梦而不懈奋斗。")
    _, document = rendered_text(result.output)
    assert sum("加强组织领导" in line for line in document) == 1


def test_pdf_extracted_article_keeps_every_character_in_order(tmp_path):
    result = imported(SEED_000, tmp_path)
    _, document = rendered_text(result.output)
    lines = [line for line in SEED_000.read_text("utf-8").splitlines() if line.strip()]
    pieces = [line for i, line in enumerate(lines) if i == 0 or line != lines[i - 1]]
    pieces = [p for p in pieces if not p.startswith("发布日期")]
    assert_in_order(pieces, document)
    assert_no_character_lost(pieces, [*document, *(d.text for d in result.dropped)])


# --- proposals ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "kind", "because"),
    [
        ("000_88ed6df5af2e25b9.txt", "annual-summary", "通用"),
        ("001_e5671cd2ee671710.txt", "annual-summary", "通用"),
        ("002_b642ac03053a293c.txt", "yixue-cugan", "以学促干"),
        ("003_4b97e6da7dc389ce.txt", "annual-summary", "通用"),
        ("004_30d09172ea2938eb.txt", "progress-brief", "截至目前"),
    ],
)
def test_each_seed_gets_a_fitting_kind_with_a_reason(tmp_path, seed, kind, because):
    result = imported(SEEDS / seed, tmp_path)
    assert result.kind == kind
    assert because in result.reason
    rendered_text(result.output)  # renders as it is


def test_a_summary_title_and_its_parts_are_the_reason(tmp_path):
    result = imported(Path(__file__).parent / "fixtures/import/pdf-extracted.txt", tmp_path)
    assert result.kind == "annual-summary"
    assert "总结" in result.reason and "问题" in result.reason


# --- other kinds --------------------------------------------------------------------------------------


def test_any_seed_imports_as_any_builtin_kind(tmp_path):
    for kind in ("yixue-cugan", "annual-summary", "progress-brief"):
        for seed in (SEED_000, SEED_002, SEED_004):
            folder = tmp_path / f"{kind}-{seed.stem}"
            folder.mkdir()
            result = imported(seed, folder, kind=kind)
            assert result.kind == kind
            _, document = rendered_text(result.output)
            assert "城市" in "".join(document) or "党" in "".join(document)


USER_KIND = """\
id: jiandu-jiancha
name: 专项监督检查情况报告
summary: 专项监督检查后报告检查情况、发现问题和整改要求
sections:
  mode: fixed
  items:
    - key: overview
      heading: 检查的基本情况
    - key: findings
      heading: 发现的主要问题
      subsections: true
    - key: demands
      heading: 整改要求
"""

USER_DRAFT = """\
区住建局关于物业服务专项监督检查情况的报告

区政府：
按照年度工作安排，我局于三月组织了全区物业服务专项监督检查。
一、检查的基本情况
此次共抽查住宅小区二十个，覆盖全区各街道。
二、发现的主要问题
（一）公共收益公示不及时
部分小区未按季度公示公共收益收支情况。
（二）消防通道占用
个别小区消防通道被车辆长期占用。
三、整改要求
各物业服务企业要在一个月内完成整改，并书面报告整改情况。
区住建局
2024年4月2日
"""


def test_a_bureaus_own_kind_is_proposed_and_its_fixed_parts_filled(tmp_path):
    kinds = tmp_path / "kinds"
    kinds.mkdir()
    (kinds / "jiandu.yaml").write_text(USER_KIND, "utf-8")
    registry = load_registry([kinds])
    draft = tmp_path / "检查报告.txt"
    draft.write_text(USER_DRAFT, "utf-8")
    result = imported(draft, tmp_path, registry=registry)
    assert result.kind == "jiandu-jiancha"
    assert "发现的主要问题" in result.reason
    report = api.load_report(result.output, registry).report
    assert report.recipient == "区政府"
    assert [s.heading for s in report.sections.findings.subsections] == [
        "公共收益公示不及时",
        "消防通道占用",
    ]
    assert report.issuer == "区住建局" and report.date == dt.date(2024, 4, 2)
    _, document = rendered_text(result.output, registry)
    assert_in_order(
        [line for line in USER_DRAFT.splitlines() if line and line != "2024年4月2日"], document
    )


def test_a_fixed_kind_with_fewer_draft_sections_maps_by_heading(tmp_path):
    kinds = tmp_path / "kinds"
    kinds.mkdir()
    (kinds / "jiandu.yaml").write_text(USER_KIND, "utf-8")
    registry = load_registry([kinds])
    draft = tmp_path / "short.txt"
    draft.write_text(USER_DRAFT.replace("一、检查的基本情况\n此次共抽查住宅小区二十个，覆盖全区各街道。\n", "")
                     .replace("二、发现", "一、发现").replace("三、整改", "二、整改"), "utf-8")  # fmt: skip
    result = imported(draft, tmp_path, kind="jiandu-jiancha", registry=registry)
    report = api.load_report(result.output, registry).report
    assert report.sections.overview.paragraphs == []
    assert report.sections.findings.heading == "发现的主要问题"
    assert report.sections.demands.heading == "整改要求"
    assert any("检查的基本情况" in w for w in result.warnings)


def test_load_kind_file_is_what_the_registry_uses(tmp_path):
    # Guards the assumption above: a kind file is read the same way by itself.
    path = tmp_path / "jiandu.yaml"
    path.write_text(USER_KIND, "utf-8")
    assert load_kind_file(path).spec.sections.items[1].subsections
