"""Walking a .docx with lxml into paragraphs in reading order (see :class:`DocxParagraph`).

One parse per part, one pass over each tree. The walk records, per paragraph, which elements gave
which text (``pieces``) only when asked (for annotating); reading alone keeps just the strings.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.docx.model import DocxParagraph
from reportgen.docx.read.numbering import Numbering
from reportgen.docx.read.styles import Styles, read_num_pr, read_outline_level
from reportgen.errors import Problem, UsageError
from reportgen.ooxml.names import M_STRICT, MC, M, r_attr, w_attr, w_child, w_tags
from reportgen.ooxml.package import DocxPackage, Relationship

if TYPE_CHECKING:
    from reportgen.ooxml.xml import Writable

_SKIPPED_NOTES = {"separator", "continuationSeparator", "continuationNotice"}
_HEADER_TYPES = ("default", "first", "even")

# What an element inside a paragraph contributes. Anything not listed is a wrapper to walk into
# (w:r, w:hyperlink, w:ins, w:moveTo, w:sdt, w:sdtContent, w:fldSimple, w:smartTag, drawings…).
_TEXT, _TAB, _BREAK, _HYPHEN, _SYM, _FIELD, _BOX, _ALT, _FOOTREF, _ENDREF, _SKIP = range(11)
_INLINE: dict[str, int] = {}
for _local, _code in {
    "t": _TEXT, "tab": _TAB, "ptab": _TAB, "br": _BREAK, "cr": _BREAK,
    "noBreakHyphen": _HYPHEN, "sym": _SYM, "fldChar": _FIELD, "txbxContent": _BOX,
    "footnoteReference": _FOOTREF, "endnoteReference": _ENDREF,
    "pPr": _SKIP, "rPr": _SKIP, "del": _SKIP, "moveFrom": _SKIP, "instrText": _SKIP,
    "delText": _SKIP, "delInstrText": _SKIP, "commentReference": _SKIP, "annotationRef": _SKIP,
    "sdtPr": _SKIP, "sdtEndPr": _SKIP, "softHyphen": _SKIP, "lastRenderedPageBreak": _SKIP,
    "bookmarkStart": _SKIP, "bookmarkEnd": _SKIP, "proofErr": _SKIP,
    "commentRangeStart": _SKIP, "commentRangeEnd": _SKIP, "footnoteRef": _SKIP,
    "endnoteRef": _SKIP, "separator": _SKIP, "continuationSeparator": _SKIP,
}.items():  # fmt: skip
    for _tag in w_tags(_local):
        _INLINE[_tag] = _code
for _math in (M, M_STRICT):
    _INLINE[f"{{{_math}}}t"] = _TEXT
_INLINE[f"{{{MC}}}AlternateContent"] = _ALT

_P, _TBL, _SDT, _BLOCK_SKIP = range(4)
_BLOCK: dict[str, int] = {f"{{{MC}}}AlternateContent": _ALT}
for _local, _code in {
    "p": _P, "tbl": _TBL, "sdt": _SDT, "sectPr": _BLOCK_SKIP, "del": _BLOCK_SKIP,
    "moveFrom": _BLOCK_SKIP, "sdtPr": _BLOCK_SKIP, "sdtEndPr": _BLOCK_SKIP,
    "bookmarkStart": _BLOCK_SKIP, "bookmarkEnd": _BLOCK_SKIP, "tblPr": _BLOCK_SKIP,
    "tcPr": _BLOCK_SKIP, "trPr": _BLOCK_SKIP, "tblGrid": _BLOCK_SKIP,
}.items():  # fmt: skip
    for _tag in w_tags(_local):
        _BLOCK[_tag] = _code
_TR, _TC, _SDT_CONTENT, _PPR, _PSTYLE, _TRPR, _DEL = (
    w_tags(name) for name in ("tr", "tc", "sdtContent", "pPr", "pStyle", "trPr", "del")
)
_SECT_PR, _SECT_PR_CHANGE = w_tags("sectPr"), w_tags("sectPrChange")
_CHOICE, _FALLBACK = f"{{{MC}}}Choice", f"{{{MC}}}Fallback"


@dataclass
class ReadParagraph:
    """A paragraph with where it came from; ``pieces`` are ``[element, text]`` when mapped."""

    info: DocxParagraph
    part: str
    element: Any
    pieces: list[list[Any]] = field(default_factory=list)
    commentable: bool = False  # may carry a Word comment (see _paragraph)


def _choice_of(alternate: Any) -> Any:
    """The one branch of ``mc:AlternateContent`` to read, so content stored twice counts once."""
    choice = alternate.find(_CHOICE)
    return choice if choice is not None else alternate.find(_FALLBACK)


class DocxReader:
    """Reads every story of one package; ``keep_map`` also records each text's element."""

    def __init__(
        self,
        package: DocxPackage,
        keep_map: bool = False,
        sink: Callable[[ReadParagraph], None] | None = None,
        body_out: Writable | None = None,
    ) -> None:
        self.package = package
        self.keep_map = keep_map
        self.body_out = body_out  # streamed body written here as it is read (see read)
        self.roots: dict[str, Any] = {}
        self.paragraphs: list[ReadParagraph] = []  # kept unless each goes to ``sink``
        self.sink = sink
        self.count = 0
        main_rels = {rel.rel_id: rel for rel in package.rels(package.main_part)}
        self.main_rels = main_rels
        self.styles = Styles(self._streamed_part(main_rels, "styles"))
        self.numbering = Numbering(self._optional_part(main_rels, "numbering"), self.styles)
        self._fields: list[bool] = []  # open fields: True once past "separate" (showing result)
        self._hidden = 0  # open fields still in their instruction
        self._tables: list[int] = []
        self._cells_at: list[list[int]] = []  # [row, column] in each open table of the body
        self._table_count = 0
        self._boxes = 0
        self._sdts = 0
        self._story = "正文"
        self._in_body = True
        self._part = package.main_part
        self._note_marks: dict[str, list[str]] = {"footnotes": [], "endnotes": []}
        # Each w:sectPr of the body in order: {"header"/"footer": {type: relationship id}}.
        self._sections: list[dict[str, dict[str, str | None]]] = []

    def _streamed_part(self, rels: dict[str, Relationship], kind: str) -> Iterable[Any]:
        """The root's children of the part ``kind`` one at a time (nothing when it is absent):
        a large styles part is not held whole."""
        for rel in rels.values():
            if rel.kind == kind and not rel.external and self.package.has(rel.target):
                return self.package.stream_children(rel.target, None)
        return ()

    def _optional_part(self, rels: dict[str, Relationship], kind: str) -> Any:
        for rel in rels.values():
            if rel.kind == kind and not rel.external and self.package.has(rel.target):
                return self.package.xml(rel.target)
        return None

    def _root(self, part: str) -> Any:
        part = self.package.real_name(part)
        if part not in self.roots:
            self.roots[part] = self.package.xml(part)
        return self.roots[part]

    # -- stories -----------------------------------------------------------------------------

    def read(self) -> list[ReadParagraph]:
        """Every story in reading order. The body is streamed, only one of its top-level blocks
        held at a time, unless the elements are mapped (``keep_map``) without ``body_out``: then
        the whole tree is kept in ``roots``. With ``body_out``, the main part is written there
        as each block is left, with whatever ``sink`` changed in it."""
        if self.keep_map and self.body_out is None:
            body = w_child(self._root(self.package.main_part), "body")
            blocks: Iterable[Any] = () if body is None else body
        else:
            blocks = self.package.stream_children(
                self.package.main_part, w_tags("body"), self.body_out
            )
        self._walk_story(blocks, "正文", self.package.main_part, in_body=True)
        for kind, location in (("header", "页眉"), ("footer", "页脚")):
            for part in self._header_footer_parts(kind):
                self._walk_story(self._root(part), location, part)
        for kind, element_name, name in (
            ("footnotes", "footnote", "脚注"),
            ("endnotes", "endnote", "尾注"),
        ):
            self._read_notes(kind, element_name, name)
        return self.paragraphs

    def _walk_story(
        self, container: Iterable[Any], location: str, part: str, in_body: bool = False
    ) -> None:
        self._story, self._in_body, self._part = location, in_body, self.package.real_name(part)
        self._fields, self._hidden = [], 0
        self._blocks(container, top=in_body)

    def _note_sections(self, block: Any) -> None:
        """Keep the header and footer references of the section properties in ``block``."""
        for sect_pr in block.iter(*_SECT_PR):
            parent = sect_pr.getparent()
            if parent is not None and parent.tag in _SECT_PR_CHANGE:
                continue  # a tracked change's old section properties
            self._sections.append(
                {
                    kind: {
                        w_attr(ref, "type") or "default": r_attr(ref, "id")
                        for ref in sect_pr.iterchildren(*w_tags(f"{kind}Reference"))
                    }
                    for kind in ("header", "footer")
                }
            )

    def _header_footer_parts(self, kind: str) -> list[str]:
        parts: list[str] = []
        for section in self._sections:
            references = section[kind]
            for ref_type in _HEADER_TYPES:
                rel = self.main_rels.get(references.get(ref_type) or "")
                if rel and not rel.external and self.package.has(rel.target):
                    target = self.package.real_name(rel.target)
                    if target not in parts:
                        parts.append(target)
        return parts

    def _read_notes(self, kind: str, element_name: str, name: str) -> None:
        root = None
        for rel in self.main_rels.values():
            if rel.kind == kind and not rel.external and self.package.has(rel.target):
                part = self.package.real_name(rel.target)
                root = self._root(part)
                break
        if root is None:
            return
        notes: dict[str, Any] = {}
        for note in root.iterchildren(*w_tags(element_name)):
            if (w_attr(note, "type") or "normal") not in _SKIPPED_NOTES:
                notes.setdefault(w_attr(note, "id") or "", note)
        marked = [note_id for note_id in self._note_marks[kind] if note_id in notes]
        order = list(dict.fromkeys(marked + list(notes)))
        for number, note_id in enumerate(order, start=1):
            self._walk_story(notes[note_id], f"{name}{number}", part)

    # -- blocks ------------------------------------------------------------------------------

    def _blocks(self, container: Iterable[Any], top: bool = False) -> None:
        for child in container:
            if top and isinstance(child.tag, str):
                self._note_sections(child)
            code = _BLOCK.get(child.tag) if isinstance(child.tag, str) else _BLOCK_SKIP
            if code == _P:
                self._paragraph(child)
            elif code == _TBL:
                self._table(child)
            elif code == _SDT:
                content = child.find(_SDT_CONTENT[0])
                if content is None:
                    content = child.find(_SDT_CONTENT[1])
                if content is not None:
                    self._sdts += 1
                    self._blocks(content)
                    self._sdts -= 1
            elif code == _ALT:
                branch = _choice_of(child)
                if branch is not None:
                    self._blocks(branch)
            elif code is None and len(child):
                self._blocks(child)  # w:customXml and other wrappers of blocks

    def _table(self, table: Any) -> None:
        if self._in_body:
            self._table_count += 1
            self._tables.append(self._table_count)
            self._cells_at.append([0, 0])
        self._rows(table)
        if self._in_body:
            self._tables.pop()
            self._cells_at.pop()

    def _rows(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag in _TR:
                row_pr = child.find(_TRPR[0] if tag == _TR[0] else _TRPR[1])
                if row_pr is None or row_pr.find(_DEL[0] if tag == _TR[0] else _DEL[1]) is None:
                    if self._in_body and self._cells_at:
                        self._cells_at[-1][:] = [self._cells_at[-1][0] + 1, 0]
                    self._cells(child)  # a row deleted with tracked changes is not shown
            elif isinstance(tag, str) and _BLOCK.get(tag) in (None, _SDT) and len(child):
                self._rows(child)  # w:sdt, w:sdtContent, w:customXml around rows

    def _cells(self, row: Any) -> None:
        for child in row:
            tag = child.tag
            if tag in _TC:
                if self._in_body and self._cells_at:
                    self._cells_at[-1][1] += 1
                self._blocks(child)
            elif isinstance(tag, str) and (_BLOCK.get(tag) in (None, _SDT)) and len(child):
                self._cells(child)

    # -- paragraphs --------------------------------------------------------------------------

    def _paragraph(self, paragraph: Any) -> None:
        texts: list[str] = []
        pieces: list[list[Any]] = []
        boxes: list[Any] = []
        self._inline(paragraph, texts, pieces if self.keep_map else None, boxes)
        ppr = paragraph.find(_PPR[0])
        if ppr is None:
            ppr = paragraph.find(_PPR[1])
        style_el = None if ppr is None else w_child(ppr, "pStyle")
        style_id = None if style_el is None else w_attr(style_el, "val")
        style = self.styles.get(style_id)
        label = self.numbering.label(read_num_pr(ppr), style_id or self.styles.default_id, style)
        outline = read_outline_level(ppr)
        if outline is None and style is not None:
            outline = style.outline_level
        info = DocxParagraph(
            number=self.count + 1,
            text="".join(texts),
            label=label,
            location=self._location(),
            style=style.name if style is not None else style_id,
            outline_level=outline + 1 if outline is not None and 0 <= outline < 9 else None,
            cell=self._cell(),
        )
        # Word takes comments in the main story only; LibreOffice drops the commented text of a
        # paragraph inside a block content control, so those get the highlight alone too.
        commentable = self._in_body and not self._boxes and not self._sdts
        self.count += 1
        element = paragraph if self.keep_map else None
        read = ReadParagraph(info, self._part, element, pieces, commentable)
        if self.sink is not None:
            self.sink(read)
        else:
            self.paragraphs.append(read)
        for box in boxes:
            self._text_box(box)

    def _cell(self) -> tuple[int, int] | None:
        if not self._in_body or self._boxes or not self._cells_at:
            return None
        row, column = self._cells_at[-1]
        return (row, column)

    def _location(self) -> str:
        if not self._in_body:
            return self._story
        if self._boxes:
            return "文本框"
        if self._tables:
            return _table_name(self._tables[-1])
        return "内容控件" if self._sdts else "正文"

    def _text_box(self, box: Any) -> None:
        fields, hidden = self._fields, self._hidden
        self._fields, self._hidden = [], 0
        self._boxes += 1
        self._blocks(box)
        self._boxes -= 1
        self._fields, self._hidden = fields, hidden

    def _inline(
        self, parent: Any, texts: list[str], pieces: list[list[Any]] | None, boxes: list[Any]
    ) -> None:
        for child in parent:
            tag = child.tag
            code = _INLINE.get(tag) if isinstance(tag, str) else _SKIP
            if code is None:
                if len(child):
                    self._inline(child, texts, pieces, boxes)
                continue
            if code == _SKIP:
                continue
            if code == _FIELD:
                self._field_char(w_attr(child, "fldCharType"))
                continue
            if code == _ALT:
                branch = _choice_of(child)
                if branch is not None:
                    self._inline(branch, texts, pieces, boxes)
                continue
            if self._hidden:
                continue
            if code == _TEXT:
                text = child.text
            elif code == _TAB:
                text = "\t"
            elif code == _BREAK:
                text = "\n"
            elif code == _HYPHEN:
                text = "-"
            elif code == _SYM:
                text = _symbol(w_attr(child, "char"))
            elif code == _BOX:
                boxes.append(child)
                continue
            else:  # a footnote or endnote mark: its number is drawn, not part of the text
                if self._in_body:
                    kind = "footnotes" if code == _FOOTREF else "endnotes"
                    self._note_marks[kind].append(w_attr(child, "id") or "")
                continue
            if text:
                texts.append(text)
                if pieces is not None:
                    pieces.append([child, text])

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(False)
            self._hidden += 1
        elif kind == "separate":
            if self._fields and not self._fields[-1]:
                self._fields[-1] = True
                self._hidden -= 1
        elif kind == "end" and self._fields and not self._fields.pop():
            self._hidden -= 1


@functools.cache
def _table_name(number: int) -> str:
    """``表格N``, one string per table however many paragraphs name it."""
    return f"表格{number}"


def _symbol(code: str | None) -> str:
    """A ``w:sym`` as one character (symbol fonts map to the private use area; kept as is)."""
    try:
        return chr(int(code or "", 16))
    except (ValueError, OverflowError):
        return "\ufffd"


def open_and_read(
    path: Path, keep_map: bool = False, sink: Callable[[ReadParagraph], None] | None = None
) -> DocxReader:
    """Open ``path`` and read it; every failure becomes a :class:`UsageError`."""
    package = DocxPackage(path)
    try:
        reader = DocxReader(package, keep_map, sink)
        reader.read()
    except RecursionError as error:
        raise UsageError(
            Problem(
                "文件结构嵌套过深，无法读取，疑似损坏或恶意构造。",
                str(path),
                hint="请在 Word 中打开后另存为 .docx 再试",
            )
        ) from error
    finally:
        package.close()
    return reader


def read_docx(path: Path) -> list[DocxParagraph]:
    """The paragraphs of the .docx at ``path`` in reading order (see :class:`DocxParagraph`)."""
    return [paragraph.info for paragraph in open_and_read(Path(path)).paragraphs]


def each_docx_paragraph(path: Path, sink: Callable[[DocxParagraph], None]) -> None:
    """Hand each paragraph of ``read_docx(path)`` to ``sink`` as it is read, keeping none."""
    open_and_read(Path(path), sink=lambda paragraph: sink(paragraph.info))
