"""The day a scaffold is made on, as ``reportgen new`` writes it: the 成文日期 and 印发日期
fields as YAML takes them (2026-11-29) and the year in the 发文字号's brackets (2026).

A scaffold is made for a real day (:meth:`Day.of`) or for :data:`MARKED`, whose texts are
markers; :func:`fill` puts a real day's texts where the markers stand, so a scaffold made
once (and remembered) is written right on any later day. (Apart from
:mod:`reportgen.gongwen.dates`, which compiles patterns when imported: ``new`` fills a
remembered scaffold without importing ``re``.)
"""

from __future__ import annotations

import time

TYPE_CHECKING = False  # not typing's: see reportgen.cli.commands
if TYPE_CHECKING:
    import datetime as dt


class Day:
    """A day's texts in a scaffold."""

    __slots__ = ("iso", "year")

    def __init__(self, iso: str, year: str) -> None:
        self.iso = iso  # a date field's value: 2026-11-29
        self.year = year  # the 发文字号's year: 2026

    @classmethod
    def of(cls, day: dt.date) -> Day:
        return cls.on(day.year, day.month, day.day)

    @classmethod
    def on(cls, year: int, month: int, day: int) -> Day:
        return cls(f"{year:04d}-{month:02d}-{day:02d}", str(year))  # date.isoformat()'s form

    @classmethod
    def today(cls) -> Day:
        """Today, the day ``datetime.date.today()`` gives (local time), without importing
        datetime."""
        now = time.localtime()
        return cls.on(now.tm_year, now.tm_mon, now.tm_mday)


#: The markers a remembered scaffold holds in place of a day. A kind file's text cannot hold
#: them (the YAML reader refuses U+0000); :func:`markable` checks a scaffold all the same.
MARKED = Day("\0日期\0", "\0年份\0")


def fill(text: str, day: Day) -> str:
    """``text``, made for :data:`MARKED`, as it is made for ``day``."""
    return text.replace(MARKED.iso, day.iso).replace(MARKED.year, day.year)


def markable(marked: str, real: str, day: Day) -> bool:
    """Whether ``marked`` (a text made for :data:`MARKED`) gives ``real`` (the same text made
    for ``day``) on ``day``, and so on any day: false only when the text had a marker of its
    own (a kind file in TOML may spell U+0000)."""
    return "\0" not in real and fill(marked, day) == real
