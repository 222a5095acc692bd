"""Opening a .docx safely: the zip container, its parts, their relationships, their XML.

A draft comes from anywhere, so nothing here trusts the file. Every way a file can be hostile or
broken ends in one :class:`UsageError` (exit 2) that names the file and says what to do:

* not a zip at all (an old ``.doc``, an encrypted Word file, RTF or HTML renamed ``.docx``);
* a truncated or corrupt zip;
* a zip bomb: refused by the sizes the zip *declares* before anything is inflated, and again by
  the bytes actually inflated, which are read with a bound;
* XML with a DOCTYPE: parsed without loading DTDs, resolving entities or touching the network,
  then refused, so a billion-laughs part is never expanded and an external entity never fetched.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import Problem, UsageError
from reportgen.ooxml.names import PKG_RELS, rel_kind

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Writable

MAX_RATIO = 100
RATIO_CHECKED_ABOVE = 10 * 1024 * 1024  # small members may compress well; big ones may not
_CHUNK = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_RESAVE = "请在 Word 或 WPS 中打开它，“另存为” Word 文档（*.docx）后再试"

# Everything zipfile and zlib raise for a damaged archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    struct.error,
)


@dataclass(frozen=True)
class Relationship:
    rel_id: str
    kind: str  # last segment of the type: "header", "footnotes", "comments", …
    target: str  # part name inside the zip, or the URL of an external target
    external: bool


def _unreadable(path: Path, message: str, hint: str = _RESAVE) -> UsageError:
    return UsageError(Problem(message, str(path), hint=hint))


class DocxPackage:
    """A .docx opened for reading; every part is read with a bound and parsed safely.

    ``data``, when given, is the package's bytes (``path`` then only names it in messages).
    """

    def __init__(self, path: Path, data: bytes | None = None) -> None:
        self.path = path
        self._zip, infos = open_package(path, data)
        self.infos = infos
        self._names = {info.filename.lstrip("/").lower(): info for info in infos}
        self.main_part = self._find_main_part()

    # -- parts -------------------------------------------------------------------------------

    def has(self, part: str) -> bool:
        return part.lower() in self._names

    def read(self, part: str) -> bytes:
        """The bytes of ``part``, inflated with a bound (never more than the zip declared)."""
        info = self._names.get(part.lower())
        if info is None:
            raise KeyError(part)
        return read_entry(self._zip, info, self.path)

    def xml(self, part: str) -> Any:
        """The root element of ``part``; DOCTYPEs and entities are refused, never expanded."""
        return parse_xml(self.read(part), self.path, part)

    def stream_children(
        self, part: str, container: Collection[str] | None, out: Writable | None = None
    ) -> Iterator[Any]:
        """The children of ``part``'s ``container`` element (``w:body``; None: the root's own
        children), one at a time, each
        whole when yielded and cleared once the caller moves on (see
        :func:`reportgen.ooxml.xml.iter_children`): a long document is never held at once. The
        part is inflated as it is parsed, with the same bound and checks as :meth:`xml`. With
        ``out``, the part is written there as it goes, with the caller's changes."""
        from reportgen.ooxml.xml import XMLSyntaxError, has_doctype, iter_children

        info = self._names.get(part.lower())
        if info is None:
            raise KeyError(part)
        invalid = f"文件中的 {part} 不是有效的 XML，文件可能已损坏。"
        stream: _Bounded | None = None
        try:
            with self._zip.open(info) as raw:
                stream = _Bounded(raw, info.file_size, self.path)
                children = iter_children(stream, container, out)
                if has_doctype(next(children)) or b"<!DOCTYPE" in stream.head:
                    raise _doctype(self.path, part)
                yield from children
        except (XMLSyntaxError, ValueError, StopIteration) as error:
            if stream is not None and stream.over is not None:
                raise stream.over from None
            raise _unreadable(self.path, invalid) from error
        except _ZIP_ERRORS as error:
            raise _unreadable(
                self.path, f"文件已损坏或不完整（{info.filename} 无法解压）。"
            ) from error

    def rels(self, part: str) -> list[Relationship]:
        """The relationships of ``part`` (empty when it has none)."""
        folder, name = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", f"{name}.rels")
        if not self.has(rels_part):
            return []
        root = self.xml(rels_part)
        found = []
        for rel in root.iter(f"{{{PKG_RELS}}}Relationship", "Relationship"):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = resolve_target(folder, target)
            found.append(
                Relationship(rel.get("Id") or "", rel_kind(rel.get("Type") or ""), target, external)
            )
        return found

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _find_main_part(self) -> str:
        main = next(
            (
                rel.target
                for rel in self.rels("")
                if rel.kind == "officeDocument" and not rel.external and self.has(rel.target)
            ),
            "word/document.xml",
        )
        if not self.has(main):
            raise _unreadable(
                self.path,
                "这不是 Word 文档：压缩包里没有正文部分（word/document.xml）。",
                "请确认选对了文件；若它是 Excel、PowerPoint 或其他文件，请在 Word 中另存为 .docx 后再试",
            )
        return self.real_name(main)

    def real_name(self, part: str) -> str:
        """The name of ``part`` as spelled in the zip (part names are case-insensitive)."""
        return self._names[part.lower()].filename.lstrip("/")


def open_package(
    path: Path, data: bytes | None = None
) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """A .docx or .xlsx opened for bounded reading: a regular file within ``package_bytes``,
    with entries that are few enough, small enough inflated, readable (no encryption, only
    stored or deflated) and safely named (no ``..``, no leading ``/``)."""
    from reportgen.limits import check_file

    if data is None:
        check_file(path, limit="package_bytes")
    archive = _open_zip(path) if data is None else _open_bytes(path, data)
    try:
        infos = archive.infolist()
    except _ZIP_ERRORS as error:
        archive.close()
        raise _unreadable(path, "文件已损坏，无法读取其中的内容。") from error
    try:
        _refuse_bomb(path, infos)
        _refuse_odd_entries(path, infos)
    except UsageError:
        archive.close()
        raise
    return archive, infos


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """The bytes of one entry, inflated with a bound (never more than the zip declared)."""
    limit = info.file_size
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, limit - size + 1))
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise _unreadable(
                        path, "文件中的压缩内容比声明的更大，疑似恶意构造的压缩包，已拒绝读取。"
                    )
                chunks.append(chunk)
    except _ZIP_ERRORS as error:
        raise _unreadable(path, f"文件已损坏或不完整（{info.filename} 无法解压）。") from error
    return b"".join(chunks)


class _Bounded:
    """A zip entry's stream that refuses to inflate more than the zip declared for it, and keeps
    its first KiB to look for a DOCTYPE."""

    def __init__(self, raw: Any, limit: int, path: Path) -> None:
        self.raw, self.limit, self.path = raw, limit, path
        self.size = 0
        self.head = b""
        self.over: UsageError | None = None

    def read(self, size: int = -1) -> bytes:
        chunk: bytes = self.raw.read(min(_CHUNK if size < 0 else size, self.limit - self.size + 1))
        self.size += len(chunk)
        if len(self.head) < 1024:
            self.head += chunk[: 1024 - len(self.head)]
        if self.size > self.limit:
            self.over = _unreadable(
                self.path, "文件中的压缩内容比声明的更大，疑似恶意构造的压缩包，已拒绝读取。"
            )
            raise self.over
        return chunk


def _doctype(path: Path, part: str) -> UsageError:
    return _unreadable(
        path,
        f"文件中的 {part} 含有 DOCTYPE 声明（Word 和 Excel 不会这样保存），出于安全考虑已拒绝读取。",
    )


def parse_xml(data: bytes, path: Path, part: str) -> Any:
    """The root element of the XML ``data`` of ``part``; a DOCTYPE is refused, never expanded."""
    from reportgen.ooxml.xml import XMLSyntaxError, has_doctype, parse

    doctype = _doctype(path, part)
    if b"<!DOCTYPE" in data[:1024]:
        raise doctype  # refused before parsing; the check after parsing catches UTF-16 too
    try:
        root = parse(data)
    except (XMLSyntaxError, ValueError) as error:
        raise _unreadable(path, f"文件中的 {part} 不是有效的 XML，文件可能已损坏。") from error
    if has_doctype(root):
        raise doctype
    return root


def _refuse_odd_entries(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/"):
            raise _unreadable(
                path, f"压缩包中的条目名“{name}”指向包外，疑似恶意构造的文件，已拒绝读取。"
            )
        if info.flag_bits & 1:
            raise _unreadable(
                path,
                f"压缩包中的 {name} 已加密，无法读取。",
                "请在 Word、WPS 或 Excel 中取消密码并另存后再试",
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _unreadable(
                path,
                f"压缩包中的 {name} 使用了不支持的压缩方式。",
                "请在 Word、WPS 或 Excel 中打开后另存，再试",
            )


def resolve_target(folder: str, target: str) -> str:
    """The part name a relationship target points to, relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def _open_zip(path: Path) -> zipfile.ZipFile:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise _unreadable(
            path, f"无法打开文件：{error.strerror or error}。", "请检查文件权限"
        ) from error
    if not head:
        raise _unreadable(
            path, "文件是空的（0 字节），没有可读的内容。", "请确认文件已完整保存或复制"
        )
    if head.startswith(_OLE_MAGIC):
        raise _unreadable(
            path,
            "这是旧版 Word 文档（.doc）或设置了打开密码的文档，不是 .docx。",
            "请在 Word 或 WPS 中打开它（如有密码请先取消密码），另存为 .docx 后再试",
        )
    if head.lstrip().startswith(b"{\\rtf"):
        raise _unreadable(path, "这是 RTF 文件，只是扩展名写成了 .docx。")
    if not head.startswith(b"PK"):
        raise _unreadable(path, "这不是 .docx 文件（不是 zip 压缩格式）。")
    try:
        return zipfile.ZipFile(path)
    except _ZIP_ERRORS as error:
        message = (
            "文件不完整或已损坏（可能下载或复制没有完成）。"
            if head.startswith(_ZIP_MAGIC)
            else "这不是有效的 .docx 文件（zip 结构损坏）。"
        )
        raise _unreadable(
            path, message, "请重新获取完整的文件，或在 Word 中打开后另存为 .docx"
        ) from error


def _open_bytes(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise _unreadable(path, "这不是有效的 .docx 文件（zip 结构损坏）。") from error


def _refuse_bomb(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refused by the sizes the zip declares, before anything is inflated (reading then holds
    each entry to its declared size)."""
    from reportgen.limits import current, exceeded

    limits = current()
    if len(infos) > limits.zip_entries:
        raise exceeded("zip_entries", path)
    if any(info.file_size > limits.part_bytes for info in infos):
        raise exceeded("part_bytes", path)
    if sum(info.file_size for info in infos) > limits.inflated_bytes:
        raise exceeded("inflated_bytes", path)
    if any(
        info.file_size > RATIO_CHECKED_ABOVE
        and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    ):
        raise _unreadable(
            path,
            "文件中有压缩比异常的内容，疑似压缩炸弹，已拒绝读取。",
            "若这确是正常文档，请删去其中的大图片或嵌入对象后另存为 .docx 再试",
        )
