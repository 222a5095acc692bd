"""Rule ``duplicate-paragraph``: the same heading or paragraph twice in a row."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

# What does not count when comparing: blanks (also the full-width indent) and Markdown marks.
_NOISE = re.compile(r"[\s\u3000]+|^#+|^[-*+>]\s")


class DuplicateParagraphRule(Rule):
    """Finds a paragraph (or heading) that repeats the one right before it.

    Why: a repeated paragraph is a paste slip; it happens most to headings, when a draft is
    assembled from pieces (the second copy is reported). Blank lines between the two and
    differences in spacing or indentation do not hide the repeat; in a .docx, paragraphs in
    different places (body, table, header) are not compared.

    Example: two lines ``加强组织领导　推进工作落实`` in a row → the second one.
    """

    id = "duplicate-paragraph"
    severity = "warning"
    title = "重复的段落"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        previous_key, previous_location = "", None
        for paragraph in source.paragraphs:
            key = _NOISE.sub("", text[paragraph.start : paragraph.end])
            location = source.place(paragraph.start).location
            if len(key) >= 2 and key == previous_key and location == previous_location:
                yield Hit(
                    paragraph.start,
                    paragraph.end,
                    "与上一段完全相同：疑为重复粘贴，请删去其中一段",
                )
            previous_key, previous_location = key, location
