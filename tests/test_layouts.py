"""Layouts as data: the page profile with its clauses, bureau profiles, and the layout modules."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reportgen.errors import InputError
from reportgen.gongwen.days import Day
from reportgen.kinds import RESERVED_KEYS
from reportgen.kinds.registry import load_registry
from reportgen.layouts import NAMES, get
from reportgen.layouts.gbt9704 import PAGE, Page, mm
from reportgen.layouts.profile import FIXED, STRENGTHS, deviations, load_profile, standard

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_value_names_its_clause_and_strength():
    values = standard().values
    assert len(values) > 30
    for value in values.values():
        assert value.strength in STRENGTHS, value.key
        assert value.clause == "—" or value.clause[0].isdigit(), value.key
    # What the standard fixes is marked so: the page, the top and binding margins.
    for key in ("page.width_mm", "page.height_mm", "margins.top_mm", "margins.left_mm"):
        assert values[key].strength == "规定"
    assert values["margins.bottom_mm"].strength == "推算"
    assert values["sizes_pt.brief_name"].strength == "实务"  # 简报 is not in the standard


def test_the_page_is_the_profile_in_ooxml_units():
    profile = standard()
    assert PAGE.MARGIN_TOP == mm(profile["margins.top_mm"]) == mm(37)
    assert abs(PAGE.TEXT_WIDTH - mm(156)) <= 1  # 版心 156 × 225 mm, to the twip
    assert abs(PAGE.TEXT_HEIGHT - mm(225)) <= 1
    assert PAGE.LINES_PER_PAGE * PAGE.LINE_PITCH <= PAGE.TEXT_HEIGHT
    assert PAGE.CHARS_PER_LINE * PAGE.CHAR_PITCH <= PAGE.TEXT_WIDTH
    assert (PAGE.PAGE_NUMBER_PREFIX, PAGE.PAGE_NUMBER_SUFFIX) == ("— ", " —")


def _bureau(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "某局.yaml"
    path.write_text("based_on: gbt9704-2012\nid: 某局\n" + text, encoding="utf-8")
    return path


def test_a_bureau_changes_what_practice_allows_and_is_told_what_deviates(tmp_path):
    path = _bureau(tmp_path, "fonts:\n  title: 方正小标宋_GBK\nmargins:\n  header_mm: 12\n")
    profile = load_profile(path)
    assert profile["fonts.title"] == "方正小标宋_GBK"
    page = Page.of(profile)
    header, top = page.HEADER_DISTANCE, page.MARGIN_TOP
    assert header == mm(12)
    assert top == PAGE.MARGIN_TOP
    shown = [str(d) for d in deviations(profile)]
    assert shown == [
        "margins.header_mm：国标 15，本版式 12（7.1，实务）",
        "fonts.title：国标 方正小标宋简体，本版式 方正小标宋_GBK（7.3.1，一般）",
    ]
    assert deviations(standard()) == []


def test_the_formal_formats_values_are_in_the_one_profile(tmp_path):
    """The 版头, 版记 and 信函 values are bureau-changeable or fixed like any other."""
    values = standard().values
    assert values["head.mark_offset_mm"].value == 35
    assert (values["head.mark_offset_mm"].clause, values["head.mark_offset_mm"].strength) == (
        "7.2.4",
        "规定",
    )
    offset, gap = PAGE.MARK_OFFSET, PAGE.RED_RULE_GAP
    assert (offset, gap) == (mm(35), mm(4))
    assert values["letter.mark_top_mm"].strength == "规定"
    path = _bureau(tmp_path, "head:\n  mark_size_pt: 30\nimprint:\n  rule_thin_mm: 0.2\n")
    profile = load_profile(path)
    page = Page.of(profile)
    assert (page.MARK_SIZE_PT, page.IMPRINT_THIN) == (30.0, 5)
    assert [str(d) for d in deviations(profile)] == [
        "head.mark_size_pt：国标 36，本版式 30（7.2.4，实务）",
        "imprint.rule_thin_mm：国标 0.25，本版式 0.2（7.4.1，推荐）",
    ]
    for fixed in ("head:\n  mark_offset_mm: 30\n", "letter:\n  rule_length_mm: 160\n"):
        with pytest.raises(InputError, match="不能改"):
            load_profile(_bureau(tmp_path, fixed))


@pytest.mark.parametrize("key", ["page.width_mm", "margins.top_mm", "margins.right_mm"])
def test_a_bureau_cannot_change_what_the_standard_fixes(tmp_path, key):
    group, name = key.split(".")
    assert standard().values[key].strength in FIXED
    path = _bureau(tmp_path, f"{group}:\n  {name}: 30\n")
    with pytest.raises(InputError) as info:
        load_profile(path)
    (problem,) = info.value.problems
    assert (problem.path, problem.line) == (str(path), 4)
    assert "不能改" in problem.message and key in problem.message


def test_a_bureau_profile_names_only_values_the_standard_has(tmp_path):
    with pytest.raises(InputError, match=r"没有 fonts\.titel"):
        load_profile(_bureau(tmp_path, "fonts:\n  titel: 黑体\n"))
    path = tmp_path / "x.yaml"
    path.write_text("fonts:\n  title: 黑体\n", encoding="utf-8")
    with pytest.raises(InputError, match="based_on: gbt9704-2012"):
        load_profile(path)


def test_the_reference_template_is_built_from_a_bureau_profile(tmp_path):
    path = _bureau(tmp_path, "fonts:\n  title: 方正小标宋_GBK\n")
    out = tmp_path / "某局.docx"
    script = ROOT / "scripts" / "make_reference_docx.py"
    done = subprocess.run(
        [sys.executable, str(script), "--profile", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "与国标不同之处 1 项" in done.stderr and "fonts.title" in done.stderr
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:eastAsia="方正小标宋_GBK"' in styles
    assert 'w:eastAsia="方正小标宋简体"' not in styles


def test_every_layout_is_a_module_and_every_kind_names_one():
    for name in NAMES:
        module = importlib.import_module(f"reportgen.layouts.{name}")
        assert module.LAYOUT is get(name) and get(name).name == name
    assert {kind.spec.layout for kind in load_registry()} <= set(NAMES)
    with pytest.raises(KeyError):
        get("letter-of-nothing")


def test_every_format_is_a_module_and_every_kind_names_one():
    from reportgen.layouts import FORMATS, format_for

    for name in FORMATS:
        module = importlib.import_module(f"reportgen.layouts.{name}")
        assert module.FORMAT is format_for(name) and format_for(name).name == name
    assert {kind.spec.format for kind in load_registry()} <= set(FORMATS)
    assert format_for("letter").numbers_first_page is False  # 10.1
    assert format_for("ordinary").scaffold(load_registry().get("baogao").spec, Day.today()) == []
    with pytest.raises(KeyError):
        format_for("report")


def test_a_kinds_own_fields_may_not_take_a_layouts_keys():
    spec = load_registry().get("yixue-cugan").spec
    for name in NAMES:
        keys = set(get(name).fields(spec.model_copy(update={"layout": name})))
        assert keys <= RESERVED_KEYS, name


def test_each_layout_scaffolds_its_own_fields():
    today = Day.of(dt.date(2024, 1, 2))
    for kind in load_registry():
        layout = get(kind.spec.layout)
        lines = layout.scaffold_head(kind.spec, today) + layout.scaffold_body(kind.spec, today)
        written = {line.split(":")[0] for line in lines if line and line[0].isalpha()}
        fields = set(layout.fields(kind.spec))
        assert written - {"title"} <= fields, kind.id  # every key it writes is a field
        assert {"sections", "date", layout.author_key} <= written, kind.id
