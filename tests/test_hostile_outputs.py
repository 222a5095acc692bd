"""Outputs never lose an input or each other; templates are copied only as sanitised parts; a
killed run leaves nothing half-written (issue 15)."""

from __future__ import annotations

import re
import signal
import sys
import zipfile
from pathlib import Path

import pytest

from hostile import attempt, refused, report, snapshot, unchanged
from hostile import run as run_cli

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "docx"


def reference_docx() -> Path:
    return sorted(TEMPLATE.glob("*.docx"))[0]


def rewrite(source: Path, target: Path, change) -> Path:
    """A copy of the .docx ``source`` with ``change(name, data)`` applied to every entry."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            result = change(info.filename, old.read(info))
            if result is not None:
                new.writestr(info.filename, result)
    return target


def test_two_reports_of_the_same_name_into_one_folder(tmp_path: Path) -> None:
    for folder in ("a", "b", "out"):
        (tmp_path / folder).mkdir()
    (tmp_path / "a" / "x.yaml").write_text(report(), "utf-8")
    (tmp_path / "b" / "x.yaml").write_text(report(), "utf-8")
    attempt(tmp_path, "render", "a/x.yaml", "b/x.yaml", "-o", "out", needles=("x.docx",))
    assert not list((tmp_path / "out").iterdir())


def test_batch_units_that_map_to_one_file_name(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    (tmp_path / "b.csv").write_text("单位,学习材料\nA/B,1\nA_B,2\nA:B,3\n", "utf-8")
    attempt(tmp_path, "render", "r.yaml", "--batch", "b.csv", "-o", ".", needles=("b.csv",))


def test_render_never_overwrites_its_own_input(tmp_path: Path) -> None:
    (tmp_path / "r.docx").write_text(report(), "utf-8")  # YAML under a .docx name
    attempt(tmp_path, "render", "r.docx", needles=("r.docx",))


def test_output_given_as_the_input(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    (tmp_path / "t.docx").write_bytes(reference_docx().read_bytes())
    attempt(
        tmp_path, "render", "r.yaml", "--template", "t.docx", "-o", "t.docx", needles=("t.docx",)
    )


def test_read_only_output_is_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    (tmp_path / "r.docx").write_bytes(b"signed copy")
    (tmp_path / "r.docx").chmod(0o444)
    attempt(tmp_path, "render", "r.yaml", needles=("r.docx",))


def test_output_name_too_long(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    attempt(tmp_path, "render", "r.yaml", "-o", "长" * 100 + ".docx", needles=("长长", "太长"))


def test_new_writes_all_or_none(tmp_path: Path) -> None:
    (tmp_path / "yixue-cugan.schema.json").mkdir()  # the schema cannot be written
    attempt(tmp_path, "new", "yixue-cugan", needles=("yixue-cugan.schema.json",))
    assert not (tmp_path / "report.yaml").exists()


@pytest.mark.parametrize(
    ("out", "alone"),
    [(1, False), (20, False), (20, True)],
    ids=["forking", "mid-write", "parent-alone"],
)
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["int", "term"])
def test_killed_batch_leaves_no_temporary_file(
    tmp_path: Path, sig: int, out: int, alone: bool
) -> None:
    """Signalled once ``out`` reports are written: with the first, the command is forking its
    workers; with 20, both are writing. Ctrl-C reaches the whole process group, ``kill`` the
    command alone: either way every worker stops, removes what it was writing and is gone."""
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    rows = "".join(f"单位{i},{i}\n" for i in range(400))
    (tmp_path / "b.csv").write_text("单位,学习材料\n" + rows, "utf-8")
    before = snapshot(tmp_path)
    outcome = run_cli(
        "render",
        "r.yaml",
        "--batch",
        "b.csv",
        "-o",
        ".",
        "-j",
        "2",
        cwd=tmp_path,
        send=sig,
        to_group=not alone,
        after=10.0,
        ready=lambda: len(list(tmp_path.glob("*.docx"))) >= out,
    )
    assert outcome.code == 130, outcome.text[-2000:]  # stopped, and promptly
    assert "Traceback" not in outcome.text, outcome.text[-2000:]
    assert "已中止" in outcome.text, outcome.text[-2000:]  # said, not a silent exit
    unchanged(before, snapshot(tmp_path))
    written = list(tmp_path.glob("*.docx"))
    assert out <= len(written) < 400
    for path in written:  # what was written is whole
        zipfile.ZipFile(path).testzip()


# The command with the batch's pool path forced, as where fork is not available (Windows, macOS).
POOL_PATH = [
    sys.executable,
    "-c",
    "from reportgen import batchfork\nbatchfork.available = lambda: False\n"
    "from reportgen.cli.launcher import main\nmain()",
]


@pytest.mark.parametrize("alone", [False, True], ids=["group", "parent-alone"])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["int", "term"])
def test_a_batch_without_fork_stops_its_workers(tmp_path: Path, sig: int, alone: bool) -> None:
    """On the pool path an interrupt stops the workers too: past the signal, no report is
    written beyond those the two workers had in hand (a pool worker goes on with its next
    queued task after an interrupt unless told to stop)."""
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    rows = "".join(f"单位{i},{i}\n" for i in range(400))
    (tmp_path / "b.csv").write_text("单位,学习材料\n" + rows, "utf-8")
    before = snapshot(tmp_path)
    counts = []

    def ready() -> bool:
        counts.append(len(list(tmp_path.glob("*.docx"))))
        return counts[-1] >= 20

    outcome = run_cli(
        *("render", "r.yaml", "--batch", "b.csv", "-o", ".", "-j", "2"),
        cwd=tmp_path,
        send=sig,
        to_group=not alone,
        after=10.0,
        ready=ready,
        command=POOL_PATH,
    )
    assert outcome.code == 130, outcome.text[-2000:]
    assert "已中止" in outcome.text and "Traceback" not in outcome.text, outcome.text[-2000:]
    unchanged(before, snapshot(tmp_path))
    written = list(tmp_path.glob("*.docx"))
    assert counts[-1] >= 20 and len(written) <= counts[-1] + 6, (counts[-1], len(written))
    for path in written:
        zipfile.ZipFile(path).testzip()


def test_template_with_a_doctype_is_not_copied(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    xxe = b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'

    def add_doctype(name: str, data: bytes) -> bytes:
        if name == "word/styles.xml":
            return xxe + data.split(b"?>", 1)[1]
        return data

    rewrite(reference_docx(), tmp_path / "t.docx", add_doctype)
    outcome = run_cli("render", "r.yaml", "--template", "t.docx", cwd=tmp_path)
    refused(outcome, "t.docx", codes=(0, 2))
    if outcome.code == 0:
        with zipfile.ZipFile(tmp_path / "r.docx") as archive:
            assert not [n for n in archive.namelist() if b"<!DOCTYPE" in archive.read(n)]


def test_template_without_section_properties(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    rewrite(
        reference_docx(),
        tmp_path / "t.docx",
        lambda n, d: (
            d.replace(b"<w:sectPr", b"<w:x").replace(b"</w:sectPr>", b"</w:x>")
            if n == "word/document.xml"
            else d
        ),
    )
    outcome = run_cli("render", "r.yaml", "--template", "t.docx", cwd=tmp_path)
    refused(outcome, codes=(0, 2))


def test_template_inflating_beyond_the_limit(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    target = rewrite(reference_docx(), tmp_path / "t.docx", lambda n, d: d)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/media/big.bin", b"\0" * (300 << 20))
    attempt(tmp_path, "render", "r.yaml", "--template", "t.docx", needles=("t.docx", "上限"))


def patched_template(folder: Path, local: int, central: int, change) -> None:
    """A copy of the reference template with one header byte changed by ``change`` in every
    local (at offset ``local``) and central (``central``) zip header."""
    data = bytearray(rewrite(reference_docx(), folder / "t.docx", lambda n, d: d).read_bytes())
    for signature, offset in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] = change(data[start + offset])
            start += 4
    (folder / "t.docx").write_bytes(bytes(data))


@pytest.mark.parametrize(
    "local, central, change",
    [(6, 8, lambda flags: flags | 1), (8, 10, lambda method: 9)],
    ids=["encrypted", "deflate64"],  # method 9 is Deflate64, which zipfile cannot read
)
def test_template_with_unreadable_entries(tmp_path: Path, local, central, change) -> None:
    (tmp_path / "r.yaml").write_text(report(), "utf-8")
    patched_template(tmp_path, local, central, change)
    attempt(tmp_path, "render", "r.yaml", "--template", "t.docx", needles=("t.docx",))


def test_a_thousand_subsections(tmp_path: Path) -> None:
    many = "".join(
        f"      - heading: 小标题{i}\n        paragraphs:\n          - 正文{i}。\n"
        for i in range(1200)
    )
    text = report(replace={"    subsections:\n": "    subsections:\n" + many})
    (tmp_path / "r.yaml").write_text(text, "utf-8")
    outcome = run_cli("render", "r.yaml", cwd=tmp_path)
    refused(outcome, codes=(0, 1))
    assert outcome.code == 1 or zipfile.is_zipfile(tmp_path / "r.docx")


def test_kind_texts_cannot_break_out_of_scaffold_comments(tmp_path: Path) -> None:
    (tmp_path / "k").mkdir()
    example = Path(__file__).resolve().parent.parent / "examples/kinds/anquan-jiancha.yaml"
    text = example.read_text("utf-8").replace(
        "guidance: 写检查的时间、范围、方式，出动人次和检查单位数",
        'guidance: "写检查的时间\\nstrict_injected: true\\n#"',
    )
    text = re.sub(r"(?m)^summary:.*$", lambda m: 'summary: "节假日前\\nowned: 1\\n#"', text)
    (tmp_path / "k" / "a.yaml").write_text(text, "utf-8")
    outcome = run_cli("new", "anquan-jiancha", "-o", "r.yaml", "--kinds", "k", cwd=tmp_path)
    if outcome.code:
        refused(outcome, "a.yaml")
        return
    scaffold = (tmp_path / "r.yaml").read_text("utf-8")
    assert "\nstrict_injected:" not in scaffold and "\nowned:" not in scaffold, scaffold[:1500]
