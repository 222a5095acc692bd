"""Lint settings from ``[tool.reportgen.lint]`` in pyproject.toml or ``[lint]`` in .reportgen.toml.

The settings file that applies is found by :func:`reportgen.settings.settings_file`, upward from
the linted file. Options given on the command line win over the file.
"""

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from reportgen.errors import UsageError
from reportgen.lint.findings import SEVERITIES

KEYS = ("select", "ignore", "fail-on")


class LintConfig(NamedTuple):
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    origin: str | None = None  # the file the settings came from


def config_for(path: Path) -> LintConfig:
    """The settings that apply to ``path`` (a file or a folder)."""
    folder = path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    return _config_in(folder)


def forget_configs() -> None:
    """Forget the files read so far; one lint run reads each folder's settings once."""
    _config_in.cache_clear()


@lru_cache(maxsize=1024)
def _config_in(folder: Path) -> LintConfig:
    from reportgen.settings import settings_file

    found = settings_file(folder)
    if found is None:
        return LintConfig()
    path, table = found
    keys = ("lint",) if path.name == ".reportgen.toml" else ("tool", "reportgen", "lint")
    return _parse(path, table.get("lint", {}), keys)


def _parse(path: Path, table: object, keys: tuple[str, ...]) -> LintConfig:
    if not isinstance(table, dict):
        raise UsageError.at(f"配置项 [{'.'.join(keys)}] 应为表", path)
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise UsageError.at(
            f"配置项 [{'.'.join(keys)}] 中有未知的键：{'、'.join(unknown)}",
            path,
            hint="可用的键：select、ignore、fail-on",
        )
    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise UsageError.at(
            f"fail-on 的取值“{fail_on}”无效", path, hint="可选：error、warning、info"
        )
    select = table.get("select")
    return LintConfig(
        select=None if select is None else _rule_list(select, "select", path),
        ignore=_rule_list(table.get("ignore", []), "ignore", path),
        fail_on=fail_on,
        origin=str(path),
    )


def _rule_list(value: object, key: str, path: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError.at(f"配置项 {key} 应为规则编号的列表", path, hint='例如 ["placeholder"]')
    return tuple(value)
