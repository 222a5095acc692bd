"""The list ``reportgen kinds`` prints, remembered between runs.

Listing the kinds means validating every kind file with pydantic, which is most of the
command's time. The listing of a run that succeeded is kept in the user's cache folder under a
key made of reportgen's version and the folder, name and bytes of every kind file; a run whose
files give a known key prints that listing. Anything else — a file changed, added or removed,
another folder, a file that cannot be read, no cache folder — takes the full path, so a stale
listing is never printed and every error message still comes from validation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from reportgen.cache import cache_folder, write_cache

#: What a kind file's name ends with (in a bureau's kinds folder).
KIND_SUFFIXES = (".yaml", ".yml", ".toml")
BUILTIN = Path(__file__).resolve().parent / "builtin"

Listing = list[tuple[str, str, str]]  # (id, 中文名, when to use it), in the registry's order


def kind_files(folder: Path) -> list[Path]:
    """The kind files of a bureau's kinds folder, in the order they are read."""
    return sorted(p for p in folder.iterdir() if p.suffix in KIND_SUFFIXES and p.is_file())


def listing(kind_dirs: Sequence[Path]) -> Listing:
    """Every kind's id, name and summary: the built-in kinds, then those in ``kind_dirs``."""
    key = _key(kind_dirs)
    cached = _read(key) if key is not None else None
    if cached is not None:
        return cached
    from reportgen.kinds.registry import load_registry

    found = [(kind.id, kind.spec.name, kind.spec.summary) for kind in load_registry(kind_dirs)]
    if key is not None:
        _write(key, found)
    return found


def _key(kind_dirs: Sequence[Path]) -> str | None:
    from reportgen.version import __version__

    digest = hashlib.sha256(f"reportgen {__version__}\0".encode())
    try:
        folders = [(BUILTIN, sorted(BUILTIN.glob("*.yaml")))]
        folders += [(Path(folder), kind_files(Path(folder))) for folder in kind_dirs]
        for folder, files in folders:
            digest.update(f"{folder.resolve()}\0{len(files)}\0".encode())
            for path in files:
                data = path.read_bytes()
                digest.update(f"{path.name}\0{len(data)}\0".encode() + data)
    except OSError:
        return None  # a folder or file that cannot be read: the full path says what is wrong
    return digest.hexdigest()


def _cache_file(key: str) -> Path:
    return cache_folder() / f"kinds-{key[:40]}.json"


def _read(key: str) -> Listing | None:
    try:
        data = json.loads(_cache_file(key).read_text(encoding="utf-8"))
    except (OSError, ValueError, RuntimeError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    rows = data.get("kinds")
    if not isinstance(rows, list) or not all(
        isinstance(row, list) and len(row) == 3 and all(isinstance(v, str) for v in row)
        for row in rows
    ):
        return None
    return [(row[0], row[1], row[2]) for row in rows]


def _write(key: str, found: Listing) -> None:
    data = json.dumps({"key": key, "kinds": found}, ensure_ascii=False)
    write_cache(_cache_file(key).name, data.encode("utf-8"))
