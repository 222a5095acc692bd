"""The launcher's fast path (plain lint/render/kinds/new without typer) behaves exactly as typer's
path: the same exit code, stdout, stderr and written bytes for every example, every kind's
scaffold and every bad input; anything else it does not recognise, so typer decides it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from reportgen.cli.fastpath import recognise

FIXTURES = ROOT / "tests" / "fixtures"
# The launcher as installed, and the same launcher with the fast path declining every call.
FAST = [sys.executable, "-c", "import sys; from reportgen.cli.launcher import main; main()"]
TYPER = [
    sys.executable,
    "-c",
    "import sys; from reportgen.cli import fastpath, launcher\n"
    "fastpath.recognise = lambda argv: None\nlauncher.main()",
]


def run_both(args: list[str], folder: Path, outputs: list[str] = ()) -> None:  # type: ignore[assignment]
    """Run ``reportgen ARGS`` in ``folder`` both ways, from the same starting files, and assert
    the two runs are indistinguishable, written files included."""
    results = []
    for way in (FAST, TYPER):
        for name in outputs:
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        done = subprocess.run(
            [*way, *args], cwd=folder, capture_output=True, env=_env(), timeout=120
        )
        written = {name: _contents(folder / name) for name in outputs if (folder / name).exists()}
        results.append((done.returncode, done.stdout, done.stderr, written))
    fast, typer = results
    assert fast[0] == typer[0], (args, fast[2].decode(), typer[2].decode())
    assert fast[1] == typer[1], args
    assert fast[2] == typer[2], args
    assert fast[3] == typer[3], args


def _contents(path: Path) -> bytes | dict[str, bytes]:
    """A file's bytes, or a folder's files' bytes by their relative paths."""
    if path.is_file():
        return path.read_bytes()
    return {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONIOENCODING": "utf-8"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    shutil.copytree(EXAMPLES / "kinds", tmp_path / "kinds")
    for path in (FIXTURES / "lint").iterdir():
        shutil.copy(path, tmp_path / f"lint-{path.name}")
    shutil.copy(FIXTURES / "docx" / "word_shapes.docx", tmp_path / "shapes.docx")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    (tmp_path / "empty.docx").write_bytes(b"")
    (tmp_path / "broken.yaml").write_text("kind: yixue-cugan\ntitle: [unclosed\n", "utf-8")
    (tmp_path / "unknown-kind.yaml").write_text("kind: no-such-kind\ntitle: 标题\n", "utf-8")
    (tmp_path / "units.csv").write_text(
        "单位,积水点\n城东街道,12\n城西街道,\n城南街道,7\n", "utf-8"
    )
    (tmp_path / "bad-units.csv").write_text("单位,积水点\n城东街道,十二\n", "utf-8")
    (tmp_path / "folder").mkdir()
    shutil.copy(EXAMPLES / "yixue-cugan-draft.yaml", tmp_path / "folder" / "draft.yaml")
    return tmp_path


EXAMPLE_NAMES = sorted(path.name for path in EXAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_render_of_every_example_is_the_same(folder: Path, name: str) -> None:
    run_both(["render", name, "-o", "out.docx"], folder, ["out.docx"])
    run_both(["render", name], folder, [name.replace(".yaml", ".docx")])
    run_both(["render", "--strict", name, "--output=strict.docx"], folder, ["strict.docx"])


@pytest.mark.parametrize(
    "args",
    [
        ["render", "yixue-cugan-draft.yaml", "--batch", "units.csv", "-o", "batch-out"],
        ["render", "yixue-cugan-draft.yaml", "--batch", "units.csv", "-o", "batch-out", "-j", "2"],
        ["render", "--strict", "yixue-cugan-draft.yaml", "--jobs=1", "--batch=units.csv"],
        ["render", "folder", "-o", "batch-out"],
    ],
    ids=" ".join,
)
def test_batches_are_the_same(folder: Path, args: list[str]) -> None:
    (folder / "batch-out").mkdir()
    run_both(args, folder, ["batch-out", "yixue-cugan-draft-批量"])


def test_every_kinds_scaffold_is_the_same(folder: Path) -> None:
    from reportgen import api

    run_both(["kinds"], folder)
    for kind in api.load_kinds(()):
        outputs = ["new.yaml", f"{kind.id}.schema.json", "report.yaml"]
        outputs += [f"{kind.id}.schema.json"]
        run_both(["new", kind.id, "-o", "new.yaml"], folder, outputs)
        run_both(["new", kind.id], folder, outputs)


LINT_CALLS = [
    ["lint", "yixue-cugan-draft.yaml"],
    ["lint", "yixue-cugan.yaml", "--format", "json"],
    ["lint", "shapes.docx", "--format=sarif"],
    ["lint", "lint-slots.txt", "--format", "github", "--fail-on", "warning"],
    ["lint", "lint-traps.md", "lint-shapes.md", "--select", "placeholder,confusable"],
    ["lint", "lint-slots.yaml", "--select", "placeholder", "--select", "number-form"],
    ["lint", "lint-small.txt", "--ignore", "placeholder", "--format", "text"],
    ["lint", "folder"],
    ["lint", "kinds/anquan-jiancha.yaml"],
    ["lint", "lint-broken.yaml", "lint-report.yaml"],
]
BAD_CALLS = [
    ["lint", "missing.txt"],
    ["lint", "old.doc"],
    ["lint", "empty.docx", "lint-small.txt"],
    ["lint", "lint-small.txt", "--select", "no-such-rule"],
    ["lint", "lint-small.txt", "--format", "xml"],
    ["lint", "lint-small.txt", "--fail-on", "fatal"],
    ["render", "missing.yaml"],
    ["render", "broken.yaml"],
    ["render", "unknown-kind.yaml"],
    ["render", "yixue-cugan-draft.yaml", "--strict", "-o", "draft.docx"],
    ["render", "yixue-cugan.yaml", "-o", "no-folder/out.docx"],
    ["render", "yixue-cugan.yaml", "-o", "yixue-cugan.yaml"],
    ["render", "folder", "-o", "batch-out"],
    ["render", "yixue-cugan-draft.yaml", "--batch", "bad-units.csv", "-o", "batch-out"],
    ["render", "yixue-cugan-draft.yaml", "--batch", "missing.csv", "-o", "batch-out"],
    ["render", "yixue-cugan-draft.yaml", "--batch", "units.csv", "-o", "yixue-cugan.yaml"],
    ["new", "no-such-kind"],
    ["new", "yixue-cugan", "-o", "han.yaml"],
]


@pytest.mark.parametrize("args", LINT_CALLS + BAD_CALLS, ids=" ".join)
def test_lint_and_bad_inputs_are_the_same(folder: Path, args: list[str]) -> None:
    outputs = ["draft.docx", "han.yaml", "yixue-cugan.yaml", "report.yaml", "batch-out"]
    run_both(args, folder, outputs)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["lint"],
        ["lint", "--help"],
        ["lint", "a.txt", "-h"],
        ["lint", "a.txt", "--annotate", "b.docx"],
        ["lint", "a.txt", "--fix", "-o", "b.txt"],
        ["lint", "a.txt", "--format"],
        ["lint", "a.txt", "--format", "--select"],
        ["lint", "a.txt", "--format", ""],
        ["lint", "--", "a.txt"],
        ["lint", "-"],
        ["lint", "a.txt", "--unknown"],
        ["render"],
        ["render", "a.yaml", "b.yaml"],
        ["render", "a.yaml", "--check"],
        ["render", "a.yaml", "--template", "t.docx"],
        ["render", "a.yaml", "-o=out.docx"],
        ["render", "a.yaml", "-oout.docx"],
        ["render", "a.yaml", "--kinds", "k"],
        ["render", "a.yaml", "--batch", "t.csv", "-j2"],
        ["render", "a.yaml", "--batch", "t.csv", "-j", "two"],
        ["render", "a.yaml", "--batch", "t.csv", "--jobs", "-1"],
        ["render", "a.yaml", "--batch"],
        ["kinds", "--kinds", "k"],
        ["kinds", "extra"],
        ["new"],
        ["new", "a", "b"],
        ["schema", "yixue-cugan"],
        ["--version"],
        ["Lint", "a.txt"],
    ],
    ids=lambda argv: " ".join(argv) or "nothing",
)
def test_every_other_call_is_left_to_typer(argv: list[str]) -> None:
    assert recognise(argv) is None


def test_plain_calls_are_recognised() -> None:
    call = recognise(["lint", "a.txt", "--select", "x", "--select=y", "b.docx", "--format=json"])
    assert call is not None
    assert call.arguments == ["a.txt", "b.docx"]
    assert call.lists == {"select": ["x", "y"]}
    assert call.values == {"format": "json"}
    render = recognise(["render", "--strict", "a.yaml", "-o", "x.docx", "--output", "y.docx"])
    assert render is not None and render.values == {"output": "y.docx"}  # the last one, as typer


@pytest.mark.parametrize(
    "args",
    [["lint", "lint-small.txt"], ["render", "yixue-cugan.yaml", "-o", "x.docx"], ["kinds"]],
    ids=" ".join,
)
def test_plain_calls_run_without_typer(folder: Path, args: list[str]) -> None:
    probe = (
        "import sys\nfrom reportgen.cli import fastpath\n"
        f"code = fastpath.run({args!r})\n"
        "print(code, sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=folder, capture_output=True, text=True, env=_env()
    )
    assert done.stdout.splitlines()[-1].endswith(" []"), done.stdout + done.stderr


@pytest.mark.parametrize(
    "args", [["kinds"], ["new", "yixue-cugan", "-o", "n.yaml", "--force"]], ids=" ".join
)
def test_a_remembered_call_imports_only_what_it_needs(
    folder: Path, tmp_path: Path, args: list[str]
) -> None:
    """Taken from the user's cache, the command imports none of the modules that would be
    most of its time (pathlib, typing, re, enum): its output is the full path's, as above."""
    probe = (
        "import sys\nfrom reportgen.cli import fastpath\n"
        f"code = fastpath.run({args!r})\n"
        "heavy = ('pathlib', 'typing', 're', 'enum', 'datetime', 'pydantic')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    env = {**_env(), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in ("first", "remembered"):
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=folder, capture_output=True, text=True, env=env
        )
        last = done.stderr.splitlines()[-1]
    assert last == "0 []", done.stderr


PLAIN_NAMES = ["r.yaml", "a/r.yaml", "/tmp/r.yaml", "../r.yaml", "报告.yaml", " r", "a b/r", "..."]
OTHER_NAMES = ["./r.yaml", "a//r.yaml", "a/./r", "a/", "///a", "a/.", "./", ""]


def test_a_new_output_is_named_as_typer_names_it() -> None:
    """The fast path passes ``new`` a name as given (without pathlib) only when typer's
    ``Path`` would show it the same; any other goes through ``Path``."""
    from reportgen.cli.fastpath import _as_pathlib_shows

    for name in PLAIN_NAMES:
        assert _as_pathlib_shows(name) and str(Path(name)) == name
    for name in OTHER_NAMES:
        assert not _as_pathlib_shows(name) and str(Path(name)) != name
