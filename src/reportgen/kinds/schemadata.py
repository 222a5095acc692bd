"""A pydantic model's compiled validation, kept as data and used without importing pydantic.

pydantic builds a model's validator from its *core schema*, a tree of plain values and a few
Python objects: the model classes (pydantic-core makes an instance of each without calling
``__init__``), the check functions and the default factories. :func:`encode` writes that tree
as JSON, each model class as a plain record class to make (:mod:`reportgen.kinds.records`: its
name, its fields' titles, its plain mixins) and each function as a reference to a function in
one of :data:`PLAIN_MODULES`, which import no pydantic; :func:`validator` reads it back and
builds pydantic-core's validator from it. Only those modules' functions (and ``list``/``dict``)
can be named: the data may come from a user-writable cache, so it can build records and call
our own checks, nothing else. Anything :func:`encode` does not know refuses to be encoded
(:class:`NotPlain`), so a model with a check that has no plain copy is never prepared.

pydantic-core's extension is loaded on its own (:func:`core`): its package ``__init__``
imports its Python-side schema helpers and ``typing_extensions``, which cost more than the
whole validation.
"""

from __future__ import annotations

import sys
from typing import Any

#: The modules whose functions a prepared schema may call: checks without pydantic.
PLAIN_MODULES = (
    "reportgen.kinds.checks",
    "reportgen.kinds.figuredata",
    "reportgen.layouts.formal_checks",
)
_BUILTINS = {"list": list, "dict": dict}
_EXTENSION = "pydantic_core._pydantic_core"
#: The form of the encoded data; any change to :func:`encode` or :func:`decode` bumps it.
FORM = 1


class NotPlain(ValueError):
    """Part of a core schema that has no plain, pydantic-free form."""


def encode(model: Any) -> dict[str, Any]:
    """``model``'s core schema and validator config as JSON-ready data (needs pydantic)."""
    from pydantic._internal._config import ConfigWrapper

    config = ConfigWrapper(model.model_config).core_config(title=model.__name__)
    refs: dict[str, str] = {}
    return {
        "form": FORM,
        "schema": _encode(model.__pydantic_core_schema__, refs),
        "config": _encode(dict(config), refs),
    }


def _encode(value: Any, refs: dict[str, str]) -> Any:
    from pydantic import BaseModel

    if isinstance(value, dict):
        encoded: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or key.startswith("$"):
                raise NotPlain(f"key {key!r}")
            if key == "metadata":
                continue  # pydantic's own notes (JSON Schema); the validator ignores them
            if key in {"ref", "schema_ref"}:
                encoded[key] = refs.setdefault(item, f"{item.partition(':')[0]}#{len(refs)}")
            elif key == "cls" and isinstance(item, type) and issubclass(item, BaseModel):
                encoded[key] = {"$record": _record(item)}
            elif (
                key == "default_factory" and isinstance(item, type) and issubclass(item, BaseModel)
            ):
                encoded[key] = {"$empty": encode(item)}
            else:
                encoded[key] = _encode(item, refs)
        return encoded
    if isinstance(value, list):
        return [_encode(item, refs) for item in value]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotPlain(repr(value))
        return value
    return _function(value)


def _record(model: Any) -> dict[str, Any]:
    from pydantic import BaseModel

    mixins = [
        _name(base)
        for base in model.__mro__[1:]
        if base is not object and not issubclass(base, BaseModel) and base.__module__ != "typing"
    ]
    titles = {key: info.title for key, info in model.model_fields.items()}
    return {"name": model.__name__, "fields": titles, "mixins": mixins}


def _function(value: Any) -> dict[str, Any]:
    import functools

    from pydantic._internal import _validators

    if isinstance(value, functools.partial) and not value.args:
        if value.func is _validators.min_length_validator:
            return {"$py": "reportgen.kinds.checks:min_length", "kwargs": dict(value.keywords)}
        raise NotPlain(repr(value))
    for name, builtin in _BUILTINS.items():
        if value is builtin:
            return {"$py": f"builtins:{name}"}
    return {"$py": _name(value)}


def _name(value: Any) -> str:
    module, qualname = getattr(value, "__module__", None), getattr(value, "__qualname__", "")
    if module not in PLAIN_MODULES or _resolve(f"{module}:{qualname}") is not value:
        raise NotPlain(f"{module}.{qualname}")
    return f"{module}:{qualname}"


def _resolve(name: str) -> Any:
    import importlib

    module, _, qualname = name.partition(":")
    if module == "builtins" and qualname in _BUILTINS:
        return _BUILTINS[qualname]
    if module not in PLAIN_MODULES or not qualname:
        raise NotPlain(name)
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        if part.startswith("__"):
            raise NotPlain(name)
        found = getattr(found, part)
    return found


def validator(data: Any) -> Any:
    """pydantic-core's validator for data :func:`encode` made; raises on anything else."""
    if not isinstance(data, dict) or data.get("form") != FORM:
        raise NotPlain("form")
    classes: dict[str, type] = {}
    return core().SchemaValidator(
        _decode(data["schema"], classes), _decode(data["config"], classes)
    )


def _decode(value: Any, classes: dict[str, type]) -> Any:
    if isinstance(value, list):
        return [_decode(item, classes) for item in value]
    if not isinstance(value, dict):
        return value
    if "$py" in value:
        function = _resolve(value["$py"])
        kwargs = value.get("kwargs")
        if kwargs is None:
            return function
        import functools

        return functools.partial(function, **kwargs)
    if "$record" in value:
        return _record_class(value["$record"], classes)
    if "$empty" in value:
        import functools

        return functools.partial(validator(value["$empty"]).validate_python, {})
    return {key: _decode(item, classes) for key, item in value.items()}


def _record_class(data: dict[str, Any], classes: dict[str, type]) -> type:
    from reportgen.kinds.records import record_class

    name, titles, mixins = data["name"], data["fields"], data["mixins"]
    key = repr((name, titles, mixins))
    if key not in classes:
        classes[key] = record_class(name, titles, tuple(_resolve(m) for m in mixins))
    return classes[key]


def core() -> Any:
    """pydantic-core's extension module, loaded without its package ``__init__`` and
    registered under its own name, so a later ``import pydantic`` finds it (a Rust extension
    cannot be initialised twice). The normal import when it is already there or anything
    about its files is unexpected."""
    module = sys.modules.get(_EXTENSION)
    if module is not None:
        return module
    try:
        return _load_extension()
    except Exception:  # any surprise: the ordinary import decides
        sys.modules.pop(_EXTENSION, None)
        import pydantic_core

        return pydantic_core._pydantic_core


def _load_extension() -> Any:
    import importlib.machinery
    import importlib.util
    import os

    package = importlib.util.find_spec("pydantic_core")
    if package is None or not package.origin or not package.submodule_search_locations:
        raise ImportError("pydantic_core")
    folder = os.path.dirname(package.origin)
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = os.path.join(folder, "_pydantic_core" + suffix)
        if os.path.isfile(path):
            break
    else:
        raise ImportError("pydantic_core extension")
    loader = importlib.machinery.ExtensionFileLoader(_EXTENSION, path)
    spec = importlib.util.spec_from_file_location(_EXTENSION, path, loader=loader)
    if spec is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[_EXTENSION] = module
    loader.exec_module(module)
    sys.meta_path.insert(0, _BindOnImport())
    return module


class _BindOnImport:
    """Sets ``pydantic_core._pydantic_core`` on the package when it is imported later, as the
    import of the extension through the package would have (one already in ``sys.modules``
    is not bound to its package again)."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "pydantic_core":
            return None
        import importlib.util

        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_bind(module: Any) -> None:
            exec_module(module)
            module._pydantic_core = sys.modules[_EXTENSION]

        loader.exec_module = exec_and_bind  # type: ignore[method-assign]
        return spec


def core_version() -> str:
    """The version of pydantic-core's extension (loading it as :func:`core` does)."""
    return str(core().__version__)
