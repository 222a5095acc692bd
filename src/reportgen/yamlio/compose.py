"""Composing YAML into plain Python values, bounded while it is composed.

libyaml (ruamel.yaml's C parser) produces the events; we build the values from them without
recursion, so nesting cannot overflow a stack. Values, characters and depth are counted as they
are built, an alias counting again everything it stands for: a billion-laughs bomb is refused
after a few thousand events, never expanded. An alias shares the value of its anchor, so even a
refused bomb costs no memory. libyaml itself takes quadratic time on deep flow nesting
(``[[[[…``), so that depth is measured on the text before libyaml sees it.

Tags: the YAML 1.2 core schema's (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``,
``!!map``, ``!!seq``, and timestamps, which stay text); any other tag is refused with its place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportgen.errors import InputError, Problem
from reportgen.limits import Limits, current, exceeded
from reportgen.textio import XML_FORBIDDEN
from reportgen.yamlio.source import Position

_CORE = "tag:yaml.org,2002:"


class _Open:
    """A mapping or sequence being built."""

    __slots__ = (
        "anchor",
        "chars_at_start",
        "index",
        "key",
        "key_event",
        "loc",
        "nodes_at_start",
        "value",
    )

    def __init__(
        self,
        value: Any,
        loc: tuple[str | int, ...],
        anchor: str | None,
        nodes_at_start: int,
        chars_at_start: int,
    ) -> None:
        self.value = value
        self.loc = loc
        self.anchor = anchor
        self.nodes_at_start = nodes_at_start
        self.chars_at_start = chars_at_start
        self.key: Any = None
        self.key_event: Any = None
        self.index = 0


class _Counts:
    __slots__ = ("anchors", "chars", "nodes")

    def __init__(self) -> None:
        self.nodes = 0
        self.chars = 0
        self.anchors: dict[str, tuple[Any, int, int]] = {}


@lru_cache(maxsize=1)
def _parser() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False)


def flow_depth_line(text: str, limit: int) -> int | None:
    """The line where brackets nest deeper than ``limit`` (None if they never do). Quotes are
    not parsed: this bounds libyaml's work, and a text this odd is worth a look anyway."""
    if text.count("[") + text.count("{") <= limit:
        return None  # too few to nest deeper (a report in block style has none)
    depth = 0
    for match in _BRACKET.finditer(text):
        if match.group() in "[{":
            depth += 1
            if depth > limit:
                return text.count("\n", 0, match.start()) + 1
        else:
            depth = max(0, depth - 1)
    return None


_BRACKET = re.compile(r"[\[\]{}]")


def compose(text: str, path: str, source: Any) -> Any:
    """The values of the YAML ``text`` (None for a stream without a document), with the place
    of each value and key recorded in ``source`` (a :class:`~reportgen.yamlio.source.SourceMap`).
    Raises :class:`InputError` with a place; a YAML syntax error is ruamel's ``YAMLError``."""
    from ruamel.yaml import events as ev

    limits = current()
    deep = flow_depth_line(text, limits.yaml_depth)
    if deep is not None:
        raise exceeded("yaml_depth", path, line=deep, usage=False)
    counts = _Counts()
    stack: list[_Open] = []
    root: Any = None
    documents = 0
    for event in _parser().parse(text):
        if isinstance(event, ev.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise InputError(
                    _at(event, path, "文件中有多个 YAML 文档（---）", "一个文件只写一份报告")
                )
            continue
        if isinstance(event, ev.ScalarEvent):
            value = _scalar(event, path)
            counts.nodes += 1
            counts.chars += len(event.value)
            _check(counts, limits, path, event)
            if event.anchor:
                counts.anchors[event.anchor] = (value, 1, len(event.value))
            root = _add(stack, value, event, path, source, root)
        elif isinstance(event, ev.AliasEvent):
            if event.anchor not in counts.anchors:
                raise InputError(
                    _at(
                        event,
                        path,
                        f"别名 *{event.anchor} 没有对应的锚点 &{event.anchor}（或引用了它自身）",
                        "先用 &名称 定义，再用 *名称 引用；不能在定义之内引用自身",
                    )
                )
            value, nodes, chars = counts.anchors[event.anchor]
            counts.nodes += nodes
            counts.chars += chars
            _check(counts, limits, path, event)
            root = _add(stack, value, event, path, source, root)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            _refuse_tag(event, path, "map" if isinstance(event, ev.MappingStartEvent) else "seq")
            counts.nodes += 1
            _check(counts, limits, path, event)
            if len(stack) >= limits.yaml_depth:
                raise exceeded("yaml_depth", path, line=_line(event), usage=False)
            container: Any = {} if isinstance(event, ev.MappingStartEvent) else []
            loc = _child_loc(stack)
            if stack and isinstance(stack[-1].value, dict) and stack[-1].key_event is None:
                raise InputError(
                    _at(event, path, "字段名不能是列表或映射", "字段名写作“名称: 内容”")
                )
            if stack:
                _record(stack[-1], container, event, source)
            opened = _Open(container, loc, event.anchor, counts.nodes - 1, counts.chars)
            stack.append(opened)
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            done = stack.pop()
            if done.anchor:
                counts.anchors[done.anchor] = (
                    done.value,
                    counts.nodes - done.nodes_at_start,
                    counts.chars - done.chars_at_start,
                )
            if stack:
                _advance(stack[-1], done.value)
            else:
                root = done.value
    return root


def _check(counts: _Counts, limits: Limits, path: str, event: Any) -> None:
    if counts.nodes > limits.yaml_nodes:
        raise exceeded("yaml_nodes", path, line=_line(event), usage=False)
    if counts.chars > limits.yaml_chars:
        raise exceeded("yaml_chars", path, line=_line(event), usage=False)


def _child_loc(stack: list[_Open]) -> tuple[str | int, ...]:
    return _loc_in(stack[-1]) if stack else ()


def _loc_in(parent: _Open) -> tuple[str | int, ...]:
    """Where the value placed next in ``parent`` stands (under its key, or at its index)."""
    if isinstance(parent.value, dict):
        return (*parent.loc, parent.key)
    return (*parent.loc, parent.index)


def _record(parent: _Open, value: Any, event: Any, source: Any) -> None:
    """A value's place in the source map, as it is placed in its parent."""
    if isinstance(parent.value, dict) and parent.key_event is None:
        return  # a key: recorded when its value arrives
    loc = _loc_in(parent)
    mark = event.start_mark
    source.values[loc] = Position(mark.line + 1, mark.column + 1)
    if getattr(event, "style", None) in ("|", ">"):
        source.block_starts[loc] = event.start_mark.line + 2  # text starts below the indicator


def _add(stack: list[_Open], value: Any, event: Any, path: str, source: Any, root: Any) -> Any:
    """Place a scalar or alias ``value`` in the innermost open container (or as the root)."""
    if not stack:
        return value
    parent = stack[-1]
    if isinstance(parent.value, dict) and parent.key_event is None:
        _take_key(parent, value, event, path, source)
        return root
    _record(parent, value, event, source)
    _advance(parent, value)
    return root


def _take_key(parent: _Open, value: Any, event: Any, path: str, source: Any) -> None:
    raw = getattr(event, "value", None)  # a key is its text as written (``1``, ``true``)
    name = raw if isinstance(raw, str) else "" if value is None else str(value)
    if isinstance(value, (dict, list)):
        raise InputError(_at(event, path, "字段名不能是列表或映射", "字段名写作“名称: 内容”"))
    if name in parent.value:
        raise InputError(
            _at(event, path, f"字段 {name} 写了两次", "删去重复的一个；同一层里每个字段只能写一次")
        )
    parent.key = name
    parent.key_event = event
    mark = event.start_mark
    source.keys[(*parent.loc, name)] = Position(mark.line + 1, mark.column + 1)


def _advance(parent: _Open, value: Any) -> None:
    if isinstance(parent.value, dict):
        parent.value[parent.key] = value
        parent.key = parent.key_event = None
    else:
        parent.value.append(value)
        parent.index += 1


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def _at(event: Any, path: str, message: str, hint: str | None = None) -> Problem:
    return Problem(message, path, _line(event), event.start_mark.column + 1, hint)


def _refuse_tag(event: Any, path: str, kind: str) -> None:
    tag = None if event.tag is None else str(event.tag)
    if tag is None or tag in ("!", f"{_CORE}{kind}") or getattr(event, "implicit", False) is True:
        return
    shown = tag.replace(_CORE, "!!")
    raise InputError(
        _at(event, path, f"不支持 YAML 标签 {shown}", "删去这个标签（以 ! 开头的部分），直接写内容")
    )


def _scalar(event: Any, path: str) -> Any:
    """A scalar's value by its tag (YAML 1.2 core schema). Dates stay text: pydantic checks
    them, so an impossible date is reported with its line."""
    value: str = event.value
    bad = XML_FORBIDDEN.search(value)
    if bad:
        raise InputError(
            _at(
                event,
                path,
                f"文字中有 Word 文档不能容纳的控制字符 U+{ord(bad.group()):04X}",
                "删去这个字符（常见于从网页或其他软件复制的文字）",
            )
        )
    plain, quoted = event.implicit
    if plain and value and value[0] not in _typed_starts():
        return value  # what the resolver gives such a scalar: a string
    if plain:
        tag = str(_parser().resolver.resolve(_scalar_node(), value, (True, False)))
    elif quoted or event.tag in (None, "!"):
        return value
    else:
        tag = str(event.tag)
    kind = tag.replace(_CORE, "") if tag.startswith(_CORE) else tag
    if kind in ("str", "timestamp"):
        return value
    if kind == "null":
        return None
    try:
        if kind == "bool":
            return _boolean(value)
        if kind == "int":
            return _integer(value)
        if kind == "float":
            return _float(value)
    except (ValueError, OverflowError):
        word = {"bool": "是或否（true/false）", "int": "整数", "float": "数"}[kind]
        raise InputError(
            _at(event, path, f"“{value[:40]}”不是{word}", "改写这个值，或删去它前面的标签")
        ) from None
    shown = kind if tag.startswith(_CORE) is False else f"!!{kind}"
    raise InputError(
        _at(event, path, f"不支持 YAML 标签 {shown}", "删去这个标签（以 ! 开头的部分），直接写内容")
    )


@lru_cache(maxsize=1)
def _typed_starts() -> frozenset[str | None]:
    """Every first character with which ruamel's resolver may read a plain scalar as other than
    text (``t`` of true, digits, ``~``, ``.``…), in any YAML version; a scalar starting with
    another character (any Chinese one) is text without asking it, which is most of the
    resolving time of a report. With path resolvers every character counts (never here)."""
    from ruamel.yaml import resolver

    starts = frozenset(start for entry in resolver.implicit_resolvers for start in entry[3])
    if None in starts or _parser().resolver.yaml_path_resolvers:
        return _EVERY_START
    return starts


class _Everything(frozenset[str | None]):
    def __contains__(self, item: object) -> bool:
        return True


_EVERY_START = _Everything()


@lru_cache(maxsize=1)
def _scalar_node() -> Any:
    from ruamel.yaml.nodes import ScalarNode

    return ScalarNode


def _boolean(value: str) -> bool:
    lowered = value.lower()
    if lowered not in ("true", "false"):
        raise ValueError(value)
    return lowered == "true"


def _integer(value: str) -> int:
    digits = value.replace("_", "")
    if len(digits) > 64:  # int() of thousands of digits takes time, and no figure has them
        raise ValueError(value)
    try:
        return int(digits)
    except ValueError:
        return int(digits, 0)


def _float(value: str) -> float:
    lowered = value.replace("_", "").lower()
    if lowered.lstrip("+-") in (".inf", ".nan"):
        return float(lowered.replace(".", ""))
    if len(lowered) > 400:
        raise ValueError(value)
    return float(lowered)
