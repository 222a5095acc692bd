"""The page values of the formal formats, read from ``gbt9704-formal.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Value:
    value: float | str
    clause: str
    strength: str
    note: str = ""


@lru_cache(maxsize=1)
def profile() -> dict[str, Value]:
    """Every value by name, with its clause and strength."""
    from ruamel.yaml import YAML

    text = (resources.files("reportgen.formal") / "gbt9704-formal.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    return {name: Value(**entry) for name, entry in data.items()}


def number(name: str) -> float:
    value = profile()[name].value
    assert isinstance(value, int | float), name
    return float(value)


def text(name: str) -> str:
    return str(profile()[name].value)
