"""The template prepared for rendering, made once per process and kept between runs.

Preparing means reading the template with python-docx (theme fonts dropped, styles found by
name, page-number footers written) and keeping its parts with an empty body. python-docx is
a tenth of a ``render`` command's time to import, so the parts are also stored in the user's
cache (:mod:`reportgen.usercache`) under a key of the template's bytes, the code that prepares
it and the versions of python-docx, lxml and libxml2: a later run with the same template uses
them without importing python-docx, and anything else prepares afresh. The packaged
template's preparation also ships in the wheel under such a key (``reference.prepared``), for
the first run after installing. The parts are the same bytes whichever way they come (a
test renders every example every way).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
_CACHE_NAME = "template"
SHIPPED = "reference.prepared"


class Prepared(NamedTuple):
    parts: tuple[tuple[str, bytes], ...]  # every part but the document and its properties
    document_xml: bytes  # the main part with an empty body (only its w:sectPr)
    style_ids: dict[str, str]  # paragraph style name → styleId
    origin: Path | None


def prepare(template: Path | None) -> Prepared:
    """The prepared ``template`` (the packaged one when None), once per process and content."""
    return _prepare(*_template_key(template))


def body_at(document_xml: bytes) -> int | None:
    """Where in ``document_xml`` (a prepared main part) paragraphs go as text so that the part
    is, byte for byte, what placing them in its tree and serializing gives: right after
    ``<w:body>``, when the body holds only the final ``w:sectPr``, the root binds ``w:`` to
    WordprocessingML's namespace once and nothing else (comments, CDATA, instructions, a default
    or second binding) could make text search and the tree disagree. None otherwise."""
    from reportgen.ooxml.names import W

    start = document_xml.find(b"<w:document ")
    root_tag = document_xml[start : document_xml.find(b">", start)] if start >= 0 else b""
    binding = f' xmlns:w="{W}"'.encode()
    body = b"<w:body><w:sectPr"
    if (
        binding not in root_tag
        or document_xml.count(W.encode()) != 1
        or document_xml.count(b"<w:body") != 1
        or document_xml.count(body) != 1
        or document_xml.count(b"<?") != 1  # the XML declaration only
        or b"<!" in document_xml  # a comment, CDATA or DOCTYPE
    ):
        return None
    return document_xml.index(body) + len(b"<w:body>")


def _template_key(template: Path | None) -> tuple[Path | None, int, int]:
    """What identifies a template's content cheaply: its path, size and modification time."""
    if template is None:
        return None, 0, 0
    path = Path(template).resolve()
    try:
        stat = path.stat()
    except OSError:
        return path, -1, -1  # template_bytes reports it in the user's words
    return path, stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=8)
def _prepare(template: Path | None, size: int, mtime_ns: int) -> Prepared:
    from reportgen import usercache

    raw = _raw_bytes(template)
    key = _key(raw) if raw is not None and usercache.folder() is not None else None
    if key is not None:
        stored = usercache.read(_CACHE_NAME, key)
        found = _decode(stored, template) if stored is not None else None
        if found is not None:
            return found
        shipped = _shipped(template, key)
        found = _decode(shipped, template) if shipped is not None else None
        if shipped is not None and found is not None:
            usercache.write(_CACHE_NAME, key, shipped)  # found by file stamps next time
            return found
    data, made = _make(template)
    if key is not None and data == raw:  # the bytes read for the key are the ones prepared
        usercache.write(_CACHE_NAME, key, _encode(made))
    return made


def _key(raw: bytes) -> str | None:
    """The key of a preparation: the template's bytes, the code that prepares it (by content)
    and the versions of python-docx, lxml and libxml2 (which decide the bytes python-docx
    writes). None without python-docx."""
    from reportgen import usercache

    made_by = makers()
    return None if made_by is None else usercache.key(_CACHE_NAME, raw, made_by, _code_digest())


def makers() -> str | None:
    """The versions of python-docx, lxml and libxml2 installed; None without python-docx."""
    from reportgen.ooxml.versions import library_versions
    from reportgen.usercache import distribution_version

    version = distribution_version("python-docx")
    return None if version is None else f"python-docx {version} {library_versions()}"


def _code_digest() -> bytes:
    from reportgen.usercache import code_digest

    root = Path(__file__).resolve().parent.parent.parent  # the reportgen package
    return code_digest(
        path.relative_to(root).as_posix()
        for folder, pattern in _CODE
        for path in sorted((root / folder).glob(pattern))
    )


#: The code a preparation runs, as (folder, pattern) below the package: this module, the
#: template's reading, the footers' writing, the XML helpers and package reader they use, and
#: the page values.
_CODE = (
    ("docx/write", "prepared.py"),
    ("docx/write", "template.py"),
    ("docx/write", "writer.py"),
    ("ooxml", "xml.py"),
    ("ooxml", "names.py"),
    ("ooxml", "package.py"),
    ("layouts", "gbt9704.py"),
    ("layouts", "profile.py"),
    ("layouts/profiles", "*.yaml"),
)


def _shipped(template: Path | None, key: str) -> bytes | None:
    """The packaged template's preparation shipped in the wheel (``reference.prepared``,
    written by ``scripts/make_prepared_template.py``), if it was made under ``key``: the first
    render after installing then needs no python-docx either."""
    if template is not None:
        return None
    head, _, body = read_shipped()
    return body if head == key else None


def read_shipped() -> tuple[str, str, bytes]:
    """The key, the makers (:func:`makers`) and the preparation in ``reference.prepared``."""
    try:
        data = (Path(__file__).resolve().parent / SHIPPED).read_bytes()
    except OSError:
        return "", "", b""
    head, _, rest = data.partition(b"\n")
    made_by, _, body = rest.partition(b"\n")
    return head.decode(errors="replace"), made_by.decode(errors="replace"), body


def shipped_bytes() -> bytes:
    """What ``reference.prepared`` holds for the packaged template, made now."""
    from reportgen.docx.write.template import packaged_template_bytes

    key, made_by = _key(packaged_template_bytes()), makers()
    if key is None or made_by is None:
        raise RuntimeError("python-docx is not installed")
    return f"{key}\n{made_by}\n".encode() + _encode(_make(None)[1])


def _raw_bytes(template: Path | None) -> bytes | None:
    if template is None:
        from reportgen.docx.write.template import packaged_template_bytes

        return packaged_template_bytes()
    from reportgen.errors import UsageError
    from reportgen.limits import read_file

    try:  # a regular file within the size limit, never a FIFO that blocks
        return read_file(template, limit="package_bytes")
    except UsageError:
        return None  # the full path says what is wrong with it


def _make(template: Path | None) -> tuple[bytes, Prepared]:
    """The template's bytes and the template prepared from them with python-docx."""
    import io

    from reportgen.docx.write.template import (
        open_template,
        paragraph_styles,
        style_ids,
        template_bytes,
    )
    from reportgen.docx.write.writer import write_footers
    from reportgen.layouts.gbt9704 import PAGE as L
    from reportgen.ooxml.package import DocxPackage

    data = template_bytes(template)
    target = open_template(template, data)
    write_footers(
        target, paragraph_styles(target, [L.STYLE_PAGE_NUMBER], template)[L.STYLE_PAGE_NUMBER]
    )
    body = target.element.body
    for child in list(body)[:-1]:  # keep the final w:sectPr
        body.remove(child)
    buffer = io.BytesIO()
    target.save(buffer)
    with DocxPackage(template or Path("reference.docx"), buffer.getvalue()) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infos}
    document_xml = parts.pop(DOCUMENT_PART)
    parts.pop(CORE_PART, None)
    return data, Prepared(tuple(parts.items()), document_xml, style_ids(target), template)


def _encode(made: Prepared) -> bytes:
    """A JSON line naming the parts, their lengths and the style ids, then the parts' bytes."""
    blobs = [data for _, data in made.parts] + [made.document_xml]
    head = {
        "parts": [[name, len(data)] for name, data in made.parts],
        "document": len(made.document_xml),
        "styles": made.style_ids,
    }
    return json.dumps(head, ensure_ascii=False).encode() + b"\n" + b"".join(blobs)


def _decode(stored: bytes, template: Path | None) -> Prepared | None:
    """What :func:`_encode` stored; None for anything that is not exactly that."""
    line, _, rest = stored.partition(b"\n")
    try:
        head = json.loads(line)
        names = [(str(name), int(length)) for name, length in head["parts"]]
        styles = {str(name): str(style) for name, style in head["styles"].items()}
        document_length = int(head["document"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    lengths = [length for _, length in names] + [document_length]
    if min(lengths) < 0 or sum(lengths) != len(rest):
        return None
    parts = []
    offset = 0
    for name, length in names:
        parts.append((name, rest[offset : offset + length]))
        offset += length
    return Prepared(tuple(parts), rest[offset:], styles, template)
