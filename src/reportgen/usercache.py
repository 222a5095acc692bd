"""What reportgen keeps between runs in the user's cache folder, so a command need not import
and redo the slow preparation it did last time (python-docx reading the template, the word
segmenter loading its dictionary).

Every entry is stored under a key: a digest of reportgen's version and of every byte the entry
was made from. The entry's file carries its key and is used only when the key matches, so an
entry made from other inputs is never used and output never depends on whether an entry was
there. A cache folder that cannot be read or written costs time, never a failure: the caller
then does the work as if nothing had been kept. ``REPORTGEN_CACHE=off`` turns it off.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # not typing's: importing typing would be a tenth of ``kinds``
if TYPE_CHECKING:
    from _hashlib import HASH
    from collections.abc import Iterable
    from typing import Any

# No pathlib here: ``reportgen kinds`` and ``new`` read their output from this cache, and
# importing pathlib would be a third of their time.


def folder() -> str | None:
    """The cache folder (``$XDG_CACHE_HOME/reportgen``, ``~/.cache/reportgen``); None when off."""
    if os.environ.get("REPORTGEN_CACHE") == "off":
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    if not root:
        home = os.path.expanduser("~")
        if home == "~":  # no home folder
            return None
        root = os.path.join(home, ".cache")
    return os.path.join(root, "reportgen")


def key(*parts: bytes | str) -> str:
    """A key made of reportgen's version and ``parts`` (each framed by its length, so no two
    different lists of parts give the same key)."""
    from reportgen.version import __version__

    digest = sha256(f"reportgen {__version__}\0".encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(f"{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def read(name: str, entry_key: str) -> bytes | None:
    """The data stored as ``name`` under ``entry_key``; None when there is none (or it was
    stored under another key, or cannot be read)."""
    path = _path(name, entry_key)
    if path is None:
        return None
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError:
        return None
    head, newline, body = data.partition(b"\n")
    if not newline or head != entry_key.encode():
        return None
    return body


def write(name: str, entry_key: str, data: bytes) -> None:
    """Store ``data`` as ``name`` under ``entry_key`` (whole or not at all); nothing happens when
    the cache folder cannot be written."""
    path = _path(name, entry_key)
    if path is None:
        return
    base, file = os.path.split(path)
    temporary = os.path.join(base, f".{file}.{os.getpid()}.tmp")
    try:
        os.makedirs(base, exist_ok=True)
        with open(temporary, "wb") as stream:
            stream.write(entry_key.encode() + b"\n" + data)
        os.replace(temporary, path)
        _prune(base, name)
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temporary)


#: Entries kept per name: a template edited a hundred times leaves no hundred copies.
KEPT = 32


def _prune(base: str, name: str) -> None:
    """Remove the least recently written entries of ``name`` beyond :data:`KEPT`."""
    with os.scandir(base) as found:
        entries = [
            entry
            for entry in found
            if entry.name.startswith(f"{name}-") and entry.name.endswith(".bin")
        ]
    if len(entries) <= KEPT:
        return
    import contextlib

    entries.sort(key=lambda entry: entry.stat().st_mtime_ns)
    for entry in entries[:-KEPT]:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(entry.path)


def _path(name: str, entry_key: str) -> str | None:
    base = folder()
    return None if base is None else os.path.join(base, f"{name}-{entry_key[:32]}.bin")


def installed(package: str) -> str | None:
    """What identifies the installed copy of ``package`` without importing it: the name, size and
    modification time of every file in its folder (any upgrade or reinstall changes them);
    None when it is not installed."""
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    parts = [package]
    try:
        with os.scandir(os.path.dirname(spec.origin)) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_file():
                    stat = entry.stat()
                    parts.append(f"{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        return None
    return "\0".join(parts)


def code_identity() -> str:
    """What the code that makes a remembered output is, for a key: every file of reportgen as
    installed (name, size, time of change: a reinstall or an edit changes it) and the packages
    installed beside it (the names of the ``*.dist-info`` folders on ``sys.path`` carry their
    versions; pydantic's shapes the JSON Schema ``new`` writes)."""
    import sys

    parts: list[str] = []
    for folder, folders, files in os.walk(os.path.dirname(__file__)):  # reportgen's own folder
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(files):
            status = os.stat(os.path.join(folder, name))
            parts.append(f"{folder}/{name}\0{status.st_size}\0{status.st_mtime_ns}")
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        parts += sorted(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return "\n".join(parts)


def code_digest(names: Iterable[str]) -> bytes:
    """A digest of reportgen's own files ``names`` (``/``-separated paths below the package), by
    name and content: the part of a key that changes when the code making an entry does."""
    package = os.path.dirname(os.path.abspath(__file__))
    digest = sha256()
    for name in names:
        with open(os.path.join(package, *name.split("/")), "rb") as file:
            data = file.read()
        digest.update(f"{name}\0{len(data)}\0".encode() + data)
    return digest.digest()


def distribution_version(project: str) -> str | None:
    """The version of the installed distribution ``project``, as the first ``*.dist-info``
    folder of its name on ``sys.path`` says (the one ``importlib.metadata`` would find, without
    importing it and the email parser it needs: a tenth of a render); None when not installed."""
    return _distributions().get(project.replace("-", "_").replace(".", "_").lower())


_found: dict[str, str] | None = None


def _distributions() -> dict[str, str]:
    """Every distribution on ``sys.path`` by its name as its ``*.dist-info`` folder spells it
    (``python_docx-1.2.0.dist-info``), lower-cased, with its version; the first of a name wins.
    Listed once per process: a render asks for four, and each folder is hundreds of names."""
    global _found
    if _found is None:
        import sys

        found: dict[str, str] = {}
        for entry in sys.path:
            try:
                names = os.listdir(entry or ".")
            except OSError:
                continue
            for name in names:
                if name.endswith(".dist-info"):
                    project, _, version = name[: -len(".dist-info")].partition("-")
                    found.setdefault(project.lower(), version)
        _found = found
    return _found


def sha256(data: bytes = b"") -> HASH:
    """hashlib's ``sha256(data)`` without importing hashlib, whose OpenSSL binding costs a render
    more than all its hashing: CPython's own implementation (``_sha2``, ``_sha256`` before 3.12),
    the same digests; hashlib's where neither is built. Found once per process."""
    global _sha256
    if _sha256 is None:
        import importlib

        for module in ("_sha2", "_sha256", "hashlib"):
            try:
                _sha256 = importlib.import_module(module).sha256
                break
            except (ImportError, AttributeError):
                continue
    return _sha256(data)  # type: ignore[no-any-return]


_sha256: Any = None


def exact_json(value: object) -> str | None:
    """``value`` as JSON text when reading it back gives the same values of the same types
    throughout (what a cache entry may hold instead of the file it was read from); None when
    JSON cannot hold it so (a date, a tuple, a key that is not text)."""
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
        return text if _same(json.loads(text), value) else None
    except (TypeError, ValueError):
        return None


def _same(a: Any, b: Any) -> bool:
    """Equal, and of the same types throughout (JSON reads 1 and 1.0 back as such)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(_same, a, b))
    return bool(a == b)
