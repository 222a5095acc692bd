"""What ``reportgen kinds`` prints and ``reportgen new`` writes, remembered between runs.

Listing the kinds means validating every kind file with pydantic, and a scaffold also needs the
kind's JSON Schema: that is most of either command's time. The output of a run that succeeded
is kept in the user's cache folder together with everything it depends on, in full: reportgen's
version, the folder, name and bytes of every kind file, and what else the output depends on (the
kind and the day of a scaffold, and every file of reportgen and the packages beside it: see
:func:`reportgen.usercache.code_identity`); a run whose inputs are the same takes that output.
Anything else — a file changed, added or removed, another folder, a file that cannot be read,
an unknown kind, no cache folder — takes the full path, so a stale output is never given and
every error message still comes from validation.
"""

from __future__ import annotations

import os

from reportgen import usercache

# No pathlib, typing or collections here: a remembered ``kinds`` or ``new`` imports little more
# than this module, and those imports would be half its time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

#: What a kind file's name ends with (in a bureau's kinds folder).
KIND_SUFFIXES = (".yaml", ".yml", ".toml")
BUILTIN = os.path.join(os.path.dirname(os.path.realpath(__file__)), "builtin")

Listing = list[tuple[str, str, str]]  # (id, 中文名, when to use it), in the registry's order


def kind_files(folder: Path) -> list[Path]:
    """The kind files of a bureau's kinds folder, in the order they are read."""
    return sorted(folder / name for name in _kind_file_names(str(folder)))


def _kind_file_names(folder: str) -> list[str]:
    """The names of the kind files in ``folder``: files whose suffix (as
    :attr:`pathlib.PurePath.suffix` reads it) is a kind file's."""
    names = []
    for name in os.listdir(folder):
        dot = name.rfind(".")
        suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
        if suffix in KIND_SUFFIXES and os.path.isfile(os.path.join(folder, name)):
            names.append(name)
    return sorted(names)


def listing(kind_dirs: Sequence[Path]) -> Listing:
    """Every kind's id, name and summary as ``reportgen kinds`` shows them (control characters
    escaped: see :func:`reportgen.textio.terminal_safe`): the built-in kinds, then those in
    ``kind_dirs``."""

    def listed() -> Listing:
        from reportgen.kinds.registry import load_registry
        from reportgen.textio import terminal_safe

        return [
            (kind.id, terminal_safe(kind.spec.name), terminal_safe(kind.spec.summary))
            for kind in load_registry(kind_dirs)
        ]

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
    ``by_code``: and the code that makes it (:func:`reportgen.usercache.code_identity`), for an
    output more of reportgen shapes than the kind files. ``make`` raising remembers nothing."""
    identity = _identity(f"{what}\0{detail}", kind_dirs, by_code)
    entry = None
    if identity is not None:
        import zlib  # (hashlib costs more to import than all the rest; the entry's name need
        # not be unique: it holds the whole identity and is used only when that is the same)

        entry = f"{zlib.crc32(identity):08x}"
        cached = _read(what, entry, identity)
        if cached is not None:
            return cached
    rows = make()
    if entry is not None:
        import marshal

        usercache.write(what, entry, marshal.dumps((identity, [tuple(row) for row in rows])))
    return rows


def _identity(detail: str, kind_dirs: Sequence[Path], by_code: bool) -> bytes | None:
    """What a remembered output depends on, in full: reportgen's version, ``detail``, the code
    (``by_code``), and the folder, name and bytes of every kind file."""
    from reportgen.version import __version__

    parts = [f"reportgen {__version__}\0{detail}\0".encode()]
    if by_code:
        parts.append(usercache.code_identity().encode())
    try:
        builtin = sorted(name for name in os.listdir(BUILTIN) if name.endswith(".yaml"))
        folders = [(BUILTIN, builtin)]  # every file the registry takes a built-in kind from
        folders += [
            (os.fspath(folder), _kind_file_names(os.fspath(folder))) for folder in kind_dirs
        ]
        for folder, names in folders:
            parts.append(f"{os.path.realpath(folder)}\0{len(names)}\0".encode())
            for name in names:
                with open(os.path.join(folder, name), "rb") as stream:
                    data = stream.read()
                parts.append(f"{name}\0{len(data)}\0".encode() + data)
    except OSError:
        return None  # a folder or file that cannot be read: the full path says what is wrong
    return b"".join(parts)


def _read(what: str, entry: str, identity: bytes) -> Listing | None:
    import marshal

    data = usercache.read(what, entry)
    if data is None:
        return None
    try:
        stored, rows = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    if stored != identity or not isinstance(rows, list):
        return None
    if not all(
        isinstance(row, tuple) and len(row) == 3 and all(isinstance(v, str) for v in row)
        for row in rows
    ):
        return None
    return [(row[0], row[1], row[2]) for row in rows]
