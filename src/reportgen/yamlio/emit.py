"""Writing YAML by hand, for files people read: the scaffold and imported drafts."""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`\d][^#]*$")


#: Characters that end a line (a comment, a plain scalar) in YAML or in an editor.
LINE_BREAKS = "\n\r\x0b\x0c\x85\u2028\u2029"


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain where that is safe, double-quoted otherwise."""
    breaks = any(char in text for char in LINE_BREAKS)
    if _PLAIN.match(text) and ": " not in text and not text.endswith(":") and not breaks:
        return text
    return json.dumps(text, ensure_ascii=False)
