"""The 纪要格式 (GB/T 9704-2012 10.3) within the formal format: a kind with ``minutes: true``.

Its mark is the meeting's name + 纪要, and 出席、请假、列席 lines (黑体 labels, names aligned)
take the place of the 署名 and 成文日期.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from reportgen.layouts.base import Composer
from reportgen.layouts.formal_checks import names

#: The fields of the attendance lines and their labels, in order.
ATTENDANCE = (("attendees", "出席"), ("on_leave", "请假"), ("observers", "列席"))


def mark(name: str) -> str:
    """The 纪要's 发文机关标志: the name with 纪要 once."""
    return name if name.endswith("纪要") else name + "纪要"


def attendance(report: Any, composer: Composer) -> Iterator[Any]:
    for key, label in ATTENDANCE:
        people = names(getattr(report, key))
        if people:
            block = composer.block("attendance", "，".join(people), (key,))
            yield block.replace(number=f"{label}：")


def scaffold_lines() -> list[str]:
    return [
        "# 出席、请假、列席：每人一项，可带单位或职务",
        "attendees:",
        "  - 【待补：出席人员】",
        "# 请假人员（可选），可注明原因，如 张三（出差）",
        "on_leave: []",
        "# 列席人员（可选）",
        "observers: []",
        "",
    ]
