"""reportgen import on bad input: a clear Chinese message, the right error class (exit code),
and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SEEDS, snapshot
from reportgen.errors import InputError, UsageError
from reportgen.importer import import_draft

DRAFT = "区档案馆关于档案数字化工作的报告\n一、工作进展\n今年完成馆藏档案数字化扫描任务，建立了目录检索系统。\n"


def fails(tmp_path: Path, draft: Path, error: type, *needles: str, **options) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(error) as caught:
        import_draft(draft, **options)
    message = str(caught.value)
    for needle in needles:
        assert needle in message
    assert snapshot(tmp_path) == before, "a failing import wrote or changed a file"


def test_csv_file_is_not_a_report(tmp_path):
    draft = tmp_path / "数据.csv"
    draft.write_text("名称,数值,单位\n新增泊位,1200,个\n", "utf-8")
    fails(tmp_path, draft, InputError, "表格数据", "不是报告草稿")
    assert InputError.exit_code == 1


def test_csv_content_saved_as_text_is_not_a_report(tmp_path):
    draft = tmp_path / "数据.txt"
    draft.write_text("名称,数值,单位\n新增泊位,1200,个\n改造小区,35,个\n", "utf-8")
    fails(tmp_path, draft, InputError, "表格数据")


def test_text_without_paragraphs_is_not_a_report(tmp_path):
    draft = tmp_path / "便条.txt"
    draft.write_text("会议室\n三楼\n", "utf-8")
    fails(tmp_path, draft, InputError, "没有找到报告正文段落")


def test_empty_file(tmp_path):
    draft = tmp_path / "空白.txt"
    draft.write_text("\n  \n", "utf-8")
    fails(tmp_path, draft, InputError, "草稿是空的")


def test_empty_docx_is_unreadable(tmp_path):
    draft = tmp_path / "空白.docx"
    draft.write_bytes(b"")
    fails(tmp_path, draft, UsageError)


def test_corrupt_docx_passes_the_readers_usage_error(tmp_path):
    draft = tmp_path / "损坏.docx"
    draft.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    fails(tmp_path, draft, UsageError, "损坏.docx")
    assert UsageError.exit_code == 2


def test_missing_file(tmp_path):
    fails(tmp_path, tmp_path / "没有这个文件.txt", UsageError, "文件不存在")


def test_missing_file_of_any_suffix(tmp_path):
    fails(tmp_path, tmp_path / "没有这个文件.pdf", UsageError, "文件不存在")
    fails(tmp_path, tmp_path / "没有这个文件.docx", UsageError, "文件不存在")


def test_unsupported_format(tmp_path):
    draft = tmp_path / "扫描件.pdf"
    draft.write_bytes(b"%PDF-1.4\n")
    fails(tmp_path, draft, UsageError, "不能导入", ".docx")


def test_yaml_is_already_reportgen_format(tmp_path):
    draft = tmp_path / "report.yaml"
    draft.write_text("kind: yixue-cugan\n", "utf-8")
    fails(tmp_path, draft, InputError, "reportgen render")


def test_unknown_kind(tmp_path):
    draft = tmp_path / "报告.txt"
    draft.write_text(DRAFT, "utf-8")
    fails(tmp_path, draft, UsageError, "没有名为“no-such-kind”的报告类型", kind="no-such-kind")


def test_existing_output_is_kept_without_force(tmp_path):
    draft = tmp_path / "报告.txt"
    draft.write_text(DRAFT, "utf-8")
    (tmp_path / "报告.yaml").write_text("earlier work\n", "utf-8")
    fails(tmp_path, draft, UsageError, "文件已存在", "--force")
    result = import_draft(draft, force=True)
    assert result.output == tmp_path / "报告.yaml"
    assert (tmp_path / "报告.yaml").read_text("utf-8").count("kind:") == 1


def test_default_output_sits_beside_the_draft(tmp_path):
    draft = tmp_path / "报告.txt"
    draft.write_text(DRAFT, "utf-8")
    result = import_draft(draft)
    assert result.output == tmp_path / "报告.yaml"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.txt", "报告.yaml"]


def test_output_into_a_missing_folder(tmp_path):
    fails(tmp_path, SEEDS / "002_b642ac03053a293c.txt", UsageError, "输出文件夹不存在",
          output=tmp_path / "没有" / "x.yaml")  # fmt: skip


def test_gbk_draft_is_read(tmp_path):
    draft = tmp_path / "报告.txt"
    draft.write_bytes(DRAFT.encode("gbk"))
    result = import_draft(draft)
    assert "档案数字化" in result.output.read_text("utf-8")
