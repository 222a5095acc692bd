"""Layout profiles: the page values of a layout as data, each with its GB/T 9704-2012 clause.

``profiles/gbt9704-2012.yaml`` holds every value reportgen lays a page out with (margins, grid,
fonts, sizes, colours, rule widths, the page-number form), each naming the clause it comes from
and how binding it is. The writer, ``scripts/make_reference_docx.py`` and the tests read it.

A bureau's profile names its base and changes values of it::

    based_on: gbt9704-2012
    id: 某局
    title: 某局公文版式
    fonts:
      title: 方正小标宋_GBK      # 一般: allowed, and listed as a deviation from the standard
    margins:
      header_mm: 12            # 实务: allowed

A value the standard fixes (规定, and what is derived from it, 推算) cannot be changed; a
bureau profile that tries is an :class:`~reportgen.errors.InputError` naming the line.
:func:`deviations` says which values of a profile differ from the standard.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from reportgen.errors import InputError, Problem

STANDARD = "gbt9704-2012"
#: How binding a value is, from most to least; see the head of the profile file.
STRENGTHS = ("规定", "推算", "一般", "推荐", "可以", "实务")
#: Strengths a bureau's profile may not change.
FIXED = frozenset({"规定", "推算"})


class Value(NamedTuple):
    """One page value: ``key`` is dotted (``margins.top_mm``)."""

    key: str
    value: Any
    clause: str
    strength: str
    note: str = ""


class Profile:
    def __init__(self, id: str, title: str, values: dict[str, Value], origin: str) -> None:
        self.id = id
        self.title = title
        self.values = values
        self.origin = origin

    def __repr__(self) -> str:
        return f"Profile({self.id!r}, {self.title!r}, {len(self.values)} values, {self.origin!r})"

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value


class Deviation(NamedTuple):
    """A value of a profile that differs from the standard's."""

    value: Value  # as the standard has it
    changed_to: Any

    def __str__(self) -> str:
        v = self.value
        return f"{v.key}：国标 {v.value}，本版式 {self.changed_to}（{v.clause}，{v.strength}）"


@lru_cache(maxsize=1)
def standard() -> Profile:
    """The GB/T 9704-2012 profile shipped with reportgen. What its YAML holds is kept in the
    user's cache (a render would otherwise spend a twentieth of its time reading it), under the
    key of its bytes, the YAML reading code and ruamel's version."""
    import json

    from reportgen import usercache
    from reportgen.yamlio.source import SourceMap

    origin = f"<内置>/{STANDARD}.yaml"
    with open(_HERE / "profiles" / f"{STANDARD}.yaml", "rb") as file:
        raw = file.read()
    key = _standard_key(raw) if usercache.folder() is not None else None
    stored = usercache.read(_CACHE_NAME, key) if key is not None else None
    if stored is not None:
        try:
            return _standard(json.loads(stored), SourceMap(origin), origin)
        except (ValueError, InputError, AttributeError, TypeError):
            pass  # damaged: read the file
    from reportgen.yamlio.source import parse_yaml

    text = raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    data, source = parse_yaml(text, origin)
    profile = _standard(data, source, origin)
    kept = usercache.exact_json(data) if key is not None else None
    if key is not None and kept is not None:
        usercache.write(_CACHE_NAME, key, kept.encode())
    return profile


_HERE = Path(__file__).resolve().parent
_CACHE_NAME = "profile"


def _standard_key(raw: bytes) -> str:
    from reportgen import usercache

    code = usercache.code_digest(_READING_CODE)
    return usercache.key(_CACHE_NAME, raw, code, str(usercache.distribution_version("ruamel.yaml")))


#: The code that turns the profile's YAML into values, below the package.
_READING_CODE = ("layouts/profile.py", "yamlio/compose.py", "yamlio/source.py")


def parse_standard(text: str, origin: str) -> Profile:
    """A profile whose every value carries ``value``, ``clause`` and ``strength``."""
    from reportgen.yamlio.source import parse_yaml

    data, source = parse_yaml(text, origin)
    return _standard(data, source, origin)


def _standard(data: Any, source: Any, origin: str) -> Profile:
    from reportgen.yamlio.source import require_mapping

    data = require_mapping(data, source)
    values: dict[str, Value] = {}
    for group, table in data.items():
        if group in ("id", "title"):
            continue
        for name, leaf in _mapping(table, (group,), source).items():
            leaf = _mapping(leaf, (group, name), source)
            if set(leaf) - {"value", "clause", "strength", "note"} or "value" not in leaf:
                raise InputError(
                    source.problem((group, name), "每项应写 value、clause、strength（可加 note）")
                )
            if leaf.get("strength") not in STRENGTHS:
                raise InputError(
                    source.problem(
                        (group, name, "strength"), f"strength 只能是 {'、'.join(STRENGTHS)}"
                    )
                )
            key = f"{group}.{name}"
            values[key] = Value(
                key,
                leaf["value"],
                str(leaf.get("clause", "")),
                leaf["strength"],
                leaf.get("note", ""),
            )
    return Profile(str(data.get("id", "")), str(data.get("title", "")), values, origin)


def load_profile(path: str | Path) -> Profile:
    """A bureau's profile: the standard with the values the file changes."""
    from reportgen.textio import read_text
    from reportgen.yamlio.source import parse_yaml, require_mapping

    origin = str(path)
    data, source = parse_yaml(read_text(path), origin)
    data = require_mapping(data, source)
    base = standard()
    if data.get("based_on") != base.id:
        raise InputError(
            source.problem(
                ("based_on",), f"版式文件应写 based_on: {base.id}", f"第一行写 based_on: {base.id}"
            )
        )
    values = dict(base.values)
    problems: list[Problem] = []
    for group, table in data.items():
        if group in ("based_on", "id", "title"):
            continue
        for name, value in _mapping(table, (group,), source).items():
            key = f"{group}.{name}"
            known = base.values.get(key)
            if known is None:
                problems.append(
                    source.problem((group, name), f"国标版式中没有 {key} 这一项", key=True)
                )
            elif known.strength in FIXED and value != known.value:
                problems.append(
                    source.problem(
                        (group, name),
                        f"{key} 是国标{known.strength}的数值（{known.clause}：{known.value}），不能改",
                        "删去这一行",
                    )
                )
            else:
                values[key] = Value(key, value, known.clause, known.strength, known.note)
    if problems:
        raise InputError(*problems)
    return Profile(str(data.get("id", origin)), str(data.get("title", "")), values, origin)


def deviations(profile: Profile) -> list[Deviation]:
    """The values of ``profile`` that differ from the standard's, in the standard's order."""
    base = standard()
    return [
        Deviation(base.values[key], value.value)
        for key, value in profile.values.items()
        if value.value != base.values[key].value
    ]


def _mapping(value: Any, loc: tuple[str, ...], source: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InputError(source.problem(loc, "应是“名称: 内容”的映射"))
    return value
