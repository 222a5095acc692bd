"""Which lxml and libxml2 are installed, asked without importing lxml where that can be done.

The versions decide the bytes a tree serializes to, so they are part of the key of the prepared
template (:mod:`reportgen.docx.write.prepared`), which a render looks up before it knows whether
it needs lxml at all: importing ``lxml.etree`` to read two numbers would cost every render a
sixth of its time.
"""

from __future__ import annotations

import os


def library_versions() -> str:
    """``lxml X libxml2 Y``. A wheel of lxml is built with libxml2 linked in and carries that
    libxml2's headers (``lxml/includes/libxml``: what ``lxml.get_include()`` is for), so their
    version is the one running; an lxml built against the system's libxml2 carries none, and is
    asked (which imports it)."""
    import lxml

    header = os.path.join(os.path.dirname(lxml.__file__), "includes", "libxml", "xmlversion.h")
    libxml2 = _dotted_version(header)
    if libxml2 is None:
        from lxml import etree

        libxml2 = ".".join(map(str, etree.LIBXML_VERSION))
    return f"lxml {lxml.__version__} libxml2 {libxml2}"


def _dotted_version(header: str) -> str | None:
    """The ``LIBXML_DOTTED_VERSION`` defined in ``header``; None without one."""
    try:
        with open(header, encoding="utf-8", errors="replace") as stream:
            for line in stream:
                if line.startswith("#define LIBXML_DOTTED_VERSION "):
                    return line.split('"')[1] if line.count('"') == 2 else None
    except OSError:
        return None
    return None
