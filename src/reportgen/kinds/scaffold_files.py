"""Writing what ``reportgen new`` makes: a kind's scaffold and its JSON Schema, all or nothing.

Both ways to ``new`` end here — the library's :func:`reportgen.api.new_scaffold`, which builds
the texts from the kind, and the command, which takes them remembered from an earlier run (see
:func:`reportgen.kinds.listing.remembered`) — so they write the same files and refuse the same
things. This module stays light: no pydantic.
"""

from pathlib import Path
from typing import NamedTuple

from reportgen.errors import UsageError


class ScaffoldFiles(NamedTuple):
    """The texts ``new`` writes for one kind on one day."""

    schema_name: str  # the JSON Schema's file name, written beside the scaffold
    scaffold: str  # the commented YAML
    schema: str  # the JSON Schema


def write_scaffold(output: Path, files: ScaffoldFiles, *, force: bool) -> list[Path]:
    """Write the scaffold to ``output`` and its schema beside it; the files written.

    An existing scaffold is kept unless ``force``; an existing schema is rewritten only when
    ``force`` or when it holds other text (then the scaffold goes unwritten too, and the
    message says which file is in the way).
    """
    from reportgen.textio import check_outputs, write_atomically

    if output.exists() and not force:
        raise UsageError.at(
            "文件已存在，未覆盖", output, hint="换一个文件名（-o），或加 --force 覆盖"
        )
    schema_path = output.with_name(files.schema_name)
    if schema_path.is_dir():
        raise UsageError.at(
            "这里已有同名文件夹，无法写入 JSON Schema，未生成任何文件",
            schema_path,
            hint="请把该文件夹改名，或用 -o 把模板写到别的文件夹",
        )
    write_schema = force or not schema_path.exists() or _same_text(schema_path, files.schema)
    check_outputs([output, schema_path] if write_schema else [output], [])
    existed = output.exists()
    write_atomically(output, files.scaffold.encode("utf-8"), overwrite=force)
    written = [output]
    if write_schema:
        try:
            write_atomically(schema_path, files.schema.encode("utf-8"))
        except UsageError:
            if not existed:  # all or none: the scaffold goes too
                output.unlink(missing_ok=True)
            raise
        written.append(schema_path)
    return written


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.is_file() and path.read_text("utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
