"""The checks of the kind and report models that pydantic cannot express, as plain functions.

The pydantic models (:mod:`reportgen.kinds.spec`, :mod:`reportgen.layouts.formal_fields`) run
these, and so do the validators prepared from them (:mod:`reportgen.kinds.prepared`), which
build plain records instead of models: one copy of each check, and no pydantic to import for it.
Each function reads its record by attribute, so it serves either.
"""

from __future__ import annotations

from typing import Any

from reportgen.kinds import RESERVED_KEYS


def sections_fit_mode(sections: Any) -> Any:
    """A kind's fixed sections each have a key, and no key twice."""
    if sections.mode == "fixed":
        keys = [item.key for item in sections.items]
        if None in keys:
            raise ValueError("mode 为 fixed 时，每个部分都要有 key")
        if len(set(keys)) != len(keys):
            raise ValueError("部分的 key 重复了")
    return sections


def kind_names_unique(spec: Any) -> Any:
    """A kind's figures have distinct names; its own fields distinct keys, none a built-in one."""
    names = [figure.name for figure in spec.figures]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"数据名称重复：{'、'.join(duplicates)}")
    keys = [field.key for field in spec.fields]
    taken = sorted({key for key in keys if keys.count(key) > 1 or key in RESERVED_KEYS})
    if taken:
        raise ValueError(f"字段名重复或与内置字段同名：{'、'.join(taken)}")
    return spec


def min_length(value: Any, min_length: int) -> Any:
    """What pydantic's ``min_length`` on a union checks (the error itself then comes from
    pydantic: a prepared validator that rejects falls back to it)."""
    if len(value) < min_length:
        raise ValueError("too short")
    return value
