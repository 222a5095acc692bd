"""Write src/reportgen/kinds/builtin/prepared.json: the built-in kinds' validators and the kind
files' own, prepared from the pydantic models (see reportgen.kinds.prepared) under the key of
each kind file, the code that shapes the models and the pydantic, pydantic-core and Python
versions installed here. Run it after changing a built-in kind or the models' code;
tests/test_prepared.py says when it is out of date.

Usage: .venv/bin/python scripts/make_prepared_kinds.py  (with reportgen installed from this tree)
"""

from __future__ import annotations

import json
from pathlib import Path

from reportgen.kinds.prepared import SHIPPED, shipped_data

TARGET = (
    Path(__file__).resolve().parent.parent / "src" / "reportgen" / "kinds" / "builtin" / SHIPPED
)


def shipped_text() -> str:
    """One entry a line (a kind's change is one line of the diff), each compact."""
    lines = [
        f"{json.dumps(name)}: {json.dumps(entry, ensure_ascii=False, separators=(',', ':'))}"
        for name, entry in shipped_data().items()
    ]
    return "{\n" + ",\n".join(lines) + "\n}\n"


if __name__ == "__main__":
    TARGET.write_text(shipped_text(), encoding="utf-8")
    print(f"wrote {TARGET} ({TARGET.stat().st_size} bytes)")
