"""Write src/reportgen/docx/write/reference.prepared: the packaged template as python-docx
prepares it, under the key of the template, the preparing code and the python-docx, lxml and
libxml2 versions installed here (see reportgen.docx.write.prepared). Run it after changing
the template, the writer, the layouts or the ooxml modules; tests/test_render_cache.py says
when it is out of date.

Usage: .venv/bin/python scripts/make_prepared_template.py  (with reportgen installed from this tree)
"""

from __future__ import annotations

from pathlib import Path

from reportgen.docx.write.prepared import SHIPPED, shipped_bytes

TARGET = Path(__file__).resolve().parent.parent / "src" / "reportgen" / "docx" / "write" / SHIPPED

if __name__ == "__main__":
    TARGET.write_bytes(shipped_bytes())
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
