"""Writing what ``reportgen new`` makes: a kind's scaffold and its JSON Schema, all or nothing.

Both ways to ``new`` end here — the library's :func:`reportgen.api.new_scaffold`, which builds
the texts from the kind, and the command, which takes them remembered from an earlier run (see
:func:`reportgen.kinds.listing.remembered`) — so they write the same files and refuse the same
things. This module stays light (no pydantic, pathlib or typing): a remembered ``new`` imports
little more than it.
"""

from __future__ import annotations

import os

from reportgen.outputs import check_outputs, refused, write_atomically

TYPE_CHECKING = False  # not typing's: see reportgen.cli.commands
if TYPE_CHECKING:
    from reportgen.outputs import StrPath


class ScaffoldFiles:
    """The texts ``new`` writes for one kind on one day."""

    __slots__ = ("scaffold", "schema", "schema_name")

    def __init__(self, schema_name: str, scaffold: str, schema: str) -> None:
        self.schema_name = schema_name  # the JSON Schema's file name, written beside the scaffold
        self.scaffold = scaffold  # the commented YAML
        self.schema = schema  # the JSON Schema

    def texts(self) -> tuple[str, str, str]:
        return self.schema_name, self.scaffold, self.schema


def write_scaffold(output: StrPath, files: ScaffoldFiles, *, force: bool) -> list[StrPath]:
    """Write the scaffold to ``output`` and its schema beside it; the files written (named as
    ``output`` is: a path object or a string).

    An existing scaffold is kept unless ``force``; an existing schema is rewritten only when
    ``force`` or when it holds other text (then the scaffold goes unwritten too, and the
    message says which file is in the way).
    """
    if os.path.exists(output) and not force:
        raise refused("文件已存在，未覆盖", output, "换一个文件名（-o），或加 --force 覆盖")
    schema_path = _beside(output, files.schema_name)
    if os.path.isdir(schema_path):
        raise refused(
            "这里已有同名文件夹，无法写入 JSON Schema，未生成任何文件",
            schema_path,
            "请把该文件夹改名，或用 -o 把模板写到别的文件夹",
        )
    write_schema = force or not os.path.exists(schema_path) or _same_text(schema_path, files.schema)
    check_outputs([output, schema_path] if write_schema else [output], [])
    existed = os.path.exists(output)
    write_atomically(output, files.scaffold.encode("utf-8"), overwrite=force)
    written = [output]
    if write_schema:
        try:
            write_atomically(schema_path, files.schema.encode("utf-8"))
        except BaseException:
            if not existed:  # all or none: the scaffold goes too
                os.unlink(output)
            raise
        written.append(schema_path)
    return written


def _beside(output: StrPath, name: str) -> str:
    """The file ``name`` in ``output``'s folder."""
    return os.path.join(os.path.dirname(output), name)


def _same_text(path: str, text: str) -> bool:
    try:
        if not os.path.isfile(path):
            return False
        with open(path, encoding="utf-8") as stream:  # line ends read as read_text reads them
            return stream.read() == text
    except (OSError, UnicodeDecodeError):
        return False
