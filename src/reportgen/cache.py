"""The user's cache folder: what reportgen remembers between runs to start faster.

Everything kept here is keyed so that a stale entry is never used (see
:mod:`reportgen.kinds.listing` and :mod:`reportgen.patterns`); losing the folder only costs
time. ``XDG_CACHE_HOME`` (or ``LOCALAPPDATA`` on Windows) moves it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/reportgen`` (``%LOCALAPPDATA%``, else ``~/.cache``)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    return (Path(root) if root else Path.home() / ".cache") / "reportgen"


def write_cache(name: str, data: bytes) -> None:
    """Replace the cache file ``name`` with ``data`` whole (another process reading it sees
    the old file or the new one); a folder that cannot be written is left alone."""
    temporary = None
    try:
        target = cache_folder() / name
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, target)
    except (OSError, RuntimeError):  # no cache folder (RuntimeError: no home): next time
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def code_identity() -> str:
    """What the code that makes a remembered output is, for a key: every file of reportgen as
    installed (name, size, time of change: a reinstall or an edit changes it) and the packages
    installed beside it (the names of the ``*.dist-info`` folders on ``sys.path`` carry their
    versions; pydantic's shapes the JSON Schema ``new`` writes)."""
    import sys

    parts: list[str] = []
    for folder, folders, files in os.walk(Path(__file__).parent):  # reportgen's own folder
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
