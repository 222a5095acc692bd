"""The kinds' validators prepared ahead of time, so a render need not import pydantic.

pydantic stays the source of truth: a prepared validator is pydantic's own compiled validation
of the model (:mod:`reportgen.kinds.schemadata`), kept as data under a key of everything it was
made from — the kind file's bytes, the code that shapes the models (:data:`_CODE`, by
content), the versions of pydantic, pydantic-core and Python, and reportgen's. It builds plain
records (:mod:`reportgen.kinds.records`) where pydantic builds models. It is used only to accept:
a report it rejects, a kind it has no validator for under the current key, anything unexpected,
goes the full way through pydantic, which gives every message exactly as without it.

The built-in kinds' validators and the kind files' own (``KindSpec``) ship in the wheel
(``kinds/builtin/prepared.json``, written by ``scripts/make_prepared_kinds.py``; a test fails
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

SHIPPED = "prepared.json"
_KIND_ENTRY = "kind-schema"
_SPEC_ENTRY = "kindspec-schema"
_PACKAGE = Path(__file__).resolve().parent.parent  # reportgen/
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
)


def enabled() -> bool:
    return os.environ.get("REPORTGEN_PREPARED") != "off"


@lru_cache(maxsize=1)
def _made_by() -> bytes:
    """The code and versions every prepared validator depends on (raises when unknown)."""
    import importlib.util
    import sys

    from reportgen.kinds import schemadata

    digest = usercache.sha256(f"form {schemadata.FORM}\0{sys.version_info[:2]}\0".encode())
    pydantic = importlib.util.find_spec("pydantic")
    if pydantic is None or not pydantic.origin:
        raise ImportError("pydantic")
    version_file = Path(pydantic.origin).with_name("version.py").read_bytes()
    digest.update(f"pydantic-core {schemadata.core_version()}\0".encode())
    for name in ("pydantic/version.py", *_CODE):
        data = version_file if name.startswith("pydantic/") else (_PACKAGE / name).read_bytes()
        digest.update(f"{name}\0{len(data)}\0".encode() + data)
    return digest.digest()


def kind_key(kind_bytes: bytes) -> str:
    """The key of a kind's report validator: its file's bytes and :func:`_made_by`."""
    return usercache.key(_KIND_ENTRY, kind_bytes, _made_by())


def spec_key() -> str:
    """The key of the kind files' own validator (``KindSpec``)."""
    return usercache.key(_SPEC_ENTRY, _made_by())


@lru_cache(maxsize=1)
def _shipped() -> dict[str, Any]:
    import json

    from reportgen.kinds.listing import BUILTIN

    try:
        with open(os.path.join(BUILTIN, SHIPPED), "rb") as file:
            data = json.loads(file.read())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _entry(name: str, key: str, shipped: Any) -> Any:
    """The prepared data stored under ``key``: shipped in the wheel, or in the user's cache."""
    if isinstance(shipped, dict) and shipped.get("key") == key:
        return shipped.get("data")
    stored = usercache.read(name, key)
    if stored is None:
        return None
    import json

    try:
        return json.loads(stored)
    except ValueError:
        return None


@lru_cache(maxsize=16)
def _validator(name: str, key: str, shipped_name: str) -> Any:
    """The validator stored under ``key`` (None when there is none), once per process."""
    from reportgen.kinds import schemadata

    shipped = _shipped().get(shipped_name)
    data = _entry(name, key, shipped)
    if not isinstance(data, dict):
        return None
    return schemadata.validator(data.get("validator"))


def _kind_id(key: str, shipped_name: str) -> str | None:
    data = _entry(_KIND_ENTRY, key, _shipped().get(shipped_name))
    found = data.get("id") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


class Found:
    """A kind found with a prepared validator: its file's text and origin, and the validator."""

    def __init__(self, text: str, origin: str, validator: Any) -> None:
        self.text = text
        self.origin = origin
        self.validator = validator


def find(kind_id: str, kind_dirs: tuple[Path, ...]) -> Found | None:
    """The kind ``kind_id`` among the built-in kinds and those in ``kind_dirs``, as the
    registry would find it, if every kind file there has a prepared validator and no id is
    taken twice; None otherwise (the registry then decides, with its messages)."""
    from reportgen.kinds.listing import kind_files
    from reportgen.kinds.registry import builtin_bytes, builtin_names
    from reportgen.textio import decode_text, read_bytes

    builtin = builtin_names()
    ids = set(builtin)
    chosen: tuple[bytes, str, str] | None = None  # bytes, origin, key
    for folder in kind_dirs:
        for path in kind_files(folder):
            data = read_bytes(path)
            key = kind_key(data)
            found = _kind_id(key, "")
            if found is None or found in ids:
                return None
            ids.add(found)
            if found == kind_id:
                chosen = data, str(path), key
    if chosen is None and kind_id in builtin:
        data = builtin_bytes(kind_id)
        chosen = data, f"<内置>/{kind_id}.yaml", kind_key(data)
        if _kind_id(chosen[2], kind_id) != kind_id:
            return None
    if chosen is None:
        return None
    data, origin, key = chosen
    validator = _validator(_KIND_ENTRY, key, kind_id if origin.startswith("<内置>") else "")
    if validator is None:
        return None
    return Found(decode_text(data, origin), origin, validator)


def spec_validator() -> Any:
    """The prepared validator of kind files (``KindSpec``), or None."""
    return _validator(_SPEC_ENTRY, spec_key(), "kindspec")


def remember(kind_dirs: tuple[Path, ...], kind_id: str) -> None:
    """Prepare into the user's cache what :func:`find` lacked for ``kind_id``, after a full
    render (pydantic is imported then): the validators of every kind file in ``kind_dirs``,
    of the built-in ``kind_id``, and of kind files. Each is made from the bytes its key is
    made of, read again here; whatever cannot be prepared is left to the full path."""
    if not enabled() or usercache.folder() is None:
        return
    from reportgen.kinds.listing import kind_files
    from reportgen.kinds.registry import builtin_bytes, builtin_names

    try:
        if spec_validator() is None:
            _store_spec()
        for path in [path for folder in kind_dirs for path in kind_files(folder)]:
            _store_kind(_read(path), str(path))
        if kind_id in builtin_names():
            _store_kind(builtin_bytes(kind_id), f"<内置>/{kind_id}.yaml")
    except Exception:  # an optimisation: the full path stays
        pass
    finally:
        _validator.cache_clear()


def _read(path: Path) -> bytes:
    from reportgen.textio import read_bytes

    return read_bytes(path)


def _store_spec() -> None:
    import json

    from reportgen.kinds import schemadata
    from reportgen.kinds.spec import KindSpec

    data = {"validator": schemadata.encode(KindSpec)}
    usercache.write(_SPEC_ENTRY, spec_key(), json.dumps(data, ensure_ascii=False).encode())


def _store_kind(data: bytes, origin: str) -> None:
    key = kind_key(data)
    if _entry(_KIND_ENTRY, key, None) is not None:
        return
    usercache.write(_KIND_ENTRY, key, kind_bytes_entry(data, origin))


def kind_bytes_entry(data: bytes, origin: str) -> bytes:
    """The prepared entry of the kind file holding ``data`` (needs pydantic)."""
    import json

    return json.dumps(kind_entry(data, origin), ensure_ascii=False).encode()


def kind_entry(data: bytes, origin: str) -> dict[str, Any]:
    from reportgen.kinds import schemadata
    from reportgen.kinds.registry import parse_kind
    from reportgen.textio import decode_text

    kind = parse_kind(decode_text(data, origin), origin)
    return {"id": kind.id, "validator": schemadata.encode(kind.model)}


def shipped_data() -> dict[str, Any]:
    """What ``kinds/builtin/prepared.json`` holds, made now (needs pydantic)."""
    from reportgen.kinds import schemadata
    from reportgen.kinds.registry import builtin_bytes, builtin_names
    from reportgen.kinds.spec import KindSpec

    shipped: dict[str, Any] = {
        "kindspec": {"key": spec_key(), "data": {"validator": schemadata.encode(KindSpec)}}
    }
    for kind_id in builtin_names():
        data = builtin_bytes(kind_id)
        entry = kind_entry(data, f"<内置>/{kind_id}.yaml")
        shipped[kind_id] = {"key": kind_key(data), "data": entry}
    return shipped
