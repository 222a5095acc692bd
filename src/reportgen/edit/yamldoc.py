"""The clerk's YAML as the page edits it: plain data out, the same file back with only the edits.

The page holds the report as plain JSON data. Saving merges that data into the file's round-trip
tree (ruamel.yaml), so every comment, the key order and each value's quoting stay where the clerk
or ``reportgen new`` put them, and a value that did not change is written exactly as it was read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from typing import Any

Loc = tuple[str | int, ...]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long line of Chinese
    yaml.indent(mapping=2, sequence=4, offset=2)  # as `reportgen new` and `import` write lists
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "")
    )
    return yaml


def load(text: str) -> Any:
    """The round-trip tree of ``text`` (raises ruamel's YAMLError on a syntax error)."""
    return _yaml().load(text)


def dump(tree: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


def plain(node: Any) -> Any:
    """The tree as JSON-ready data: mappings, lists, strings, numbers, dates as ISO text."""
    if isinstance(node, dict):
        return {str(key): plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain(item) for item in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def merged(text: str, data: Any) -> str:
    """``text`` with its values replaced by ``data``, comments and formatting kept."""
    tree = load(text) if text.strip() else None
    return dump(merge(tree, data))


def merge(old: Any, new: Any) -> Any:
    """``new`` written over ``old``: containers updated in place, unchanged scalars kept as read."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(new, dict) and isinstance(old, CommentedMap):
        for key in [key for key in old if key not in new]:
            _forget_key(old, key)
        for index, (key, value) in enumerate(new.items()):
            if key in old:
                end = _end_comment(old[key])
                old[key] = merge(old[key], value)
                if end is not None:
                    _keep_at_end(old, key, end)
            else:
                old.insert(index, key, merge(None, value))
        if not old:
            old.fa.set_flow_style()
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        if new and not old:
            old.fa.set_block_style()  # `[]` filled in: one item a line, as the rest of the file
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = merge(old[index], value)
            else:
                old.append(merge(None, value))
        del old[len(new) :]
        if not old:
            old.fa.set_flow_style()  # an empty block list is written `[]`, and must be told so
        return old
    if isinstance(new, list) and isinstance(old, str) and all(isinstance(v, str) for v in new):
        return _text(old, "\n".join(new))  # a text field written as one string stays one
    if isinstance(new, dict):
        fresh = CommentedMap()
        for key, value in new.items():
            fresh[key] = merge(None, value)
        return fresh
    if isinstance(new, list):
        return CommentedSeq([merge(None, value) for value in new])
    return _scalar(old, new)


def _scalar(old: Any, new: Any) -> Any:
    if isinstance(new, str) and (isinstance(old, dt.date) or old is None) and _ISO_DATE.match(new):
        with contextlib.suppress(ValueError):
            new = dt.date.fromisoformat(new)
    if plain(old) == plain(new) and type(plain(old)) is type(plain(new)):
        return old  # keeps the quoting, the number's spelling, the block style
    if isinstance(new, str):
        return _text(old, new)
    return new


def _text(old: Any, new: str) -> Any:
    from ruamel.yaml.scalarstring import LiteralScalarString

    if new.strip() and ("\n" in new.strip() or isinstance(old, LiteralScalarString)):
        return LiteralScalarString(new.strip("\n") + "\n")
    if old is not None and type(old) is not str and isinstance(old, str):
        return type(old)(new)  # the same quotes as before
    return new


def _forget_key(mapping: Any, key: Any) -> None:
    """Delete ``key`` and the comment lines above it. ruamel hangs the comment lines above a key
    on the value before it, so the deleted key's own lines (those above the next key) are handed
    to the key before, in place of the lines that described the deleted one."""
    keys = list(mapping)
    position = keys.index(key)
    after = mapping.ca.items.get(key)
    del mapping[key]
    if position == 0:
        return
    entry = mapping.ca.items.get(keys[position - 1])
    if not entry or len(entry) < 3 or entry[2] is None:
        if after and len(after) > 2 and after[2] is not None:
            mapping.ca.items.setdefault(keys[position - 1], [None, None, None, None])[2] = after[2]
        return
    own_line = entry[2].value.split("\n", 1)[0]  # a comment at the end of the value's line
    following = after[2].value.split("\n", 1)[1] if after and after[2] is not None else ""
    entry[2].value = own_line + "\n" + following


def _end_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where comment lines after ``node``'s last value hang: (container, key or index, slot)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and node:
        key, slot = list(node)[-1], 2
    elif isinstance(node, CommentedSeq) and node:
        key, slot = len(node) - 1, 0
    else:
        return None
    return _end_slot(node[key]) or (node, key, slot)


def _end_comment(node: Any) -> Any:
    """The comment token after ``node``'s last value (the lines above what follows it)."""
    slot = _end_slot(node)
    while slot is not None:
        container, key, index = slot
        entry = container.ca.items.get(key)
        if entry and len(entry) > index and entry[index] is not None:
            return entry[index]
        return None
    return None


def _keep_at_end(mapping: Any, key: Any, token: Any) -> None:
    """After items were added or removed under ``mapping[key]``, the comment lines that stood
    after its last value (they describe the next key) go after its new last value."""
    if _end_comment(mapping[key]) is token:
        return
    _detach(mapping[key], token)
    slot = _end_slot(mapping[key])
    if slot is None:
        mapping.ca.items.setdefault(key, [None, None, None, None])[2] = token
        return
    container, inner, index = slot
    entry = container.ca.items.setdefault(inner, [None] * (4 if index == 2 else 2))
    entry[index] = token


def _detach(node: Any, token: Any) -> None:
    from ruamel.yaml.comments import CommentedBase

    if not isinstance(node, CommentedBase):
        return
    for entry in node.ca.items.values():
        for index, item in enumerate(entry):
            if item is token:
                entry[index] = None
    children: Any = node.values() if isinstance(node, dict) else node
    for child in children:
        _detach(child, token)


def places(text: str) -> list[tuple[int, int, Loc]]:
    """Every key and value of ``text`` as (line, column, loc), 1-based, in reading order."""
    found: list[tuple[int, int, Loc]] = [(1, 1, ())]

    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def walk(node: Any, loc: Loc) -> None:
        if isinstance(node, CommentedMap):
            for key in node:
                key_line, key_col, value_line, value_col = node.lc.data[key]
                found.append((key_line + 1, key_col + 1, (*loc, str(key))))
                found.append((value_line + 1, value_col + 1, (*loc, str(key))))
                walk(node[key], (*loc, str(key)))
        elif isinstance(node, CommentedSeq):
            for index, item in enumerate(node):
                line, column = node.lc.data[index]
                found.append((line + 1, column + 1, (*loc, index)))
                walk(item, (*loc, index))

    walk(load(text), ())
    return sorted(found, key=lambda entry: (entry[0], entry[1]))


def loc_at(table: list[tuple[int, int, Loc]], line: int | None, column: int | None) -> Loc:
    """The deepest key or value that starts at or before ``line``:``column``."""
    if line is None:
        return ()
    best: Loc = ()
    for entry_line, entry_column, loc in table:
        if (entry_line, entry_column) > (line, column or 10**6):
            break
        if entry_line == line and column is None and best and len(loc) < len(best):
            continue
        best = loc
    return best
