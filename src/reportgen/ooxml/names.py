"""Namespaces and tag names of WordprocessingML, in both of its spellings.

Word writes the *transitional* namespaces; a document saved as "Strict Open XML" uses the
``purl.oclc.org`` ones. Every tag is known under both, so the reader never has to ask which.
"""

from __future__ import annotations

from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M_STRICT = "http://purl.oclc.org/ooxml/officeDocument/math"
XML = "http://www.w3.org/XML/1998/namespace"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"

W_NAMESPACES = (W, W_STRICT)
XML_SPACE = f"{{{XML}}}space"


def w(local: str) -> str:
    """The Clark name of a ``w:`` element or attribute as reportgen writes it (transitional)."""
    return f"{{{W}}}{local}"


def w_tags(local: str) -> tuple[str, str]:
    """The Clark names of a ``w:`` element in both namespaces."""
    return (f"{{{W}}}{local}", f"{{{W_STRICT}}}{local}")


def w_attr(element: Any, local: str) -> str | None:
    """A ``w:`` attribute of ``element``, whichever namespace the part uses."""
    value: str | None = element.get(f"{{{W}}}{local}")
    if value is None:
        value = element.get(f"{{{W_STRICT}}}{local}")
    return value


def r_attr(element: Any, local: str) -> str | None:
    """An ``r:`` attribute (relationship id) of ``element`` in either namespace."""
    value: str | None = element.get(f"{{{R}}}{local}")
    if value is None:
        value = element.get(f"{{{R_STRICT}}}{local}")
    return value


def w_child(element: Any, local: str) -> Any:
    """The first ``w:`` child named ``local``, or None."""
    for tag in w_tags(local):
        found = element.find(tag)
        if found is not None:
            return found
    return None


def w_namespace_of(element: Any) -> str:
    """The ``w:`` namespace a part is written in (from its root element)."""
    tag = element.tag
    if isinstance(tag, str) and tag.startswith(f"{{{W_STRICT}}}"):
        return W_STRICT
    return W


def rel_kind(rel_type: str) -> str:
    """The last segment of a relationship type, equal in transitional and strict packages."""
    return rel_type.rstrip("/").rsplit("/", 1)[-1]
