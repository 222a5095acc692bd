"""Writing YAML by hand, for files people read: the scaffold and imported drafts."""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\d][^#]*$")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, double-quoted otherwise."""
    if _PLAIN.match(text) and ": " not in text and not text.endswith(":"):
        return text
    return json.dumps(text, ensure_ascii=False)
