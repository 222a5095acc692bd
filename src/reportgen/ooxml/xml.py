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


def iter_children(stream: Readable, container: Collection[str] | None) -> Iterator[Element]:
    """The children of the root's child named one of ``container`` (``w:body``), or of the
    root itself when ``container`` is None, each yielded whole once its end tag is read and
    cleared when the caller asks for the next one: a part of any length is walked holding one
    child at a time. The root is yielded before anything else (with its tree, for
    :func:`has_doctype`); entities stay unexpanded. Raises :class:`XMLSyntaxError` (or
    ValueError) if the stream is not XML."""
    events = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        collect_ids=False,
    )
    body: Element = None
    depth = 0
    for event, element in events:
        if event == "start":
            depth += 1
            if depth == 1:
                yield element  # the root: its tree's DOCTYPE can be checked before any work
                if container is None:
                    body = element
            elif depth == 2 and body is None and container and element.tag in container:
                body = element
            continue
        depth -= 1
        if body is not None and element.getparent() is body:
            yield element
            element.clear()
            while element.getprevious() is not None:
                del body[0]


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
