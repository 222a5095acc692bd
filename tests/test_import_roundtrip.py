"""A report reportgen rendered comes back through import as the report it was: every built-in
kind's example and scaffold, compared as data (what the YAML says, once figures are filled in)."""

# ruff: noqa: RUF001
# (the tortoise-shell brackets of a 发文字号 are the subject)

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES
from reportgen import api
from reportgen.docx import read_docx
from reportgen.gongwen.days import Day
from reportgen.importer import import_draft
from reportgen.kinds.registry import load_registry
from reportgen.layouts.formal_checks import names
from reportgen.report.compose import own_fields
from reportgen.report.loading import LoadedReport
from reportgen.report.scaffold import scaffold
from reportgen.report.textfill import TextFiller

REGISTRY = load_registry()
BUILTIN = [kind.id for kind in REGISTRY]
_TEXTS = {"preamble", "closing", "paragraphs", "progress"}
_NAMES = {"mark", "signers", "copy_to", "attendees", "on_leave", "observers"}


def comparable(loaded: LoadedReport) -> dict[str, Any]:
    """The report's data as the page shows it, in one form where the YAML allows several.

    Figures and the kind's own fields are filled into the text (the page shows values, not
    ``{{ 名称 }}``); a text given as one string is its list of lines; a list of names given as
    one name is a list of one; what a default supplies is written out (format, 发文机关标志,
    印发日期). What the page does not print cannot come back and is left out: a 纪要's
    ``issuer`` (no 署名), a 信函's ``printer`` and ``print_date`` (no 印发 line, GB/T 9704 10.1).
    """
    report, spec = loaded.report, loaded.kind.spec
    own = own_fields(report)
    filler = TextFiller({**own, **report.figures}, "x.yaml")

    def text(value: str) -> str:
        return "".join(span.text for span in filler.spans(value, None))

    def walk(key: str, value: Any) -> Any:
        if key in _NAMES:
            return [text(name) for name in names(value)]
        if key in _TEXTS:
            items = [value] if isinstance(value, str) else value or []
            return [
                text(line.strip()) for item in items for line in item.split("\n") if line.strip()
            ]
        if key == "title" and isinstance(value, list):
            return text("".join(value))
        if key == "table":
            return [[str(cell) for cell in row] for row in value]
        if isinstance(value, str):
            return text(value)
        if isinstance(value, list):
            return [walk("", item) for item in value]
        if isinstance(value, dict):
            return {k: walk(k, v) for k, v in value.items()}
        return value

    data = report.model_dump()
    for key in ["figures", *own]:
        data.pop(key, None)
    if spec.layout == "report":
        data["format"] = data.get("format") or spec.format
        data["mark"] = data.get("mark") or data["issuer"]
        data["print_date"] = data.get("print_date") or data["date"]
        if spec.minutes:
            del data["issuer"]
        if data["format"] == "letter":
            del data["printer"], data["print_date"]
    return walk("", data)


def round_trip(source: Path, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any], Path]:
    rendered = tmp_path / "rendered.docx"
    api.render(source, rendered, registry=REGISTRY)
    result = import_draft(rendered, output=tmp_path / "back.yaml", registry=REGISTRY)
    original = api.load_report(source, REGISTRY)
    assert result.kind == original.kind.id
    back = api.load_report(result.output, REGISTRY)
    return comparable(original), comparable(back), result.output


@pytest.mark.parametrize("kind_id", BUILTIN)
def test_every_kinds_example_comes_back_as_the_same_data(tmp_path, kind_id):
    original, back, _ = round_trip(EXAMPLES / f"{kind_id}.yaml", tmp_path)
    assert back == original


@pytest.mark.parametrize("kind_id", BUILTIN)
def test_every_kinds_scaffold_comes_back_as_the_same_data(tmp_path, kind_id):
    source = tmp_path / "scaffold.yaml"
    spec = REGISTRY.get(kind_id).spec
    source.write_text(scaffold(spec, "x.schema.json", Day.of(dt.date(2025, 3, 1))), "utf-8")
    original, back, _ = round_trip(source, tmp_path)
    assert back == original


ORDINARY = [k.id for k in REGISTRY if k.spec.layout == "report" and k.spec.format == "ordinary"]


@pytest.mark.parametrize("kind_id", ORDINARY)
def test_an_ordinary_kind_sent_out_as_a_formal_document_comes_back_formal(tmp_path, kind_id):
    """A 汇报 of an ordinary kind rendered with ``format: formal`` has a 红头: import keeps the
    format and the 版头 fields instead of listing them as lines the kind has no place for."""
    source = tmp_path / "formal.yaml"
    example = (EXAMPLES / f"{kind_id}.yaml").read_text("utf-8")
    source.write_text(example + "\nformat: formal\ndoc_number: 东水党〔2026〕5号\n", "utf-8")
    original, back, _ = round_trip(source, tmp_path)
    assert back == original
    assert back["format"] == "formal"


def test_the_draft_example_renders_again_to_the_same_text(tmp_path):
    """The one example that is not a kind's own: imported back, it renders the same page."""
    _, _, back = round_trip(EXAMPLES / "yixue-cugan-draft.yaml", tmp_path)
    first, second = tmp_path / "rendered.docx", tmp_path / "second.docx"
    api.render(back, second, registry=REGISTRY)
    texts = [[p.text for p in read_docx(path) if p.location == "正文"] for path in (first, second)]
    assert texts[0] == texts[1]


TONGZHI_TXT = """\
000105
特急
青川市住房和城乡建设局文件
青建发〔2026〕9号

青川市住房和城乡建设局关于开展汛前房屋安全隐患排查的通知

各区住房城乡建设局：
为做好今年汛期房屋安全工作，现将有关事项通知如下。
一、排查范围
全市城镇老旧房屋。
特此通知。

附件：1.排查情况表
2.联系人名单

青川市住房和城乡建设局
2026年4月2日
（联系人：周敏，电话：0838-6612345）
附件1
排查情况表
各区于5月25日前报送。
附件2
联系人名单
各区各指定一名联系人。
抄送：青川市应急管理局，青川市消防救援支队。
青川市住房和城乡建设局办公室　2026年4月3日印发
"""

JIYAO_MD = """\
青川市住房和城乡建设局局长办公会议纪要

青建纪〔2026〕3号

# 2026年第3次局长办公会议纪要

## 一、会议议定的事项

会议原则同意试点方案。

出席：林志远，陈海燕

请假：孙伟（出差）

抄送：局属各单位。

青川市住房和城乡建设局办公室　2026年3月18日印发
"""


def test_a_text_draft_gives_its_red_head_attachments_and_imprint_as_fields(tmp_path):
    draft = tmp_path / "通知.txt"
    draft.write_text(TONGZHI_TXT, "utf-8")
    result = import_draft(draft, output=tmp_path / "back.yaml", registry=REGISTRY)
    report = api.load_report(result.output, REGISTRY).report
    assert result.kind == "tongzhi"
    assert (report.copy_no, report.urgency, report.mark, report.doc_number) == (
        "000105",
        "特急",
        "青川市住房和城乡建设局",
        "青建发〔2026〕9号",
    )
    assert report.closing == ["特此通知。"]
    assert report.note == "联系人：周敏，电话：0838-6612345"
    assert [(a.title, a.paragraphs, a.table) for a in report.attachments] == [
        ("排查情况表", ["各区于5月25日前报送。"], []),
        ("联系人名单", ["各区各指定一名联系人。"], []),
    ]
    assert report.copy_to == ["青川市应急管理局", "青川市消防救援支队"]
    assert (report.printer, report.print_date) == (
        "青川市住房和城乡建设局办公室",
        dt.date(2026, 4, 3),
    )
    assert (report.issuer, report.date) == ("青川市住房和城乡建设局", dt.date(2026, 4, 2))


def test_a_markdown_minutes_gives_its_attendance_and_takes_the_date_it_printed(tmp_path):
    draft = tmp_path / "纪要.md"
    draft.write_text(JIYAO_MD, "utf-8")
    result = import_draft(draft, output=tmp_path / "back.yaml", registry=REGISTRY, kind="jiyao")
    report = api.load_report(result.output, REGISTRY).report
    assert (report.mark, report.doc_number) == (
        "青川市住房和城乡建设局局长办公会议纪要",
        "青建纪〔2026〕3号",
    )
    assert report.title == "2026年第3次局长办公会议纪要"
    assert (report.attendees, report.on_leave) == (["林志远", "陈海燕"], "孙伟（出差）")
    assert report.copy_to == "局属各单位"
    assert report.date == dt.date(2026, 3, 18)  # a 纪要 prints only its 印发日期
    assert report.print_date is None


def test_joint_issuers_stacked_in_the_mark_come_back_as_a_list(tmp_path):
    """A joint document's 标志 is a table (names stacked, 文件 on their right)."""
    source = tmp_path / "joint.yaml"
    text = (EXAMPLES / "baogao.yaml").read_text("utf-8")
    joint = "mark: [青川市住房和城乡建设局, 青川市财政局]"
    source.write_text(text.replace("mark: 青川市住房和城乡建设局", joint), "utf-8")
    original, back, _ = round_trip(source, tmp_path)
    assert back["mark"] == ["青川市住房和城乡建设局", "青川市财政局"]
    assert back == original


def test_a_long_recipient_moved_to_the_imprint_comes_back(tmp_path):
    source = tmp_path / "long.yaml"
    text = (EXAMPLES / "baogao.yaml").read_text("utf-8")
    many = "，".join(["青川市人民政府办公室", *(f"青川市第{n}工作委员会" for n in range(1, 9))])
    source.write_text(text.replace("recipient: 青川市人民政府", f"recipient: {many}"), "utf-8")
    original, back, _ = round_trip(source, tmp_path)
    assert back["recipient"] == many
    assert back == original
