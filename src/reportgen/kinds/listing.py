"""What ``reportgen kinds`` prints and ``reportgen new`` writes, remembered between runs.

Listing the kinds means validating every kind file with pydantic, and a scaffold also needs the
kind's JSON Schema: that is most of either command's time. The output of a run that succeeded
is kept in the user's cache folder under a key made of reportgen's version, the folder, name and
bytes of every kind file, and what else the output depends on (the kind and the day of a
scaffold, and every file of reportgen and the packages beside it: see
:func:`reportgen.cache.code_identity`); a run whose inputs give a known key takes that output.
Anything else — a file changed, added or removed, another folder, a file that cannot be read,
an unknown kind, no cache folder — takes the full path, so a stale output is never given and
every error message still comes from validation.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
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

    def listed() -> Listing:
        from reportgen.kinds.registry import load_registry

        return [(kind.id, kind.spec.name, kind.spec.summary) for kind in load_registry(kind_dirs)]

    return remembered("kinds", "", kind_dirs, listed)


def remembered(
    what: str,
    detail: str,
    kind_dirs: Sequence[Path],
    make: Callable[[], Listing],
    *,
    by_code: bool = False,
) -> Listing:
    """What ``make`` gives (rows of three texts) for the kinds in ``kind_dirs``, remembered in
    the user's cache under ``what``, ``detail`` (what else it depends on) and the kind files;
    ``by_code``: and the code that makes it (:func:`reportgen.cache.code_identity`), for an
    output more of reportgen shapes than the kind files. ``make`` raising remembers nothing."""
    key = _key(f"{what}\0{detail}", kind_dirs, by_code)
    cached = _read(what, key) if key is not None else None
    if cached is not None:
        return cached
    rows = make()
    if key is not None:
        _write(what, key, rows)
    return rows


def _key(detail: str, kind_dirs: Sequence[Path], by_code: bool) -> str | None:
    from reportgen.version import __version__

    digest = hashlib.sha256(f"reportgen {__version__}\0{detail}\0".encode())
    if by_code:
        from reportgen.cache import code_identity

        digest.update(code_identity().encode())
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


def _cache_file(what: str, key: str) -> Path:
    return cache_folder() / f"{what}-{key[:40]}.json"


def _read(what: str, key: str) -> Listing | None:
    try:
        data = json.loads(_cache_file(what, key).read_text(encoding="utf-8"))
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


def _write(what: str, key: str, found: Listing) -> None:
    data = json.dumps({"key": key, "kinds": found}, ensure_ascii=False)
    write_cache(_cache_file(what, key).name, data.encode("utf-8"))
