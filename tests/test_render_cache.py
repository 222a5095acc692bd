"""What render keeps in the user's cache (the prepared template, a title's words) never changes
its output: every example, every kind's scaffold, a bureau's kind, a user's template and bad
inputs give the same bytes and messages with the cache off, empty, filled, unwritable or
tampered with; and a filled cache is really used (python-docx stays unimported)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES
from reportgen import api
from reportgen.errors import ReportgenError

Outcome = tuple[bytes | None, tuple[str, ...]]


def _forget_in_process() -> None:
    """Drop what this process has prepared, so the next render starts as a new process would."""
    from reportgen.docx.write import prepared, title

    prepared._prepare.cache_clear()
    title._segmenter_words.cache_clear()


@pytest.fixture
def render_with(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Outcome]:
    def render(cache: str | Path, source: Path, **options: object) -> Outcome:
        """Render ``source`` with the cache folder ``cache`` (``off``: no cache); the bytes
        written (None on failure) and the messages."""
        if cache == "off":
            monkeypatch.setenv("REPORTGEN_CACHE", "off")
        else:
            monkeypatch.delenv("REPORTGEN_CACHE", raising=False)
            monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
        _forget_in_process()
        out = tmp_path / "out" / f"{source.stem}.docx"
        out.parent.mkdir(exist_ok=True)
        out.unlink(missing_ok=True)
        try:
            result = api.render(source, out, **options)  # type: ignore[arg-type]
        except ReportgenError as error:
            return None, tuple(str(problem) for problem in error.problems)
        messages = api.unfilled_problems(result.unfilled, result.source)
        return out.read_bytes(), tuple(str(problem) for problem in messages)

    return render


def _same_every_way(
    render: Callable[..., Outcome], tmp_path: Path, source: Path, **kw: object
) -> Outcome:
    off = render("off", source, **kw)
    cache = tmp_path / "cache"
    assert render(cache, source, **kw) == off  # empty: prepared afresh, then stored
    assert render(cache, source, **kw) == off  # filled
    unwritable = tmp_path / "not-a-folder"
    unwritable.write_text("x")
    assert render(unwritable, source, **kw) == off
    for entry in (cache / "reportgen").glob("*"):  # damaged entries are not used
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] + b"\0garbage")
    assert render(cache, source, **kw) == off
    return off


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_renders_the_same_with_or_without_the_cache(
    render_with: Callable[..., Outcome], tmp_path: Path, name: str
) -> None:
    written, _ = _same_every_way(render_with, tmp_path, EXAMPLES / name)
    assert written is not None


def test_every_scaffold_renders_the_same_with_or_without_the_cache(
    render_with: Callable[..., Outcome], tmp_path: Path
) -> None:
    for kind in api.load_kinds():
        folder = tmp_path / kind.id
        folder.mkdir()
        (scaffold, _) = api.new_scaffold(kind.id, folder / "report.yaml")
        _same_every_way(render_with, folder, scaffold)


def test_a_bureau_kind_and_a_users_template_render_the_same(
    render_with: Callable[..., Outcome], tmp_path: Path
) -> None:
    from reportgen.docx.write.template import packaged_template_bytes

    registry = api.load_kinds([EXAMPLES / "kinds"])
    report = tmp_path / "anquan.yaml"
    (written, _) = api.new_scaffold("anquan-jiancha", report, registry=registry)
    template = tmp_path / "mine.docx"
    template.write_bytes(packaged_template_bytes())
    first = _same_every_way(render_with, tmp_path, written, registry=registry, template=template)
    assert first[0] is not None


def test_a_changed_template_is_prepared_again(
    render_with: Callable[..., Outcome], tmp_path: Path
) -> None:
    """Same path, new bytes: the stored preparation of the old bytes must not be used."""
    import io
    import zipfile

    from reportgen.docx.write.template import packaged_template_bytes

    template = tmp_path / "mine.docx"
    template.write_bytes(packaged_template_bytes())
    source = EXAMPLES / "yixue-cugan.yaml"
    cache = tmp_path / "cache"
    before = render_with(cache, source, template=template)
    changed = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(packaged_template_bytes())) as old,
        zipfile.ZipFile(changed, "w") as new,
    ):
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace(b"</w:styles>", b"<!-- changed --></w:styles>")
            new.writestr(info, data)
    template.write_bytes(changed.getvalue())
    after = render_with(cache, source, template=template)
    assert after == render_with("off", source, template=template)
    assert after != before


@pytest.mark.parametrize(
    "text",
    [
        "kind: yixue-cugan\ntitle: [unclosed\n",
        "kind: no-such-kind\ntitle: 标题\n",
        "title: 无类型\n",
    ],
)
def test_bad_inputs_say_the_same_with_or_without_the_cache(
    render_with: Callable[..., Outcome], tmp_path: Path, text: str
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(text, "utf-8")
    written, messages = _same_every_way(render_with, tmp_path, source)
    assert written is None and messages


def test_a_missing_template_says_the_same(
    render_with: Callable[..., Outcome], tmp_path: Path
) -> None:
    source = EXAMPLES / "yixue-cugan.yaml"
    written, messages = _same_every_way(render_with, tmp_path, source, template=tmp_path / "x")
    assert written is None and "找不到模板文件" in messages[0]


def test_a_process_renders_its_second_document_as_its_first(tmp_path: Path) -> None:
    """Drawings (the 红头 text boxes, a letter's rules) are numbered per document."""
    for name in ("han.yaml", "tongzhi.yaml"):
        first, second = tmp_path / "1.docx", tmp_path / "2.docx"
        api.render(EXAMPLES / name, first)
        api.render(EXAMPLES / name, second)
        assert b"relativeHeight" in first.read_bytes()
        assert first.read_bytes() == second.read_bytes()


def test_the_cache_keeps_a_bounded_number_of_entries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reportgen import usercache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("REPORTGEN_CACHE", raising=False)
    keys = [usercache.key("template", str(number)) for number in range(usercache.KEPT + 5)]
    for number, key in enumerate(keys):
        usercache.write("template", key, str(number).encode())
        entry = next((tmp_path / "reportgen").glob(f"template-{key[:32]}.bin"))
        os.utime(entry, ns=(number * 10**9, number * 10**9))  # written one second apart
    usercache.write("title-words", keys[0], b"[2, 2]")
    assert [usercache.read("template", key) for key in keys[:5]] == [None] * 5
    assert [usercache.read("template", key) for key in keys[5:]] == [
        str(number).encode() for number in range(5, usercache.KEPT + 5)
    ]
    assert usercache.read("title-words", keys[0]) == b"[2, 2]"


PROBE = (
    "import sys\nfrom reportgen.cli.launcher import main\n"
    "sys.argv = ['reportgen', *sys.argv[1:]]\n"
    "import atexit\n"
    "atexit.register(lambda: print(sorted(m for m in ('docx', 'lxml.etree', 'rjieba')"
    " if m in sys.modules),"
    " file=sys.stderr))\n"
    "from reportgen.cli import commands\n"
    "commands.finish = sys.exit\n"
    "main()\n"
)


def test_the_whole_command_is_the_same_and_uses_what_it_stored(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "yixue-cugan.yaml", tmp_path / "r.yaml")
    runs = []
    for cache in ("off", "cache", "cache"):
        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "XDG_CACHE_HOME": str(tmp_path / cache)}
        if cache == "off":
            env["REPORTGEN_CACHE"] = "off"
        else:
            env.pop("REPORTGEN_CACHE", None)
        (tmp_path / "r.docx").unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", PROBE, "render", "r.yaml"],
            cwd=tmp_path,
            capture_output=True,
            env=env,
            timeout=120,
        )
        runs.append((done.returncode, done.stdout, done.stderr, (tmp_path / "r.docx").read_bytes()))
    (off, empty, filled) = runs
    *said, loaded = off[2].decode().splitlines()
    # the title's breaks need no segmenter (test_title_bounds); python-docx's lxml prepares
    assert loaded == "['docx', 'lxml.etree']"
    # an ordinary report's main part is written as text (test_render_writer): no lxml
    for run in (empty, filled):
        assert run[:2] == off[:2] and run[3] == off[3]
        assert run[2].decode().splitlines()[:-1] == said
    assert filled[2].decode().splitlines()[-1] == "[]"
    if _shipped_is_for_this_machine():  # the first run after installing needs no python-docx
        assert empty[2].decode().splitlines()[-1] == "[]"


def _shipped_is_for_this_machine() -> bool:
    from reportgen.docx.write import prepared

    return prepared.read_shipped()[1] == prepared.makers()


def test_the_shipped_preparation_is_current() -> None:
    """reference.prepared is what python-docx prepares now (when it was made with the
    python-docx, lxml and libxml2 installed here; a wheel's users with other versions prepare
    the template on their first run)."""
    from reportgen.docx.write import prepared

    if not _shipped_is_for_this_machine():
        pytest.skip(f"shipped for {prepared.read_shipped()[1]}, here {prepared.makers()}")
    key, made_by, body = prepared.read_shipped()
    assert prepared.shipped_bytes() == f"{key}\n{made_by}\n".encode() + body, (
        "src/reportgen/docx/write/reference.prepared is out of date: "
        "run .venv/bin/python scripts/make_prepared_template.py after installing this tree"
    )


def test_the_libraries_in_the_key_are_the_ones_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key names lxml and libxml2 without importing lxml where its wheel carries
    libxml2's headers: the versions it names are the ones lxml reports, either way."""
    import lxml
    from lxml import etree

    from reportgen.ooxml import versions

    running = f"lxml {lxml.__version__} libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}"
    assert versions.library_versions() == running
    header = tmp_path / "xmlversion.h"
    header.write_text('#define LIBXML_DOTTED_VERSION "2.9.14"\n#define LIBXML_VERSION 20914\n')
    assert versions._dotted_version(str(header)) == "2.9.14"
    assert versions._dotted_version(str(tmp_path / "missing.h")) is None
    monkeypatch.setattr(versions, "_dotted_version", lambda header: None)  # a system build
    assert versions.library_versions() == running


def test_installed_versions_are_the_ones_importlib_metadata_finds() -> None:
    """The versions in the keys are read from the ``*.dist-info`` folders on ``sys.path``
    without importlib.metadata, and are the ones it reports."""
    from importlib import metadata

    from reportgen import usercache

    for project in ("python-docx", "pydantic", "pydantic-core", "ruamel.yaml", "lxml"):
        assert usercache.distribution_version(project) == metadata.version(project), project
    assert usercache.distribution_version("no-such-distribution") is None
