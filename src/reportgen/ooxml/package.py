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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import Problem, UsageError
from reportgen.ooxml.names import PKG_RELS, rel_kind

MAX_TOTAL_UNCOMPRESSED = 200 * 1024 * 1024
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
        self._zip = _open_zip(path) if data is None else _open_bytes(path, data)
        try:
            infos = self._zip.infolist()
        except _ZIP_ERRORS as error:
            raise _unreadable(path, "文件已损坏，无法读取其中的内容。") from error
        _refuse_bomb(path, infos)
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
        limit = info.file_size
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(min(_CHUNK, limit - size + 1))
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise _unreadable(
                            self.path,
                            "文件中的压缩内容比声明的更大，疑似恶意构造的压缩包，已拒绝读取。",
                        )
                    chunks.append(chunk)
        except _ZIP_ERRORS as error:
            raise _unreadable(
                self.path, f"文件已损坏或不完整（{info.filename} 无法解压）。"
            ) from error
        return b"".join(chunks)

    def xml(self, part: str) -> Any:
        """The root element of ``part``; DOCTYPEs and entities are refused, never expanded."""
        from reportgen.ooxml.xml import XMLSyntaxError, has_doctype, parse

        data = self.read(part)
        doctype = _unreadable(
            self.path,
            f"文件中的 {part} 含有 DOCTYPE 声明（Word 不会这样保存），出于安全考虑已拒绝读取。",
        )
        if b"<!DOCTYPE" in data[:1024]:
            raise doctype  # refused before parsing; the check after parsing catches UTF-16 too
        try:
            root = parse(data)
        except (XMLSyntaxError, ValueError) as error:
            raise _unreadable(
                self.path, f"文件中的 {part} 不是有效的 XML，文件可能已损坏。"
            ) from error
        if has_doctype(root):
            raise doctype
        return root

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


def resolve_target(folder: str, target: str) -> str:
    """The part name a relationship target points to, relative to the source's folder."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")


def _open_zip(path: Path) -> zipfile.ZipFile:
    if not path.exists():
        raise _unreadable(path, "找不到这个文件。", "请检查路径和文件名是否写对")
    if path.is_dir():
        raise _unreadable(path, "这是一个文件夹，不是 .docx 文件。", "请给出 .docx 文件的路径")
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
    total = sum(info.file_size for info in infos)
    suspicious = total > MAX_TOTAL_UNCOMPRESSED or any(
        info.file_size > RATIO_CHECKED_ABOVE
        and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        for info in infos
    )
    if suspicious:
        raise _unreadable(
            path,
            f"文件解压后过大（声明 {total // (1024 * 1024)} MB）或压缩比异常，疑似压缩炸弹，已拒绝读取。",
            "若这确是正常文档，请删去其中的大图片或嵌入对象后另存为 .docx 再试",
        )
