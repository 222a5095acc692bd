"""Rule ``duplicate-paragraph``: the same heading or paragraph twice in a row."""

from __future__ import annotations

from collections.abc import Iterator

from reportgen import patterns
from reportgen.gongwen.placeholders import find_placeholders
from reportgen.lint.rules.base import Hit, Rule
from reportgen.lint.source import Source

# What does not count when comparing: blanks (also the full-width indent) and Markdown marks.
_BLANKS = dict.fromkeys(map(ord, " \t\r\n\f\v\u3000\u00a0"))
_MARKDOWN_LEAD = patterns.compile(r"#+|[-*+>](?=\s)")
# Only the body is judged: a table flattened into paragraphs repeats its cells by design
# (是/是, 合计/合计), and odd and even page footers carry the same page number.
_BODY = frozenset({None, "正文", "内容控件"})


class DuplicateParagraphRule(Rule):
    """Finds a paragraph (or heading) that repeats the one right before it.

    Why: a repeated paragraph is a paste slip; it happens most to headings, when a draft is
    assembled from pieces (the second copy is reported). Blank lines between the two and
    differences in spacing or indentation do not hide the repeat. In a .docx only the body is
    judged: table cells repeat by design once a table is read paragraph by paragraph (是, 是;
    合计, 合计), text boxes and notes are apart, and a document's odd-page and even-page
    footers carry the same page number.

    Example: two lines ``加强组织领导　推进工作落实`` in a row → the second one.
    """

    id = "duplicate-paragraph"
    severity = "warning"
    title = "重复的段落"

    def check(self, source: Source) -> Iterator[Hit]:
        text = source.text
        previous, previous_start = "", 0
        slots = _HasSlots()
        for paragraph in source.paragraphs:
            if paragraph.location not in _BODY:
                previous = ""
                continue
            piece = text[paragraph.start : paragraph.end].rstrip()
            # cheap tests first: the same length give or take the blanks, the same last character
            if (
                abs(len(piece) - len(previous)) <= 8
                and piece[-1:] == previous[-1:]
                and _same(piece, previous, source.markdown)
                # a template repeats its slot lines by design: XXX（具体决定事项）
                and not slots(piece)
                and source.place(paragraph.start).location == source.place(previous_start).location
            ):
                yield Hit(
                    paragraph.start,
                    paragraph.end,
                    "与上一段完全相同：疑为重复粘贴，请删去其中一段",
                )
            previous, previous_start = piece, paragraph.start


class _HasSlots:
    """Whether a paragraph holds a placeholder, asked again only for a paragraph that differs
    from the last one asked about (a template repeats a slot line many times over)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found = False

    def __call__(self, text: str) -> bool:
        if text != self.text:
            self.text, self.found = text, bool(find_placeholders(text))
        return self.found


def _same(one: str, other: str, markdown: bool) -> bool:
    """Whether two paragraphs read the same, blanks and Markdown marks aside."""
    keys = [piece.translate(_BLANKS) for piece in (one, other)]
    if markdown:
        keys = [_MARKDOWN_LEAD.sub("", key, count=1) for key in keys]
    return len(keys[0]) >= 2 and keys[0] == keys[1]
