"""Figures from a spreadsheet, and many reports from one YAML and a table of units."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from conftest import EXAMPLES, snapshot
from reportgen.docx import read_docx

DRAFT = EXAMPLES / "yixue-cugan-draft.yaml"


def body_text(path: Path) -> str:
    return "\n".join(p.text for p in read_docx(path))


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_figures_table_fills_figures_and_names_what_it_did_not_know(cli, tmp_path):
    table = write_csv(
        tmp_path / "f.csv", '名称,数值,单位\n积水点,52,处\n惠及居民,"1,240.5",万户\n不存在,3,个\n'
    )
    result = cli("render", DRAFT, "-o", tmp_path / "out.docx", "--figures", table)
    assert result.code == 0, result.stderr
    assert "f.csv:4:1: A4 单元格：表格中的“不存在”在 YAML 的 figures 中没有声明" in result.stderr
    # Still missing: named with the lines where they are used and declared.
    assert "数据“水质合格率”未填" in result.stderr and "第 67 行" in result.stderr
    assert "积水点" not in result.stderr.split("A4")[1]
    text = body_text(tmp_path / "out.docx")
    assert "整治易涝积水点52处" in text and "惠及居民1240.50万户" in text


def test_gbk_csv_from_excel(cli, tmp_path):
    table = write_csv(tmp_path / "f.csv", "名称,数值\r\n积水点,7\r\n", "gbk")
    assert cli("render", DRAFT, "-o", tmp_path / "o.docx", "--figures", table).code == 0
    assert "积水点7处" in body_text(tmp_path / "o.docx")


def test_xlsx_figures_table(cli, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "value"])
    sheet.append(["投诉下降", 12.25])
    book.save(tmp_path / "f.xlsx")
    assert (
        cli("render", DRAFT, "-o", tmp_path / "o.docx", "--figures", tmp_path / "f.xlsx").code == 0
    )
    assert "同比下降12.3%" in body_text(tmp_path / "o.docx")


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("名称,备注\n积水点,52\n", ["表格缺少列：数值（value）"]),
        ("名称,数值\n积水点,五十二\n", ["f.csv:2:2: B2 单元格：“积水点”的数值“五十二”不是数字"]),
        (
            "名称,数值\n积水点,52\n积水点,53\n",
            ["f.csv:3:1: A3 单元格：数据“积水点”重复，第一次出现在 A2"],
        ),
        ("\n\n", ["表格是空的"]),
    ],
)
def test_bad_figures_tables(cli, tmp_path, text, needles):
    table = write_csv(tmp_path / "f.csv", text)
    (tmp_path / "out.docx").write_bytes(b"earlier")
    before = snapshot(tmp_path)
    result = cli("render", DRAFT, "-o", tmp_path / "out.docx", "--figures", table)
    assert result.code == 1, result.stderr
    for needle in needles:
        assert needle in result.stderr
    assert snapshot(tmp_path) == before


def test_corrupt_xlsx_is_a_usage_error(cli, tmp_path):
    (tmp_path / "f.xlsx").write_bytes(b"PK\x03\x04 not really")
    result = cli("render", DRAFT, "-o", tmp_path / "o.docx", "--figures", tmp_path / "f.xlsx")
    assert result.code == 2 and "另存为 .xlsx" in result.stderr


def test_batch_renders_one_report_per_row_and_a_bad_row_loses_nothing(cli, tmp_path):
    rows = ["单位,积水点,惠及居民,水质合格率,issuer"]
    for i in range(12):
        value = "九十" if i == 5 else "98.2"
        rows.append(f"第{i + 1}街道,{i + 10},1.5,{value},第{i + 1}街道办事处")
    table = write_csv(tmp_path / "units.csv", "\n".join(rows) + "\n")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("render", DRAFT, "--batch", table, "-o", out, "--jobs", "2")
    assert result.code == 1
    assert "[第6街道] " in result.stderr and "D7 单元格" in result.stderr
    assert "共 12 份：生成 11 份" in result.stderr and "失败 1 份" in result.stderr
    made = sorted(p.name for p in out.iterdir())
    assert len(made) == 11 and "yixue-cugan-draft-第6街道.docx" not in made
    text = body_text(out / "yixue-cugan-draft-第3街道.docx")
    assert "整治易涝积水点12处" in text and "第3街道办事处" in text


def test_batch_table_with_unknown_column_is_refused_before_any_work(cli, tmp_path):
    table = write_csv(tmp_path / "u.csv", "单位,积水点,泊位\n甲街道,1,2\n")
    result = cli("render", DRAFT, "--batch", table, "-o", tmp_path)
    assert result.code == 1 and "列名“泊位”" in result.stderr
    assert not list(tmp_path.glob("*.docx"))


def test_batch_table_without_unit_column(cli, tmp_path):
    table = write_csv(tmp_path / "u.csv", "积水点\n1\n")
    result = cli("render", DRAFT, "--batch", table, "-o", tmp_path)
    assert result.code == 1 and "缺少“单位”列" in result.stderr


def test_render_several_yamls_and_a_folder(cli, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("yixue-cugan.yaml", "annual-summary.yaml", "progress-brief.yaml"):
        (folder / name).write_text((EXAMPLES / name).read_text("utf-8"), "utf-8")
    (folder / "broken.yaml").write_text("kind: yixue-cugan\ntitle: [\n", "utf-8")
    result = cli("render", folder)
    assert result.code == 1
    assert "broken.yaml:2" in result.stderr and "共 4 份：生成 3 份" in result.stderr
    assert sorted(p.name for p in folder.glob("*.docx")) == [
        "annual-summary.docx",
        "progress-brief.docx",
        "yixue-cugan.docx",
    ]


def test_batch_rows_may_set_a_kinds_own_fields(cli, tmp_path):
    kinds = EXAMPLES / "kinds"
    report = tmp_path / "aq.yaml"
    assert cli("new", "anquan-jiancha", "--kinds", kinds, "-o", report).code == 0
    table = write_csv(tmp_path / "u.csv", "单位,contact,出动人次\n东城,王明,12\n西城,李红,九\n")
    out = tmp_path / "out"
    out.mkdir()
    result = cli("render", report, "--batch", table, "-o", out, "--kinds", kinds)
    assert result.code == 1 and "[西城]" in result.stderr and "C3 单元格" in result.stderr
    text = body_text(out / "aq-东城.docx")
    assert "联系人：王明" in text and "出动检查人员12人次" in text
