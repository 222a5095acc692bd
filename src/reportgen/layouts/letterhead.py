"""The bureau's settings for formal 公文: where the red rule of its pre-printed 红头 paper is.

In ``.reportgen.toml`` (or ``[tool.reportgen]`` of ``pyproject.toml``)::

    letterhead_rule_mm = 80.5   # 预印红头纸上红色分隔线距版心上边缘的毫米数
"""

from __future__ import annotations

from pathlib import Path

from reportgen.errors import UsageError

LETTERHEADS = ("printed", "preprinted")


def check_letterhead(value: str) -> None:
    if value not in LETTERHEADS:
        raise UsageError.at(
            f"--letterhead 不认识“{value}”",
            None,
            hint="printed：印出红头（默认）；preprinted：用已印好红头的公文纸，版头留空",
        )


def letterhead_rule_mm(folder: Path) -> float | None:
    """The settings' ``letterhead_rule_mm`` upward from ``folder``, or None for the default."""
    from reportgen.settings import settings_file

    found = settings_file(folder)
    if found is None or "letterhead_rule_mm" not in found[1]:
        return None
    path, table = found
    value = table["letterhead_rule_mm"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 40 <= value <= 200:
        raise UsageError.at(
            "配置项 letterhead_rule_mm 应是 40 到 200 之间的毫米数",
            path,
            hint="量一量红头纸上红色分隔线到版心上边缘（纸张上边缘下 37 毫米）的距离",
        )
    return float(value)
