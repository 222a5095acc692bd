"""``reportgen check`` over every kind's example and scaffold, the probe set and a hand-broken
copy: one LibreOffice call for all of them. Skipped where soffice is missing, except in CI."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from reportgen import api
from reportgen.check import FileResult, check_files, exit_code
from reportgen.docx.write import docx_bytes

pytestmark = pytest.mark.layout

ROOT = Path(__file__).resolve().parent.parent
KINDS = ROOT / "examples" / "kinds"
EXAMPLES = (
    "yixue-cugan",
    "annual-summary",
    "progress-brief",
    "baogao",
    "qingshi",
    "tongzhi",
    "jiyao",
    "han",
)


def _probe_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "check_probe", ROOT / "tests" / "fixtures" / "check" / "probe.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _edit(source: Path, target: Path, edits: dict[str, list[tuple[str, str]]]) -> None:
    """Copy a .docx, replacing text in some parts, as a clerk's hand edits in Word would."""
    with zipfile.ZipFile(source) as zin:
        parts = {info.filename: zin.read(info) for info in zin.infolist()}
    for name, replacements in edits.items():
        text = parts[name].decode()
        for old, new in replacements:
            assert old in text, (name, old)
            text = text.replace(old, new)
        parts[name] = text.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    target.write_bytes(buffer.getvalue())


def _broken(folder: Path, probe) -> Path:  # type: ignore[no-untyped-def]
    """Wrong top margin (25 mm), 黑体 body, centred page numbers, and punctuation allowed to hang
    (w:overflowPunct on), so a 。 after a full line and the . of **.*% leave the 版心."""
    base = folder / "broken-base.docx"
    texts = [
        "落实到位街道社区共同参与形成合力城市更新工作推增长**.*%落实到位。",
        "街道社区共同参与形成合力城市更新工作推进有力群众满意度持续提升各项任务落实到位街道"
        "社区共同参与形成合力城市更新工作推进有力群众满意。",
    ]
    base.write_bytes(docx_bytes(probe.probe_document(texts * 3)))
    target = folder / "broken.docx"
    _edit(
        base,
        target,
        {
            "word/document.xml": [('w:top="2098"', 'w:top="1417"')],
            "word/styles.xml": [
                (
                    '<mc:AlternateContent><mc:Choice Requires="w15"><w:overflowPunct w:val="0"/>'
                    '</mc:Choice><mc:Fallback><w:overflowPunct w:val="1"/></mc:Fallback>'
                    "</mc:AlternateContent>",
                    '<w:overflowPunct w:val="1"/>',
                ),
                (
                    'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:spacing w:val="-5"/>',
                    'w:eastAsia="黑体" w:cs="Times New Roman"/><w:spacing w:val="-5"/>',
                ),
            ],
            "word/footer1.xml": [('<w:jc w:val="right"/>', '<w:jc w:val="center"/>')],
            "word/footer2.xml": [('<w:jc w:val="left"/>', '<w:jc w:val="center"/>')],
        },
    )
    return target


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FileResult]:
    for tool in ("soffice", "pdftotext", "pdffonts"):
        if shutil.which(tool) is None:
            if os.environ.get("CI") == "true":
                pytest.fail(f"{tool} is required in CI")
            pytest.skip(f"{tool} not installed")
    folder = tmp_path_factory.mktemp("check")
    registry = api.load_kinds([KINDS])
    files: dict[str, Path] = {}
    for kind in EXAMPLES:
        files[f"example:{kind}"] = Path(
            api.render(
                ROOT / "examples" / f"{kind}.yaml", folder / f"{kind}.docx", registry=registry
            ).output
        )
    for kind in (*EXAMPLES, "anquan-jiancha"):
        yaml_path = folder / f"{kind}-scaffold.yaml"
        api.new_scaffold(kind, yaml_path, registry=registry)
        files[f"scaffold:{kind}"] = Path(api.render(yaml_path, registry=registry).output)
    probe = _probe_module()
    files["probe"] = folder / "probe.docx"
    files["probe"].write_bytes(docx_bytes(probe.probe_document(probe.probe_texts())))
    files["broken"] = _broken(folder, probe)
    # A clerk who turned the even-page section break before the 版记 into a continuous one: the
    # 版记 shares the 附件's page 3.
    files["odd-imprint"] = folder / "odd-imprint.docx"
    _edit(files["example:tongzhi"], files["odd-imprint"],
          {"word/document.xml": [('<w:type w:val="evenPage"/>', '<w:type w:val="continuous"/>')]})  # fmt: skip
    checked = check_files(list(files.values()))
    return dict(zip(files, checked, strict=True))


def _rules(result: FileResult, severity: str = "error") -> set[str]:
    return {f.rule for f in result.findings if f.severity == severity}


@pytest.mark.parametrize(
    "name",
    [
        *(f"example:{k}" for k in EXAMPLES),
        *(f"scaffold:{k}" for k in (*EXAMPLES, "anquan-jiancha")),
    ],
)
def test_every_kind_passes_both_tiers(results: dict[str, FileResult], name: str) -> None:
    result = results[name]
    assert result.measured, result.unmeasured_reason
    assert _rules(result) == set(), [f.message for f in result.findings if f.severity == "error"]
    assert result.status == "pass"
    # The 信函 (10.1) is known as such: its mark above the 版心 and its unnumbered first page
    # pass because they are what the standard prescribes for it, not because they go unseen.
    assert (result.figures.get("版式") == "信函格式") == name.endswith(":han")


def test_probe_set_loses_nothing_and_keeps_to_the_grid(results: dict[str, FileResult]) -> None:
    result = results["probe"]
    assert result.measured
    assert _rules(result) == set(), [f.message for f in result.findings][:5]
    rows = result.figures["整页行数"]
    assert isinstance(rows, list) and len(rows) > 100 and set(rows) == {22}
    widths = result.figures["整行字数"]
    assert isinstance(widths, dict) and max(widths, key=widths.__getitem__) == "28"
    with_digits = result.figures["含数字或西文的整行字数"]
    assert isinstance(with_digits, dict) and 100 < sum(with_digits.values()) < sum(widths.values())


def test_hand_broken_copy_is_reported_with_its_defects(results: dict[str, FileResult]) -> None:
    result = results["broken"]
    assert result.status == "deviation"
    structure = {(f.rule, f.clause) for f in result.findings if f.tier == "structure"}
    assert ("page-setup", "5.2.1") in structure  # top margin 25 mm
    assert ("font", "7.3.3") in structure  # 黑体 body
    assert ("page-number-side", "7.5") in structure  # centred
    measured = _rules(result) - {r for r, _ in structure}
    assert {"glyph-outside", "lost-character"} <= measured, measured
    messages = " ".join(f.message for f in result.findings)
    assert "上边距" in messages and "黑体" in messages and re.search(r"单页页码.*center", messages)
    assert exit_code([result]) == 1


def test_formal_imprint_on_an_odd_page_is_reported(results: dict[str, FileResult]) -> None:
    """GB/T 9704 7.4 with 6.2: the 版记 of a 公文 is on the back of its last sheet. Every kind's
    example and scaffold passes (above), the 通知 with its 版记 on a page of its own after the
    附件; the hand-edited copy does not."""
    assert results["example:tongzhi"].figures["页数"] == 4
    assert results["example:tongzhi"].figures["版记页"] == 4
    result = results["odd-imprint"]
    assert result.figures["页数"] == result.figures["版记页"] == 3
    (found,) = [f for f in result.findings if f.rule == "imprint-odd-page"]
    assert (found.clause, found.severity, found.page) == ("7.4.1", "error", 3)
    assert "偶数页" in found.message and exit_code([result]) == 1


def test_unmeasured_is_never_a_pass(results: dict[str, FileResult], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reportgen.check import convert

    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    path = Path(results["example:yixue-cugan"].path)
    (result,) = check_files([path])
    assert not result.measured and "LibreOffice" in result.unmeasured_reason
    assert result.status == "unmeasured" and exit_code([result]) == 1
