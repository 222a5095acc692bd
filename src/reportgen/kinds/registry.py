"""The registry of report kinds: the built-in kind files plus the folders a bureau adds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import InputError, Problem, UsageError
from reportgen.kinds.listing import BUILTIN, KIND_SUFFIXES, kind_files

if TYPE_CHECKING:
    from reportgen.kinds.spec import KindSpec
    from reportgen.yamlio.source import SourceMap

__all__ = ["KIND_SUFFIXES", "Kind", "Registry", "load_kind_file", "load_registry", "parse_kind"]


class Kind:
    """A report kind: its spec (from a kind file) and the model built from it."""

    def __init__(self, spec: KindSpec, origin: str) -> None:
        self.spec = spec  # or its plain record (:mod:`reportgen.kinds.prepared`)
        self.origin = origin  # the kind file, for messages

    def __repr__(self) -> str:
        return f"Kind({self.id!r}, {self.origin!r})"

    @property
    def id(self) -> str:
        return self.spec.id

    @cached_property
    def model(self) -> Any:
        from reportgen.kinds.models import build_model

        return build_model(self.spec)


class Registry:
    """The kinds by id. A built-in kind's file is named by its id and read when first asked
    for, so a command that renders one kind does not read and validate all of them."""

    def __init__(self, builtin_ids: Iterable[str], kinds: Iterable[Kind] = ()) -> None:
        self._builtin: dict[str, Kind | None] = dict.fromkeys(builtin_ids)
        self._kinds: dict[str, Kind] = {}
        for kind in kinds:
            first = self._kinds.get(kind.id)
            if first is not None or kind.id in self._builtin:
                where = first.origin if first else f"内置类型 {kind.id}"
                raise InputError(
                    Problem(
                        f"类型编号 {kind.id} 重复：{where} 中已定义",
                        kind.origin,
                        hint="给新的类型换一个编号（id）",
                    )
                )
            self._kinds[kind.id] = kind

    def __iter__(self) -> Iterator[Kind]:
        yield from (self.get(kind_id) for kind_id in self._builtin)
        yield from self._kinds.values()

    def ids(self) -> list[str]:
        return [*self._builtin, *self._kinds]

    def get(self, kind_id: str, *, source: Problem | None = None) -> Kind:
        if kind_id in self._kinds:
            return self._kinds[kind_id]
        if kind_id in self._builtin:
            kind = self._builtin[kind_id]
            if kind is None:
                kind = self._builtin[kind_id] = _builtin(f"{kind_id}.yaml")
            return kind
        known = "、".join(self.ids())
        where = source or Problem("")
        error = InputError if source else UsageError
        raise error(
            Problem(
                f"没有名为“{kind_id}”的报告类型",
                where.path,
                where.line,
                where.column,
                f"可用的类型：{known}（reportgen kinds 可查看说明）",
            )
        )


def load_registry(kind_dirs: Iterable[str | Path] = ()) -> Registry:
    """The built-in kinds followed by those in ``kind_dirs``."""
    kinds: list[Kind] = []
    for folder in kind_dirs:
        kinds.extend(_folder(Path(folder)))
    return Registry(builtin_names(), kinds)


def builtin_names() -> list[str]:
    """The ids of the built-in kinds, in order."""
    names = (name for name in os.listdir(BUILTIN) if name.endswith(".yaml"))
    return [name.removesuffix(".yaml") for name in sorted(names)]


def builtin_bytes(kind_id: str) -> bytes:
    """The bytes of the built-in kind file of ``kind_id``."""
    with open(os.path.join(BUILTIN, f"{kind_id}.yaml"), "rb") as file:
        return file.read()


def _builtin(name: str) -> Kind:
    with open(os.path.join(BUILTIN, name), encoding="utf-8") as file:
        return parse_kind(file.read(), f"<内置>/{name}")


def _folder(folder: Path) -> list[Kind]:
    if not folder.is_dir():
        raise UsageError.at(
            "类型文件夹不存在", folder, hint="检查 --kinds 或配置文件中的 kinds 路径"
        )
    return [load_kind_file(path) for path in kind_files(folder)]


def load_kind_file(path: Path) -> Kind:
    from reportgen.textio import read_text

    return parse_kind(read_text(path), str(path))


def parse_kind(text: str, origin: str) -> Kind:
    from reportgen.kinds.spec import KindSpec
    from reportgen.yamlio.validation import validate

    data, source = kind_data(text, origin)
    return Kind(validate(KindSpec, data, source), origin)


def kind_data(text: str, origin: str) -> tuple[dict[str, Any], SourceMap]:
    """What the kind file ``text`` holds, not yet validated, and where each value is."""
    from reportgen.yamlio.source import SourceMap, parse_yaml, require_mapping

    if origin.endswith(".toml"):
        data, source = _parse_toml(text, origin), SourceMap(origin)
    else:
        data, source = parse_yaml(text, origin)
    return require_mapping(data, source), source


def _parse_toml(text: str, origin: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        import re

        # Python 3.11 gives the place only in the message: "… (at line 1, column 8)".
        place = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        message = re.sub(r"\s*\(at line.*\)", "", str(exc))
        line, column = (int(place[1]), int(place[2])) if place else (None, None)
        raise InputError(
            Problem(f"TOML 格式错误（{message}）", origin, line, column, "检查引号和方括号是否成对")
        ) from None
