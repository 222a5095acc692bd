"""XML parts: parsed safely, serialized one way, and elements built one way.

The one module that imports lxml (a ruff rule keeps it so). Import it inside the functions that
need it: lxml is a tenth of a command's start-up.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any, Protocol

from lxml import etree

from reportgen.ooxml.names import W_NAMESPACES, W

#: An element of a parsed part (lxml's ``_Element``; lxml ships no types, so it is ``Any``).
Element = Any
XMLSyntaxError = etree.XMLSyntaxError


class Readable(Protocol):
    """What :func:`iter_children` reads from: a binary stream."""

    def read(self, size: int = -1, /) -> bytes: ...


# A part may come from anywhere: no DTD is loaded, no entity resolved, no network touched.
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    collect_ids=False,
)


def parse(data: bytes) -> Element:
    """The root element of ``data``; raises :class:`XMLSyntaxError` (or ValueError) if it is
    not XML. Entities are left unexpanded; whether a DOCTYPE is acceptable is the caller's call
    (see :meth:`reportgen.ooxml.package.DocxPackage.xml`)."""
    return etree.fromstring(data, _PARSER)


def iter_children(
    stream: Readable, container: Collection[str] | None, out: Writable | None = None
) -> Iterator[Element]:
    """The children of the root's child named one of ``container`` (``w:body``), or of the
    root itself when ``container`` is None, each yielded whole once its end tag is read and
    cleared when the caller asks for the next one: a part of any length is walked holding one
    child at a time. The root is yielded before anything else (with its tree, for
    :func:`has_doctype`); entities stay unexpanded. Raises :class:`XMLSyntaxError` (or
    ValueError) if the stream is not XML.

    With ``out``, the part is written there as the caller leaves each child (changed or not),
    byte for byte as :func:`serialize` writes the whole tree."""
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        collect_ids=False,
    )
    root: Element = None
    body: Element = None
    previous: Element = None  # the last child written; its tail is written once complete
    depth = 0
    for event, element in events:
        if event == "start":
            depth += 1
            if depth == 1:
                root = element
                yield element  # the root: its tree's DOCTYPE can be checked before any work
                if container is None:
                    body = element
            elif depth == 2 and body is None and container and element.tag in container:
                body = element
            continue
        depth -= 1
        if body is not None and element.getparent() is body:
            yield element
            if out is not None:
                _write_child(out, root, previous, element)
            previous = element
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del body[0]
    if out is not None:
        if previous is not None:
            out.write(_text(previous.tail))
            del body[0]
        out.write(serialize(root) if previous is None else _foot(root, body))


def _write_child(out: Writable, root: Element, previous: Element, element: Element) -> None:
    """Write ``element`` after ``previous`` (None: it is the first), with what stands between
    them (the tail of ``previous``; comments or processing instructions)."""
    between = []
    node = element.getprevious()
    while node is not None and node is not previous:
        between.append(node)
        node = node.getprevious()
    nodes = [*reversed(between), element]
    if previous is None:
        out.write(_head(root, nodes[0]))
    else:
        out.write(_text(previous.tail))
    for node in nodes[:-1]:
        out.write(_inner(node) + _text(node.tail))
    out.write(_inner(element))


class Writable(Protocol):
    def write(self, data: bytes, /) -> object: ...


def _inner(element: Element) -> bytes:
    """``element`` without its tail and without the namespace declarations it inherits: as it
    stands inside the serialized whole tree."""
    data = bytes(etree.tostring(element, encoding="UTF-8", with_tail=False))
    end = data.index(b">")
    tag = data[:end]
    for prefix, uri in (element.getparent().nsmap or {}).items():
        name = f"xmlns:{prefix}" if prefix else "xmlns"
        tag = tag.replace(f' {name}="{uri}"'.encode(), b"", 1)
    return tag + data[end:]


def _text(text: str | None) -> bytes:
    """Text between elements, escaped as the serializer escapes it."""
    if not text:
        return b""
    holder = etree.Element("t")
    holder.text = text
    return bytes(etree.tostring(holder, encoding="UTF-8"))[len(b"<t>") : -len(b"</t>")]


_SPLIT = "reportgen-stream-split-7f3c"


def _head(root: Element, first: Element) -> bytes:
    """The whole tree's bytes before ``first`` (the first child written)."""
    whole = serialize(root)
    return whole[: whole.index(_inner(first))]


def _foot(root: Element, body: Element) -> bytes:
    """The whole tree's bytes after the last child (which has been removed)."""
    body.insert(0, etree.Comment(_SPLIT))  # before anything that followed the last child
    whole = serialize(root)
    return whole[whole.index(f"<!--{_SPLIT}-->".encode()) + len(_SPLIT) + 7 :]


def has_doctype(root: Element) -> bool:
    docinfo = root.getroottree().docinfo
    return bool(docinfo.doctype) or docinfo.internalDTD is not None


def serialize(root: Element) -> bytes:
    """A part's bytes as Word writes them: declaration, UTF-8, ``standalone="yes"``."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _attributes(attrs: Mapping[str, str] | None, namespace: str) -> dict[str, str]:
    """Attribute names as OOXML spells them: a ``w:`` element's in its namespace (``w:val``),
    a package part's unqualified (``Id``, ``PartName``); Clark names (``{ns}local``) as given."""
    qualified = namespace in W_NAMESPACES
    return {
        name if name.startswith("{") or not qualified else f"{{{namespace}}}{name}": value
        for name, value in (attrs or {}).items()
    }


def make(
    local: str,
    attrs: Mapping[str, str] | None = None,
    *,
    ns: str = W,
    nsmap: Mapping[str | None, str] | None = None,
) -> Element:
    """A new element ``local`` in namespace ``ns`` (``w:`` by default), not yet placed."""
    return etree.Element(f"{{{ns}}}{local}", _attributes(attrs, ns), nsmap=nsmap)


def add(
    parent: Element, local: str, attrs: Mapping[str, str] | None = None, *, ns: str = W
) -> Element:
    """A new element ``local`` appended to ``parent``."""
    return etree.SubElement(parent, f"{{{ns}}}{local}", _attributes(attrs, ns))


_FRAGMENT = (f'<w:fragment xmlns:w="{W}">', "</w:fragment>")


def fragment(xml: str) -> list[Element]:
    """The ``w:`` elements written as text in ``xml`` (``<w:p>…</w:p><w:p>…``), parsed in one
    call: a document's paragraphs cost one parse instead of an lxml call per element (which
    was most of writing a document). Text in ``xml`` is escaped with :mod:`.escape`. Placed in a part, they take the part's prefix for the
    namespace and serialize exactly as the same elements built one by one."""
    return list(etree.fromstring(_FRAGMENT[0] + xml + _FRAGMENT[1], _PARSER))
