"""``reportgen render`` without the CLI: the library call in a bare script.

Beside ``reportgen render`` in the table, it shows what the command-line layer adds to a render.
Usage: python bare_render.py FILE.yaml OUT.docx
"""

from __future__ import annotations

import sys

from reportgen import api

if __name__ == "__main__":
    api.render(sys.argv[1], sys.argv[2])
