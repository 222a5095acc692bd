"""The formal 公文 fields as data: what is refused, with which line, and what the schema shows."""

from __future__ import annotations

import json
import zipfile

import pytest

from conftest import EXAMPLES, snapshot
from reportgen import api
from reportgen.layouts.formal_checks import doc_number_problem

QINGSHI = (EXAMPLES / "qingshi.yaml").read_text("utf-8")
FORMAL_TITLES = {
    "mark": "发文机关标志",
    "doc_number": "发文字号",
    "signers": "签发人",
    "copy_no": "份号",
    "secrecy": "密级",
    "urgency": "紧急程度",
    "attachments": "附件",
    "note": "附注",
    "copy_to": "抄送",
    "printer": "印发机关",
    "print_date": "印发日期",
}


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _refused(cli, tmp_path, text: str, key: str) -> str:
    """Render ``text``: it must fail with exit 1 at the line of ``key``; the messages."""
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    result = cli("render", path)
    assert result.code == 1
    assert f"q.yaml:{_line_of(text, key)}:" in result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ("青建发〔2026〕第21号", "不加“第”"),
        ("青建发[2026]21号", "六角括号"),
        ("青建发（2026）21号", "六角括号"),
        ("青建发〔26〕21号", "四位"),
        ("青建发〔2026〕021号", "虚位"),
        ("青建发〔2026〕21", "以“号”结尾"),
        ("〔2026〕21号", "机关代字"),
    ],
)
def test_a_wrong_doc_number_is_refused_with_its_line_and_the_fix(cli, tmp_path, written, says):
    path = tmp_path / "qingshi.yaml"
    text = QINGSHI.replace("青建发〔2026〕21号", written)
    path.write_text(text, "utf-8")
    before = snapshot(tmp_path)
    result = cli("render", path)
    assert result.code == 1
    assert f"qingshi.yaml:{_line_of(text, 'doc_number:')}:" in result.stderr
    assert says in result.stderr
    assert "市建发〔2026〕12号" in result.stderr  # the example of the right form
    assert "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("good", ["青建发〔2026〕21号", "国办函〔2025〕1号", "京政发〔2026〕108号"])
def test_a_right_doc_number_passes(good):
    assert doc_number_problem(good) is None


def test_an_upward_document_needs_its_signer(cli, tmp_path):
    stderr = _refused(cli, tmp_path, QINGSHI.replace("signers: 林志远\n", ""), "kind:")
    assert "签发人" in stderr and "上行文" in stderr


def test_an_ordinary_page_needs_no_signer(tmp_path):
    text = QINGSHI.replace("signers: 林志远\n", "").replace(
        "kind: qingshi\n", "kind: qingshi\nformat: ordinary\n"
    )
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    api.render(path)
    assert path.with_suffix(".docx").exists()


def test_a_request_must_end_asking_for_instruction(cli, tmp_path):
    text = QINGSHI.replace("closing: 妥否，请批示。", "closing: 特此报告。")
    assert "妥否，请批示" in _refused(cli, tmp_path, text, "closing:")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('copy_no: "00012"', "份号应是 6 位"),
        ("secrecy: 内部", "秘密"),
        ("urgency: 急", "特急"),
        ("secrecy_period: 一年", "1年、6个月 或 长期"),
    ],
)
def test_head_fields_are_checked_as_data(cli, tmp_path, line, says):
    text = QINGSHI.replace("kind: qingshi\n", f"kind: qingshi\n{line}\n")
    assert says in _refused(cli, tmp_path, text, line.split(":")[0])


def test_a_secrecy_period_needs_a_secrecy_level(cli, tmp_path):
    text = QINGSHI.replace("kind: qingshi\n", "kind: qingshi\nsecrecy_period: 1年\n")
    assert "密级" in _refused(cli, tmp_path, text, "secrecy_period:")


def test_copy_no_written_as_a_number_keeps_six_digits(tmp_path):
    text = QINGSHI.replace("kind: qingshi\n", "kind: qingshi\ncopy_no: 000012\n")
    path = tmp_path / "q.yaml"
    path.write_text(text, "utf-8")
    loaded = api.load_report(path, api.load_registry())
    assert loaded.report.copy_no == "000012"


@pytest.mark.parametrize("kind_id", ["baogao", "qingshi", "tongzhi", "han", "jiyao", "yixue-cugan"])
def test_the_schema_names_each_formal_element(kind_id):
    schema = json.loads(api.schema(api.load_registry().get(kind_id)))
    properties = schema["properties"]
    for key, title in FORMAL_TITLES.items():
        assert properties[key]["title"] == title, key
    assert set(properties["format"]["anyOf"][0]["enum"]) == {"ordinary", "formal", "letter"}


def test_the_minutes_schema_has_attendance():
    properties = json.loads(api.schema(api.load_registry().get("jiyao")))["properties"]
    assert [properties[k]["title"] for k in ("attendees", "on_leave", "observers")] == [
        "出席",
        "请假",
        "列席",
    ]


def _document_xml(path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def test_one_line_turns_the_yixue_cugan_report_formal(tmp_path):
    """The same 以学促干 YAML as an ordinary 汇报 and, with ``format: formal``, a 公文."""
    text = (EXAMPLES / "yixue-cugan.yaml").read_text("utf-8")
    ordinary, formal = tmp_path / "o.yaml", tmp_path / "f.yaml"
    ordinary.write_text(text, "utf-8")
    formal.write_text(
        text.replace("kind: yixue-cugan\n", "kind: yixue-cugan\nformat: formal\n"), "utf-8"
    )
    api.render(ordinary)
    api.render(formal)
    plain, red = _document_xml(tmp_path / "o.docx"), _document_xml(tmp_path / "f.docx")
    issuer = api.load_report(formal, api.load_registry()).report.issuer
    assert f"{issuer}文件" in red and f"{issuer}文件" not in plain
    assert 'w:color="FF0000"' in red  # the red rule under the 文号 line
    assert "wp:anchor" not in red  # no 版记 without 抄送 or 印发机关
    # it has no 发文字号 yet: shown highlighted in the 版头 and listed, never left out unseen
    result = api.render(formal)
    assert [u.figure for u in result.unfilled if u.is_field] == ["doc_number"]
    assert "【待补：发文字号】" in red
    number_line = red[: red.index("【待补：发文字号】")].rsplit("<w:r>", 1)[-1]
    assert '<w:highlight w:val="yellow"/>' in number_line


def test_the_doc_number_to_do_comes_back_through_import_as_a_to_do(tmp_path):
    """Import reads the highlighted 发文字号 to-do as the 版头's 发文字号 line, not as the title."""
    from reportgen.importer import import_draft

    text = (EXAMPLES / "yixue-cugan.yaml").read_text("utf-8")
    formal = tmp_path / "f.yaml"
    formal.write_text(text.replace("kind: yixue-cugan\n", "kind: yixue-cugan\nformat: formal\n"))
    api.render(formal)
    back = import_draft(tmp_path / "f.docx", kind="yixue-cugan", output=tmp_path / "back.yaml")
    report = api.load_report(back.output, api.load_registry()).report
    assert report.title == api.load_report(formal, api.load_registry()).report.title
    assert (report.format, report.doc_number) == ("formal", None)  # rendered again as the to-do
    assert "待补" not in back.output.read_text("utf-8")
    assert [d.reason for d in back.dropped if "发文字号" in d.text] == [
        "红头的发文字号待补：发文字号留空，排版时仍显示为高亮的待填项"
    ]


def test_imprint_rules_are_thick_thin_thick(tmp_path):
    api.render(EXAMPLES / "baogao.yaml", tmp_path / "b.docx")
    xml = _document_xml(tmp_path / "b.docx")
    box = xml[xml.index('name="版记"') :]
    sizes = [
        int(s)
        for s in __import__("re").findall(r'<w:(?:top|bottom) w:val="single" w:sz="(\d+)"', box)
    ]
    # 0.35 mm = 8 eighths of a point, 0.25 mm = 6: first and last thick, the middle thin
    assert sizes == [8, 6, 6, 8]


def test_letter_first_page_has_no_page_number(tmp_path):
    api.render(EXAMPLES / "han.yaml", tmp_path / "h.docx")
    with zipfile.ZipFile(tmp_path / "h.docx") as package:
        xml = package.read("word/document.xml").decode("utf-8")
        footer = package.read("word/footer_blank.xml").decode("utf-8")
    assert "<w:titlePg/>" in xml and 'w:type="first"' in xml
    assert "PAGE" not in footer
    assert xml.count('name="红色双线') == 4


def test_unknown_letterhead_mode_is_a_usage_error(cli, tmp_path):
    result = cli(
        "render", EXAMPLES / "baogao.yaml", "-o", tmp_path / "b.docx", "--letterhead", "red"
    )
    assert result.code == 2
    assert "--letterhead" in result.stderr
    assert not (tmp_path / "b.docx").exists()


def test_import_keeps_only_valid_head_elements_and_asks_for_a_missing_signer():
    from reportgen.layouts import format_for

    spec = api.load_registry().get("qingshi").spec
    found = {"doc_number": "X政发[2024]3号", "secrecy": "机密★1年", "copy_no": "000012"}
    data, taken = format_for(spec.format).recognise(found, spec)
    assert "doc_number" not in data and "doc_number" not in taken  # listed as dropped instead
    assert (data["secrecy"], data["secrecy_period"], data["copy_no"]) == ("机密", "1年", "000012")
    assert data["signers"] == "【待补：签发人】"  # a 请示 needs one: a highlighted to-do


def test_a_recipient_too_long_for_the_first_page_moves_to_the_imprint(tmp_path):
    """7.3.2: when the 主送 would crowd out the 正文 on the first page it goes to the 版记."""
    many = "，".join(f"第{n}区人民政府" for n in range(1, 16))
    text = (EXAMPLES / "tongzhi.yaml").read_text("utf-8")
    path = tmp_path / "t.yaml"
    path.write_text(
        text.replace("recipient: 各区住房城乡建设局，局属各单位", f"recipient: {many}"), "utf-8"
    )
    api.render(path)
    xml = _document_xml(tmp_path / "t.docx")
    box = xml[xml.index('name="版记"') :]
    body = xml[: xml.index('name="版记"')]
    assert "主送：" in box and "第15区人民政府" in box
    assert "第15区人民政府" not in body
