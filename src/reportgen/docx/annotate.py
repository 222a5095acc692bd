"""Annotating a copy of a draft: each mark's text highlighted and, where Word allows, commented.

Word accepts comments only in the main story, so a mark in the body, a table, a hyperlink or an
inline content control gets a yellow highlight and a comment (author "reportgen") holding its
message; a mark in a header, footer, footnote, endnote or text box gets the highlight only. So does
a mark in a block-level content control: LibreOffice (and so WPS users' colleagues) drops the
commented text there. A text box is stored twice (DrawingML
and a VML fallback for old readers); the highlight goes into the DrawingML copy that Word and
LibreOffice show.

Marks may cross run boundaries: runs are split at the marks' offsets, each piece keeping its run
properties. The source is never written; the copy is written whole (temp file + rename) with fixed
zip timestamps, so the same draft and marks give the same bytes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from copy import deepcopy
from pathlib import Path
from typing import Any, BinaryIO

from reportgen.docx.model import Mark
from reportgen.docx.read.reader import DocxReader, ReadParagraph
from reportgen.errors import Problem, UsageError
from reportgen.ooxml.names import (
    CONTENT_TYPES,
    PKG_RELS,
    W_STRICT,
    XML_SPACE,
    w_attr,
    w_namespace_of,
    w_tags,
)
from reportgen.ooxml.package import DocxPackage, Relationship
from reportgen.textio import XML_FORBIDDEN

AUTHOR = "reportgen"
HIGHLIGHT = "yellow"
_COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_COMMENTS_REL = {
    False: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
    True: "http://purl.oclc.org/ooxml/officeDocument/relationships/comments",
}
# w:rPr children that must come after w:highlight (CT_RPr is a sequence; Word checks the order).
_AFTER_HIGHLIGHT = {
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath", "rPrChange",
}  # fmt: skip
# Elements that may hold runs and comment range markers side by side.
_RUN_CONTAINERS = {
    "p", "hyperlink", "ins", "moveTo", "sdtContent", "fldSimple", "smartTag", "customXml",
    "dir", "bdo",
}  # fmt: skip
_W_RUNS = w_tags("r")


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def annotate_docx(source: Path, out: Path, marks: Sequence[Mark]) -> None:
    """Write a copy of ``source`` to ``out`` with every mark highlighted and commented.

    ``marks`` refer to :func:`read_docx`'s paragraph numbers and text offsets. A mark with an
    empty or out-of-range span is a caller's bug and raises ``ValueError``. An unreadable source,
    ``out`` naming the source itself, or an unwritable ``out`` raise :class:`UsageError`; an
    existing ``out`` (not the source) is replaced — whether that is wanted is the caller's call.
    """
    import tempfile

    from reportgen.ooxml.xml import serialize

    _refuse_overwriting_source(source, out)
    by_paragraph: dict[int, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (m.paragraph, m.start, m.end)):
        by_paragraph.setdefault(mark.paragraph, []).append(mark)
    changed: set[str] = set()
    # The body is streamed: each block is marked as it is read and written at once to a
    # temporary file, so a long draft's tree is never held whole.
    with DocxPackage(source) as package, tempfile.TemporaryFile() as body:
        comments = _Comments(package)

        def mark_paragraph(paragraph: ReadParagraph) -> None:
            for mark in by_paragraph.get(paragraph.info.number, ()):
                _check_span(paragraph, mark)
                runs = _split_runs(_isolate(paragraph.pieces, mark.start, mark.end))
                for run in runs:
                    if run.tag in _W_RUNS:  # a math run (m:r) has no w:highlight; left as it is
                        _highlight(run)
                changed.add(paragraph.part)
                if paragraph.commentable and runs:
                    comments.add(paragraph.element, runs, f"{mark.message}（{mark.rule}）")

        reader = DocxReader(package, keep_map=True, sink=mark_paragraph, body_out=body)
        comments.main_rels = reader.main_rels
        try:
            reader.read()
        except RecursionError as error:
            raise UsageError(
                Problem(
                    "文件结构嵌套过深，无法读取。",
                    str(source),
                    hint="请在 Word 中另存为 .docx 再试",
                )
            ) from error
        beyond = [number for number in by_paragraph if not 1 <= number <= reader.count]
        if beyond:
            raise ValueError(f"mark for paragraph {beyond[0]}, document has {reader.count}")
        main = package.main_part
        replaced: dict[str, bytes | BinaryIO] = {
            part: serialize(reader.roots[part]) for part in changed if part != main
        }
        if main in changed:
            body.seek(0)
            replaced[main] = body
        replaced.update(comments.finish())
        _write_zip(package, replaced, out)


def _refuse_overwriting_source(source: Path, out: Path) -> None:
    same = source.resolve() == out.resolve() or (
        out.exists() and source.exists() and os.path.samefile(source, out)
    )
    if same:
        raise UsageError(
            Problem(
                "批注稿不能写回原稿本身。",
                str(out),
                hint="请给 --annotate 另指定一个文件名，例如在原名后加“-批注”",
            )
        )


def _check_span(paragraph: ReadParagraph, mark: Mark) -> None:
    if not 0 <= mark.start < mark.end <= len(paragraph.info.text):
        raise ValueError(
            f"mark [{mark.start}, {mark.end}) outside paragraph {mark.paragraph} "
            f"of {len(paragraph.info.text)} characters"
        )


def _isolate(pieces: list[list[Any]], start: int, end: int) -> list[Any]:
    """The elements that show exactly ``[start, end)``, splitting ``w:t`` text at the ends.

    ``pieces`` is updated in place so later marks in the same paragraph map correctly.
    """
    covered: list[Any] = []
    offset = 0
    index = 0
    while index < len(pieces):
        element, text = pieces[index]
        low, high = offset, offset + len(text)
        if high <= start:
            offset, index = high, index + 1
            continue
        if low >= end:
            break
        cut_from, cut_to = max(start, low) - low, min(end, high) - low
        if (cut_from, cut_to) != (0, len(text)):
            pieces[index : index + 1] = _split_text(element, text, cut_from, cut_to)
            continue  # look at the first piece again, now aligned with the mark
        covered.append(element)
        offset, index = high, index + 1
    return covered


def _split_text(element: Any, text: str, cut_from: int, cut_to: int) -> list[list[Any]]:
    parts = [p for p in (text[:cut_from], text[cut_from:cut_to], text[cut_to:]) if p]
    pieces = [[element, parts[0]]]
    element.text = parts[0]
    element.set(XML_SPACE, "preserve")
    previous = element
    for part in parts[1:]:
        new = element.makeelement(element.tag, {XML_SPACE: "preserve"})
        new.text = part
        previous.addnext(new)
        pieces.append([new, part])
        previous = new
    return pieces


def _split_runs(covered: list[Any]) -> list[Any]:
    """Split each run holding covered elements so they sit in runs of their own; those runs."""
    wanted = set(covered)
    runs: list[Any] = []
    for element in covered:
        run = element.getparent()
        if run is not None and (not runs or runs[-1] is not run) and run not in runs:
            runs.append(run)
    marked: list[Any] = []
    for run in runs:
        props = [c for c in run if _local(c) == "rPr"]
        content = [c for c in run if _local(c) != "rPr"]
        groups: list[tuple[bool, list[Any]]] = []
        for child in content:
            flag = child in wanted
            if groups and groups[-1][0] == flag:
                groups[-1][1].append(child)
            else:
                groups.append((flag, [child]))
        current = run
        for number, (flag, children) in enumerate(groups):
            if number:
                new = run.makeelement(run.tag, dict(run.attrib))
                new.extend(deepcopy(p) for p in props)
                new.extend(children)  # moves them out of the original run
                current.addnext(new)
                current = new
            if flag:
                marked.append(current)
    return marked


def _highlight(run: Any) -> None:
    from reportgen.ooxml.xml import make

    namespace = run.tag[1:].split("}", 1)[0]
    props = next((c for c in run if _local(c) == "rPr"), None)
    if props is None:
        props = make("rPr", ns=namespace)
        run.insert(0, props)
    for old in [c for c in props if _local(c) == "highlight"]:
        props.remove(old)
    mark = make("highlight", {"val": HIGHLIGHT}, ns=namespace)
    later = next((c for c in props if _local(c) in _AFTER_HIGHLIGHT), None)
    if later is None:
        props.append(mark)
    else:
        later.addprevious(mark)


class _Comments:
    """The comments part of the copy: the draft's own comments kept, ours appended."""

    def __init__(self, package: DocxPackage) -> None:
        self.package = package
        self.main_rels: dict[str, Relationship] = {}
        self.w: str | None = None  # the document's w: namespace, from the first paragraph marked
        self.root: Any = None
        self.part: str | None = None
        self.created = False
        self.next_id = 0
        self._opened = False

    def _open(self) -> None:
        """The draft's own comments part, once the first comment is added."""
        self._opened = True
        rel = next((r for r in self.main_rels.values() if r.kind == "comments"), None)
        package = self.package
        if rel is not None and not rel.external and package.has(rel.target):
            self.part = package.real_name(rel.target)
            self.root = package.xml(self.part)
            ids = [int(i) for c in self.root if (i := w_attr(c, "id")) and i.lstrip("-").isdigit()]
            self.next_id = max(ids, default=-1) + 1

    def add(self, paragraph: Any, runs: list[Any], message: str) -> None:
        from reportgen.ooxml.xml import add, make

        if not self._opened:
            self._open()
        w = self.w = self.w or w_namespace_of(paragraph)
        if self.root is None:
            self.root = make("comments", ns=w, nsmap={"w": w})
            self.created = True
        comment_id = str(self.next_id)
        self.next_id += 1
        start = make("commentRangeStart", {"id": comment_id}, ns=w)
        end = make("commentRangeEnd", {"id": comment_id}, ns=w)
        _anchor(runs[0], paragraph).addprevious(start)
        _anchor(runs[-1], paragraph).addnext(end)
        reference = make("r", ns=w)
        add(reference, "commentReference", {"id": comment_id}, ns=w)
        top = end
        while top.getparent() is not paragraph:
            top = top.getparent()
        top.addnext(reference)

        comment = add(
            self.root, "comment", {"id": comment_id, "author": AUTHOR, "initials": "RG"}, ns=w
        )
        body = add(comment, "p", ns=w)
        add(add(body, "r", ns=w), "annotationRef", ns=w)
        text = add(add(body, "r", ns=w), "t", {XML_SPACE: "preserve"}, ns=w)
        text.text = XML_FORBIDDEN.sub("", message)

    def finish(self) -> dict[str, bytes]:
        """The parts to write: comments, and when the part is new, its relationship and type."""
        if self.root is None or (not self.created and self.part is None):
            return {}
        from reportgen.ooxml.xml import serialize

        if not self.created:
            return {self.part or "": serialize(self.root)} if len(self.root) else {}
        main = self.package.main_part
        folder = main.rsplit("/", 1)[0] + "/" if "/" in main else ""
        name = next(
            f"{folder}comments{suffix}.xml"
            for suffix in ("", "-reportgen", "-reportgen2")
            if not self.package.has(f"{folder}comments{suffix}.xml")
        )
        return {
            name: serialize(self.root),
            **self._add_relationship(main, name),
            **self._add_content_type(name),
        }

    def _add_relationship(self, main: str, part: str) -> dict[str, bytes]:
        from reportgen.ooxml.xml import add, make, serialize

        folder, file_name = main.rsplit("/", 1) if "/" in main else ("", main)
        rels_part = f"{folder}/_rels/{file_name}.rels" if folder else f"_rels/{file_name}.rels"
        if self.package.has(rels_part):
            rels_part = self.package.real_name(rels_part)
            root = self.package.xml(rels_part)
        else:
            root = make("Relationships", ns=PKG_RELS, nsmap={None: PKG_RELS})
        taken = {rel.get("Id") for rel in root}
        rel_id = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        add(
            root,
            "Relationship",
            {
                "Id": rel_id,
                "Type": _COMMENTS_REL[self.w == W_STRICT],  # set: a comment was added
                "Target": part[len(folder) + 1 :] if folder else part,
            },
            ns=root.tag[1:].split("}", 1)[0],
        )
        return {rels_part: serialize(root)}

    def _add_content_type(self, part: str) -> dict[str, bytes]:
        from reportgen.ooxml.xml import add, serialize

        name = "[Content_Types].xml"
        if not self.package.has(name):
            return {}
        name = self.package.real_name(name)
        root = self.package.xml(name)
        add(
            root,
            "Override",
            {"PartName": f"/{part}", "ContentType": _COMMENTS_TYPE},
            ns=CONTENT_TYPES,
        )
        return {name: serialize(root)}


def _anchor(run: Any, paragraph: Any) -> Any:
    """The run itself, or its nearest ancestor that may stand beside comment range markers."""
    node = run
    while node.getparent() is not None and node.getparent() is not paragraph:
        if _local(node.getparent()) in _RUN_CONTAINERS:
            break
        node = node.getparent()
    return node


def _write_zip(package: DocxPackage, replaced: Mapping[str, bytes | BinaryIO], out: Path) -> None:
    from reportgen.ooxml.zipwrite import write_zip
    from reportgen.outputs import write_atomically

    names: list[str] = []
    for info in package.infos:
        if info.filename not in names and not info.is_dir():
            names.append(info.filename)
    names += [name for name in replaced if name not in names]
    entries = ((name, replaced[name] if name in replaced else package.read(name)) for name in names)
    write_atomically(out, lambda stream: write_zip(stream, entries, compress=True))
