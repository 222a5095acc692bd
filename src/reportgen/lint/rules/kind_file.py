"""Rule ``kind-file``: a kind definition file is checked as one, not as a draft."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source


class KindFileRule(Rule):
    """Finds what keeps a kind definition file (``id:`` and ``sections:``) from loading.

    Why: a folder of drafts often holds the unit's own kinds too (``examples/kinds/``). Their
    guidance and defaults hold ``XX局`` and 【待补：…】 on purpose, so read as drafts they gave
    a page of false errors; read as kinds, what matters is whether ``reportgen`` can load them.
    The other rules leave kind files alone.

    Example: ``layout: baogao`` in a kind file → the loader's own message, at that line.
    """

    id = "kind-file"
    severity = "error"
    title = "报告类型定义文件"
    source_level = "实务"

    def check(self, source: Source) -> Iterator[Hit]:
        for offset, message in source.kind_problems or ():
            end = source.text.find("\n", offset)
            yield Hit(offset, max(offset + 1, end if end >= 0 else len(source.text)), message)
