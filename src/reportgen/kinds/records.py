"""Plain records: what a prepared validator (:mod:`reportgen.kinds.schemadata`) builds where
pydantic builds a model instance.

pydantic-core fills a record as it fills a model (it makes the object without calling
``__init__`` and sets its ``__dict__``); the record's class carries what the render code reads
from a model's class, ``model_fields`` (name → title, in the model's order), and the model's
plain mixins (a figure's :class:`~reportgen.kinds.figuredata.FigureText`).
"""

from __future__ import annotations

from typing import Any, ClassVar


class RecordField:
    """What a record's class says of one field: its title (a model's ``FieldInfo.title``)."""

    __slots__ = ("title",)

    def __init__(self, title: str | None) -> None:
        self.title = title


class Record:
    """A validated record: its fields are attributes, as a model instance's are."""

    model_fields: ClassVar[dict[str, RecordField]] = {}

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in self.model_fields)
        return f"{type(self).__name__}({shown})"


def as_data(value: Any) -> Any:
    """``value`` with every record in it turned into a dict of its fields (what pydantic's
    ``model_dump`` gives for a model): for comparing the two."""
    if isinstance(value, Record):
        return {key: as_data(getattr(value, key)) for key in value.model_fields}
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_data(item) for item in value]
    return value


def record_class(name: str, titles: dict[str, str | None], bases: tuple[type, ...]) -> type:
    """A record class named ``name`` (the model's) with fields ``titles``, in order."""
    fields = {key: RecordField(title) for key, title in titles.items()}
    namespace: dict[str, Any] = {"model_fields": fields, "__module__": __name__}
    return type(name, (*bases, Record), namespace)
