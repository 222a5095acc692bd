"""Prepared validation (reportgen.kinds.prepared) is an optimisation only: every example, every
kind's scaffold and a bureau's kind render to the same bytes and messages with it as through
pydantic (``REPORTGEN_PREPARED=off``); every bad input gives the same exit code, stdout and
stderr; stale, damaged or foreign prepared data changes nothing; a bureau's kind edited between
two renders is prepared again; a render of an example imports no pydantic; the shipped data is
current; and the records it builds hold what pydantic's models hold."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, ROOT
from reportgen import api, usercache
from reportgen.errors import ReportgenError
from reportgen.kinds import prepared, schemadata
from reportgen.kinds.records import as_data
from reportgen.report.loading import load_prepared

Outcome = tuple[bytes | None, tuple[str, ...]]
BUREAU = EXAMPLES / "kinds" / "anquan-jiancha.yaml"


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A fresh user cache folder for the test, and prepared validation on."""
    monkeypatch.delenv("REPORTGEN_CACHE", raising=False)
    monkeypatch.delenv("REPORTGEN_PREPARED", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    prepared.forget()
    return tmp_path / "cache" / "reportgen"


def _render(
    monkeypatch: pytest.MonkeyPatch, source: Path, out: Path, *, full: bool, **kw: Any
) -> Outcome:
    if full:
        monkeypatch.setenv("REPORTGEN_PREPARED", "off")
    else:
        monkeypatch.delenv("REPORTGEN_PREPARED", raising=False)
    out.unlink(missing_ok=True)
    try:
        result = api.render(source, out, **kw)
    except ReportgenError as error:
        return None, tuple(str(problem) for problem in error.problems)
    messages = api.unfilled_problems(result.unfilled, result.source)
    return out.read_bytes(), tuple(str(problem) for problem in messages)


def _same_both_ways(monkeypatch: pytest.MonkeyPatch, source: Path, out: Path, **kw: Any) -> Outcome:
    full = _render(monkeypatch, source, out, full=True, **kw)
    fast = _render(monkeypatch, source, out, full=False, **kw)
    assert fast == full, source
    return fast


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_example_renders_the_same_prepared(
    monkeypatch: pytest.MonkeyPatch, cache: Path, tmp_path: Path, name: str
) -> None:
    assert load_prepared(EXAMPLES / name, ()) is not None  # the prepared path is taken
    written, _ = _same_both_ways(monkeypatch, EXAMPLES / name, tmp_path / "out.docx")
    assert written is not None


def test_every_scaffold_renders_the_same_prepared(
    monkeypatch: pytest.MonkeyPatch, cache: Path, tmp_path: Path
) -> None:
    registry = api.load_kinds([BUREAU.parent])
    for kind in registry:
        scaffold = tmp_path / kind.id / "report.yaml"
        scaffold.parent.mkdir()
        api.new_scaffold(kind.id, scaffold, registry=registry, today=dt.date(2026, 3, 2))
        kw = {"kind_dirs": [BUREAU.parent]}
        _same_both_ways(monkeypatch, scaffold, tmp_path / "out.docx", **kw)
        # the bureau's kind is prepared by its first render; then every kind is
        assert load_prepared(scaffold, (BUREAU.parent,)) is not None, kind.id


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for name in ("REPORTGEN_CACHE", "REPORTGEN_PREPARED"):
        env.pop(name, None)
    return env


def _shipped_for_these_versions() -> None:
    """Skip a test of the shipped data where it was made under other versions than those
    installed (CI taking a newer pydantic from PyPI): it is then not used, rightly, and cannot
    be judged; ``scripts/make_prepared_kinds.py`` makes it again for them."""
    with open(prepared.shipped_path(prepared.SPEC), "rb") as file:
        made_with = json.loads(file.read()).get("made_with")
    if made_with != prepared.made_with():
        pytest.skip(f"shipped data made with {made_with}, installed here {prepared.made_with()}")


def test_a_render_imports_no_pydantic(tmp_path: Path) -> None:
    """Not on the first run after installing either (an empty cache: the shipped data)."""
    _shipped_for_these_versions()
    for name in ("yixue-cugan.yaml", "han.yaml", "progress-brief.yaml"):
        done = subprocess.run(
            [
                sys.executable,
                "-X",
                "importtime",
                "-c",
                "from reportgen.cli.launcher import main; main()",
                "render",
                str(EXAMPLES / name),
                "-o",
                str(tmp_path / "out.docx"),
            ],
            capture_output=True,
            text=True,
            env={**_env(), "XDG_CACHE_HOME": str(tmp_path / "empty-cache")},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        imported = {line.rpartition("|")[2].strip() for line in done.stderr.splitlines()}
        heavy = {m for m in imported if m.split(".")[0] in {"pydantic", "typing_extensions"}}
        assert not heavy, (name, sorted(heavy))
        assert "reportgen.kinds.schemadata" in imported  # (it really is the import list)


def _cli(args: list[str], folder: Path, *, full: bool) -> tuple[int, str, str, bytes | None]:
    env = _env()
    if full:
        env["REPORTGEN_PREPARED"] = "off"
    out = folder / "out.docx"
    out.unlink(missing_ok=True)
    done = subprocess.run(
        [sys.executable, "-c", "from reportgen.cli.launcher import main; main()", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr, out.read_bytes() if out.exists() else None


BAD = {
    "unknown-field.yaml": "kind: han\ntitle: 关于X的函\nrecipient: 某局\nsurprise: 1\n",
    "bad-figure.yaml": (EXAMPLES / "yixue-cugan.yaml")
    .read_text("utf-8")
    .replace("figures:", "figures:\n  坏数: {value: 十二, unit: “%”}", 1),
    "bad-date.yaml": (EXAMPLES / "han.yaml")
    .read_text("utf-8")
    .replace("date:", "date: 2026-02-30 #", 1),
    "no-signer.yaml": (EXAMPLES / "qingshi.yaml")
    .read_text("utf-8")
    .replace("signers:", "x_signers:", 1),
    "not-a-mapping.yaml": "- kind: han\n",
    "kind-number.yaml": "kind: 12\n",
    "broken.yaml": "kind: yixue-cugan\ntitle: [unclosed\n",
    "unknown-kind.yaml": "kind: no-such-kind\ntitle: 标题\n",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_every_bad_input_is_the_same_prepared(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(BAD[name], "utf-8")
    args = ["render", name, "-o", "out.docx"]
    full = _cli(args, tmp_path, full=True)
    assert full[0] != 0 and full[3] is None, full
    assert _cli(args, tmp_path, full=False) == full


def test_the_example_bad_calls_are_the_same_prepared(tmp_path: Path) -> None:
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    for args in (
        ["render", "missing.yaml"],
        ["render", "yixue-cugan-draft.yaml", "--strict", "-o", "out.docx"],
        ["render", "yixue-cugan.yaml", "-o", "no-folder/out.docx"],
        ["render", "yixue-cugan.yaml", "-o", "yixue-cugan.yaml"],
        ["render", "yixue-cugan.yaml", "-o", "out.txt"],
        ["render", "han.yaml", "--kinds", "no-such-folder", "-o", "out.docx"],
    ):
        assert _cli(args, tmp_path, full=False) == _cli(args, tmp_path, full=True), args


def _damage(entry: Path) -> None:
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] + b"\0garbage")


def test_stale_damaged_or_foreign_data_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, cache: Path, tmp_path: Path
) -> None:
    source = tmp_path / "report.yaml"
    api.new_scaffold("anquan-jiancha", source, registry=api.load_kinds([BUREAU.parent]))
    kw = {"kind_dirs": [BUREAU.parent]}
    expected = _same_both_ways(monkeypatch, source, tmp_path / "a.docx", **kw)
    entries = sorted(cache.glob("kind-schema-*.bin"))
    assert entries  # prepared by the first render
    for entry in entries:  # damaged: not used, and prepared again
        _damage(entry)
    prepared.forget()
    assert load_prepared(source, (BUREAU.parent,)) is None
    assert _render(monkeypatch, source, tmp_path / "b.docx", full=False, **kw) == expected
    # foreign: an entry that names a function outside reportgen's checks is refused
    for entry in sorted(cache.glob("kind-schema-*.bin")):
        head, _, body = entry.read_bytes().partition(b"\n")
        data = json.loads(body)
        text = json.dumps(data).replace("reportgen.kinds.figuredata:", "os:", 1)
        entry.write_bytes(head + b"\n" + text.encode())
    prepared.forget()
    assert load_prepared(source, (BUREAU.parent,)) is None
    assert _render(monkeypatch, source, tmp_path / "c.docx", full=False, **kw) == expected
    # stale: shipped data made under another key is not used
    monkeypatch.setattr(prepared, "kind_key", lambda data: "0" * 64)
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    prepared.forget()
    assert load_prepared(EXAMPLES / "han.yaml", ()) is None
    assert _same_both_ways(monkeypatch, EXAMPLES / "han.yaml", tmp_path / "d.docx")[0]


def test_a_foreign_function_is_never_resolved() -> None:
    for name in ("os:system", "builtins:eval", "reportgen.kinds.checks:__globals__"):
        with pytest.raises(schemadata.NotPlain):
            schemadata.validator({"form": schemadata.FORM, "schema": {"$py": name}, "config": {}})


def test_an_edited_bureau_kind_is_prepared_again(
    monkeypatch: pytest.MonkeyPatch, cache: Path, tmp_path: Path
) -> None:
    kinds = tmp_path / "kinds"
    kinds.mkdir()
    kind_file = kinds / BUREAU.name
    shutil.copy(BUREAU, kind_file)
    source = tmp_path / "report.yaml"
    api.new_scaffold("anquan-jiancha", source, registry=api.load_kinds([kinds]))
    kw = {"kind_dirs": [kinds]}
    first = _same_both_ways(monkeypatch, source, tmp_path / "a.docx", **kw)
    assert load_prepared(source, (kinds,)) is not None
    # the kind now requires a field the report lacks: the prepared validator must not accept it
    text = kind_file.read_text("utf-8")
    edited = text.replace(
        "fields:", "fields:\n  - key: inspector\n    name: 检查人\n    required: true", 1
    )
    assert edited != text
    kind_file.write_text(edited, "utf-8")
    assert load_prepared(source, (kinds,)) is None
    second = _same_both_ways(monkeypatch, source, tmp_path / "b.docx", **kw)
    assert second[0] is None and second != first
    assert any("inspector" in message for message in second[1])
    # filled in, the report renders, and the edited kind is then prepared too
    source.write_text(source.read_text("utf-8") + "\ninspector: 张三\n", "utf-8")
    _same_both_ways(monkeypatch, source, tmp_path / "c.docx", **kw)
    assert load_prepared(source, (kinds,)) is not None


def test_the_shipped_data_is_current() -> None:
    _shipped_for_these_versions()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_prepared_kinds import FOLDER, shipped_texts
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    texts = shipped_texts()
    assert set(FOLDER.glob(f"*{prepared.SHIPPED}")) == set(texts)
    for path, text in texts.items():
        assert path.read_text("utf-8") == text, (
            f"{path.name} is out of date: run .venv/bin/python scripts/make_prepared_kinds.py"
        )


def test_the_shipped_data_is_used_first(monkeypatch: pytest.MonkeyPatch) -> None:
    _shipped_for_these_versions()
    monkeypatch.setenv("REPORTGEN_CACHE", "off")
    monkeypatch.delenv("REPORTGEN_PREPARED", raising=False)
    prepared.forget()
    for path in EXAMPLES.glob("*.yaml"):
        assert load_prepared(path, ()) is not None, path.name


# Field values as a YAML reader hands them on, chosen to hit the conversions: text to strip,
# numbers written as text (with thousands commas), ints for float fields, blanks and None.
_TEXT = st.sampled_from(["", " ", "  某局  ", "某局", "1,234", " 12.5 ", "“%”", '"%"', "万个"])
_VALUE = st.one_of(
    st.none(),
    _TEXT,
    st.integers(-(10**13), 10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    value=_VALUE,
    unit=_VALUE,
    precision=_VALUE,
    digits=_VALUE,
    title=st.one_of(_TEXT, st.lists(_TEXT, max_size=2)),
    issuer=_VALUE,
    copy_no=_VALUE,
)
def test_records_hold_what_pydantic_models_hold(
    value: Any, unit: Any, precision: Any, digits: Any, title: Any, issuer: Any, copy_no: Any
) -> None:
    """The prepared validator accepts exactly what pydantic accepts, and the records hold what
    pydantic's ``model_dump`` gives."""
    from pydantic import ValidationError

    from reportgen.yamlio.source import parse_yaml

    kind = api.load_kinds().get("han")
    data, _ = parse_yaml((EXAMPLES / "han.yaml").read_text("utf-8"), "han.yaml")
    figure = {"value": value, "unit": unit, "precision": precision, "digits": digits}
    data = {**data, "title": title, "issuer": issuer, "copy_no": copy_no}
    data["figures"] = {"数": {k: v for k, v in figure.items() if v is not None}}
    validator = _han_validator()
    try:
        expected: Any = kind.model.model_validate(data).model_dump()
    except ValidationError:
        expected = "rejected"
    try:
        got: Any = as_data(validator.validate_python(data))
    except Exception:
        got = "rejected"
    assert _same(got, expected)


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to itself and a number's type counted (1 and 1.0 differ)."""
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return True
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return type(a) is type(b) and a == b


_VALIDATORS: dict[str, Callable[..., Any] | Any] = {}


def _han_validator() -> Any:
    if "han" not in _VALIDATORS:
        kind = api.load_kinds().get("han")
        _VALIDATORS["han"] = schemadata.validator(schemadata.encode(kind.model))
    return _VALIDATORS["han"]


def test_a_later_pydantic_import_uses_the_same_extension() -> None:
    probe = (
        "import sys\n"
        "from reportgen.kinds import schemadata\n"
        "core = schemadata.core()\n"
        "assert 'pydantic' not in sys.modules\n"
        "import pydantic, pydantic_core\n"
        "assert pydantic_core._pydantic_core is core\n"
        "class M(pydantic.BaseModel):\n    x: int\n"
        "print(M.model_validate({'x': '3'}).x)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "3", done.stderr
    assert usercache.distribution_version("pydantic") is not None
