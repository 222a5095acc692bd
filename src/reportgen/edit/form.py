"""The form of a kind, as the page draws it: each field with its 中文名, guidance and type.

Titles and guidance come from the kind's model (the same words the JSON Schema gives editors), so
a kind file a bureau adds gets its form, own fields included, without any code.
"""

from __future__ import annotations

from typing import Any

#: How the page edits each built-in field; a kind's own fields take their type from the kind.
_WIDGETS = {
    "title": "line",
    "recipient": "line",
    "issuer": "line",
    "brief_name": "line",
    "editor": "line",
    "issue_no": "integer",
    "date": "date",
    "preamble": "paragraphs",
    "closing": "paragraphs",
    "figures": "figures",
    "distribution": "group",
}
_OWN_WIDGETS = {"text": "line", "number": "number", "integer": "integer", "date": "date"}


def describe(kind: Any) -> dict[str, Any]:
    """The form of ``kind`` (a :class:`reportgen.kinds.registry.Kind`) as JSON-ready data."""
    spec = kind.spec
    own = {field.key: field for field in spec.fields}
    fields = []
    for key, info in kind.model.model_fields.items():
        if key == "kind":
            continue
        entry: dict[str, Any] = {
            "key": key,
            "name": info.title or key,
            "help": info.description or "",
            "required": info.is_required(),
        }
        if key in own:
            entry["widget"] = _OWN_WIDGETS[own[key].type]
            entry["help"] = own[key].guidance or f"正文中写 {{{{ {key} }}}} 引用"
        elif key == "sections":
            entry.update(_sections(spec))
        else:
            entry["widget"] = _WIDGETS.get(key, "line")
        if entry["widget"] == "group":
            entry["parts"] = _group_parts(info)
        fields.append(entry)
    return {"kind": spec.id, "name": spec.name, "layout": spec.layout, "fields": fields}


def _sections(spec: Any) -> dict[str, Any]:
    from reportgen.layouts import get as get_layout

    return get_layout(spec.layout).section_form(spec)


def _group_parts(info: Any) -> list[dict[str, str]]:
    model = _model_of(info.annotation)
    return [
        {"key": key, "name": part.title or key, "help": part.description or "", "widget": "line"}
        for key, part in model.model_fields.items()
    ]


def _model_of(annotation: Any) -> Any:
    """The model inside ``X | None``."""
    from typing import get_args

    for candidate in (annotation, *get_args(annotation)):
        if hasattr(candidate, "model_fields"):
            return candidate
    raise TypeError(f"no model in {annotation!r}")  # pragma: no cover - kinds define it
