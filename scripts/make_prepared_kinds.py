"""Write src/reportgen/kinds/builtin/*.prepared.json: the built-in kinds' validators and the
kind files' own, prepared from the pydantic models (see reportgen.kinds.prepared) under the key
of each kind file, the code that shapes the models and the pydantic, pydantic-core, ruamel.yaml
and Python versions installed here. Run it after changing a built-in kind or the models' code;
tests/test_prepared.py says when they are out of date.

Usage: .venv/bin/python scripts/make_prepared_kinds.py  (with reportgen installed from this tree)
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from reportgen.kinds.prepared import SHIPPED, shipped_data, shipped_path

FOLDER = Path(__file__).resolve().parent.parent / "src" / "reportgen" / "kinds" / "builtin"


def shipped_texts() -> dict[Path, str]:
    """Each shipped file (in the source tree) and its text, made now."""
    return {
        FOLDER / os.path.basename(shipped_path(name)): json.dumps(
            entry, ensure_ascii=False, separators=(",", ":")
        )
        + "\n"
        for name, entry in shipped_data().items()
    }


if __name__ == "__main__":
    texts = shipped_texts()
    for stale in set(FOLDER.glob(f"*{SHIPPED}")) - set(texts):
        stale.unlink()
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode())} bytes)")
