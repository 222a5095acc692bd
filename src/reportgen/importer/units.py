"""Units in a brief: paragraphs that open with the name of a 司, 局, 处, 街道 … and its progress.

A 工作简报 gives one item to each unit: ``城市建设司：全力推进……`` (or, copied from a web page
where the name was a bold heading, ``城市建设司城市建设司全力推进……``), then its measures, then a
``截至目前，……`` paragraph with the figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"[\u4e00-\u9fffXＸ（）()]"  # XX科: a unit still to name
_SUFFIX = r"(?:办公室|委员会|街道|中心|公司|[司局处科室办厅委社院所站队部镇乡])"
# Words that open a sentence, not a unit's name: 会同中国建设报社组织…… is a measure.
_NOT_NAME = r"(?!会同|指导|组织|督促|推动|推进|召开|举办|开展|赴|在|与|对|按|向|由|经|各|全|我|本|据|将|从|为|以|结合|围绕|聚焦|通过|目前|截至)"
_VERBS = (
    r"(?:全力|积极|有序|扎实|认真|深入|持续|大力|着力|加快|加强|加大|推进|推动|开展|组织|围绕|"
    r"聚焦|坚持|强化|狠抓|公布|完成|制定|制订|建立|出台|召开|成立|印发|启动|实施|专门)"
)
_DOUBLED = re.compile(rf"^{_NOT_NAME}(?P<unit>{_NAME}{{1,18}}?{_SUFFIX})(?P=unit)")
_COLON = re.compile(rf"^{_NOT_NAME}(?P<unit>{_NAME}{{1,18}}?{_SUFFIX})[：:]")
_PLAIN = re.compile(rf"^{_NOT_NAME}(?P<unit>{_NAME}{{1,14}}?{_SUFFIX})(?={_VERBS})")
_PROGRESS = re.compile(r"^(?:截至|截止)(?:目前|今年|当前|本月|本周|\d)")
_PROGRESS_NOW = re.compile(r"^(?:截至|截止)目前")


@dataclass(frozen=True)
class UnitStart:
    unit: str
    rest: str  # the headline after the name (and its colon)
    doubled: bool


def unit_start(text: str, *, plain: bool = True) -> UnitStart | None:
    """The unit a paragraph opens with, if it opens an item; ``plain`` also takes names that
    run straight into a verb (``住房保障司积极推进……``)."""
    for pattern, doubled in ((_DOUBLED, True), (_COLON, False), (_PLAIN, False)):
        if pattern is _PLAIN and not plain:
            continue
        found = pattern.match(text)
        if found:
            return UnitStart(found.group("unit"), text[found.end() :].lstrip(" 　"), doubled)
    return None


def is_progress(text: str) -> bool:
    """Whether a paragraph reports progress (``截至目前，…``, ``截至9月底，…``)."""
    return bool(_PROGRESS.match(text))


def says_so_far(text: str) -> bool:
    """Whether a paragraph opens with 截至目前 (the mark of a progress brief)."""
    return bool(_PROGRESS_NOW.match(text))
