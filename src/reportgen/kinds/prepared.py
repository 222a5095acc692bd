"""The kinds' validators prepared ahead of time, so a render need not import pydantic.

pydantic stays the source of truth: a prepared validator is pydantic's own compiled validation
of the model (:mod:`reportgen.kinds.schemadata`), kept as data under a key of everything it was
made from — the kind file's bytes, the code that shapes the models (:data:`_CODE`, by
content), the versions of pydantic, pydantic-core and Python, and reportgen's. It builds plain
records (:mod:`reportgen.kinds.records`) where pydantic builds models. It is used only to accept:
a report it rejects, a kind it has no validator for under the current key, anything unexpected,
goes the full way through pydantic, which gives every message exactly as without it.

The built-in kinds' validators and the kind files' own (``KindSpec``) ship in the wheel
(``kinds/builtin/*.prepared.json``, written by ``scripts/make_prepared_kinds.py``; a test fails
when it is stale); a bureau's kinds are prepared into the user's cache
(:mod:`reportgen.usercache`) after their first full render. ``REPORTGEN_PREPARED=off`` turns
prepared validation off (for comparing the two ways); ``REPORTGEN_CACHE=off`` the cache only.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportgen import usercache

#: The shipped files: ``kinds/builtin/<id>.prepared.json``, and the kind files' own validator's.
SHIPPED = ".prepared.json"
SPEC = "_kindspec"
_KIND_ENTRY = "kind-schema"
_SPEC_ENTRY = "kindspec-schema"
#: The modules that shape the models and their prepared form, below the package.
_CODE = (
    "kinds/__init__.py",
    "kinds/checks.py",
    "kinds/figure.py",
    "kinds/figuredata.py",
    "kinds/models.py",
    "kinds/prepared.py",
    "kinds/records.py",
    "kinds/schemadata.py",
    "kinds/spec.py",
    "layouts/__init__.py",
    "layouts/base.py",
    "layouts/brief.py",
    "layouts/formal_checks.py",
    "layouts/formal_fields.py",
    "layouts/minutes.py",
    "layouts/report.py",
    "yamlio/compose.py",  # what a kind file holds is kept too
    "yamlio/source.py",
)


def enabled() -> bool:
    return os.environ.get("REPORTGEN_PREPARED") != "off"


@lru_cache(maxsize=1)
def _made_by() -> bytes:
    """The code and versions every prepared validator depends on (raises when unknown)."""
    from reportgen.kinds import schemadata

    versions = made_with()
    if versions["pydantic"] is None:
        raise ImportError("pydantic")
    digest = usercache.sha256(f"form {schemadata.FORM}\0{sorted(versions.items())}\0".encode())
    digest.update(usercache.code_digest(_CODE))
    return digest.digest()


def made_with() -> dict[str, str | None]:
    """The versions every prepared validator depends on, by name. The shipped files name them:
    made under other versions (a newer pydantic from PyPI, say), they are not used — a render
    then prepares its kind into the user's cache — and their test cannot judge them."""
    import sys

    from reportgen.kinds import schemadata

    return {
        "python": "{}.{}".format(*sys.version_info[:2]),
        "pydantic": usercache.distribution_version("pydantic"),
        "pydantic-core": schemadata.core_version(),
        "ruamel.yaml": usercache.distribution_version("ruamel.yaml"),
    }


def kind_key(kind_bytes: bytes) -> str:
    """The key of a kind's report validator: its file's bytes and :func:`_made_by`."""
    return usercache.key(_KIND_ENTRY, kind_bytes, _made_by())


def spec_key() -> str:
    """The key of the kind files' own validator (``KindSpec``)."""
    return usercache.key(_SPEC_ENTRY, _made_by())


def shipped_path(name: str) -> str:
    """The file of the prepared data shipped for ``name`` (a built-in kind's id, or
    :data:`SPEC` for the kind files' own validator)."""
    from reportgen.kinds.listing import BUILTIN

    return os.path.join(BUILTIN, f"{name}{SHIPPED}")


@lru_cache(maxsize=32)
def _data(name: str, key: str, shipped: str) -> dict[str, Any] | None:
    """The prepared data stored under ``key``: the file shipped for ``shipped`` (a built-in
    kind's or :data:`SPEC`; "" for none) if made under ``key``, else the user's cache entry."""
    import json

    data: Any = None
    if shipped:
        try:
            with open(shipped_path(shipped), "rb") as file:
                found = json.loads(file.read())
        except (OSError, ValueError):
            found = None
        if isinstance(found, dict) and found.get("key") == key:
            data = found.get("data")
    if data is None:
        stored = usercache.read(name, key)
        try:
            data = None if stored is None else json.loads(stored)
        except ValueError:
            data = None
    return data if isinstance(data, dict) else None


@lru_cache(maxsize=16)
def _validator(name: str, key: str, shipped: str) -> Any:
    """The validator stored under ``key`` (None when there is none), once per process."""
    from reportgen.kinds import schemadata

    data = _data(name, key, shipped)
    return None if data is None else schemadata.validator(data.get("validator"))


def forget() -> None:
    """Forget what this process has read of the prepared data (a new process would)."""
    _data.cache_clear()
    _validator.cache_clear()


def _kind_id(key: str, shipped: str) -> str | None:
    data = _data(_KIND_ENTRY, key, shipped)
    found = data.get("id") if data is not None else None
    return found if isinstance(found, str) else None


class Found:
    """A kind found with a prepared validator: what its file holds, unvalidated (see
    :func:`reportgen.kinds.registry.kind_data`), its origin, and the report validator."""

    def __init__(self, kind_data: dict[str, Any], origin: str, validator: Any) -> None:
        self.kind_data = kind_data
        self.origin = origin
        self.validator = validator


def find(kind_id: str, kind_dirs: tuple[Path, ...]) -> Found | None:
    """The kind ``kind_id`` among the built-in kinds and those in ``kind_dirs``, as the
    registry would find it, if every kind file there has a prepared validator and no id is
    taken twice; None otherwise (the registry then decides, with its messages)."""
    from reportgen.kinds.listing import kind_files
    from reportgen.kinds.registry import builtin_bytes, builtin_names
    from reportgen.textio import read_bytes

    builtin = builtin_names()
    ids = set(builtin)
    chosen: tuple[bytes, str, str, str] | None = None  # bytes, origin, key, shipped
    for folder in kind_dirs:
        for path in kind_files(folder):
            data = read_bytes(path)
            key = kind_key(data)
            found = _kind_id(key, "")
            if found is None or found in ids:
                return None
            ids.add(found)
            if found == kind_id:
                chosen = data, str(path), key, ""
    if chosen is None and kind_id in builtin:
        data = builtin_bytes(kind_id)
        chosen = data, f"<内置>/{kind_id}.yaml", kind_key(data), kind_id
        if _kind_id(chosen[2], kind_id) != kind_id:
            return None
    if chosen is None:
        return None
    data, origin, key, shipped = chosen
    validator = _validator(_KIND_ENTRY, key, shipped)
    entry = _data(_KIND_ENTRY, key, shipped)
    if validator is None or entry is None:
        return None
    kind_data = entry.get("kind")
    if not isinstance(kind_data, dict):  # not kept: read the file
        from reportgen.kinds.registry import kind_data as read_kind
        from reportgen.textio import decode_text

        kind_data = read_kind(decode_text(data, origin), origin)[0]
    return Found(kind_data, origin, validator)


def spec_validator() -> Any:
    """The prepared validator of kind files (``KindSpec``), or None."""
    return _validator(_SPEC_ENTRY, spec_key(), SPEC)


def remember(kind_dirs: tuple[Path, ...], kind_id: str) -> None:
    """Prepare into the user's cache what :func:`find` lacked for ``kind_id``, after a full
    render (pydantic is imported then): the validators of every kind file in ``kind_dirs``,
    of the built-in ``kind_id``, and of kind files. Each is made from the bytes its key is
    made of, read again here; whatever cannot be prepared is left to the full path."""
    if not enabled() or usercache.folder() is None:
        return
    from reportgen.kinds.listing import kind_files
    from reportgen.kinds.registry import builtin_bytes, builtin_names
    from reportgen.textio import read_bytes

    try:
        if spec_validator() is None:
            _store_spec()
        for path in [path for folder in kind_dirs for path in kind_files(folder)]:
            _store_kind(read_bytes(path), str(path))
        if kind_id in builtin_names():
            _store_kind(builtin_bytes(kind_id), f"<内置>/{kind_id}.yaml")
    except Exception:  # an optimisation: the full path stays
        pass
    finally:
        forget()


def _store_spec() -> None:
    import json

    from reportgen.kinds import schemadata
    from reportgen.kinds.spec import KindSpec

    data = {"validator": schemadata.encode(KindSpec)}
    usercache.write(_SPEC_ENTRY, spec_key(), json.dumps(data, ensure_ascii=False).encode())


def _store_kind(data: bytes, origin: str) -> None:
    key = kind_key(data)
    if _data(_KIND_ENTRY, key, "") is not None:
        return
    usercache.write(_KIND_ENTRY, key, kind_bytes_entry(data, origin))


def kind_bytes_entry(data: bytes, origin: str) -> bytes:
    """The prepared entry of the kind file holding ``data`` (needs pydantic)."""
    import json

    return json.dumps(kind_entry(data, origin), ensure_ascii=False).encode()


def kind_entry(data: bytes, origin: str) -> dict[str, Any]:
    """The id, the report validator and (when JSON holds it exactly) what the kind file holds."""
    from reportgen.kinds import schemadata
    from reportgen.kinds.registry import kind_data, parse_kind
    from reportgen.textio import decode_text

    text = decode_text(data, origin)
    kind = parse_kind(text, origin)
    entry = {"id": kind.id, "validator": schemadata.encode(kind.model)}
    read = kind_data(text, origin)[0]
    if usercache.exact_json(read) is not None:  # else (a date, say) the file is read each time
        entry["kind"] = read
    return entry


def shipped_data() -> dict[str, Any]:
    """What the shipped files hold, by name (:func:`shipped_path`), made now (needs pydantic)."""
    from reportgen.kinds import schemadata
    from reportgen.kinds.registry import builtin_bytes, builtin_names
    from reportgen.kinds.spec import KindSpec

    versions = made_with()
    shipped: dict[str, Any] = {
        SPEC: {
            "key": spec_key(),
            "made_with": versions,
            "data": {"validator": schemadata.encode(KindSpec)},
        }
    }
    for kind_id in builtin_names():
        data = builtin_bytes(kind_id)
        entry = kind_entry(data, f"<内置>/{kind_id}.yaml")
        shipped[kind_id] = {"key": kind_key(data), "made_with": versions, "data": entry}
    return shipped
