"""文种: the kinds of document a 公文 title ends with (……的汇报, ……的通知)."""

from __future__ import annotations

from reportgen import patterns

#: The 文种 a title names last, as the title breaker keeps them whole. The statutory ones of the
#: 党政机关公文处理工作条例 that reports use, and the names offices use for reports and briefs.
DOC_TYPES = ("汇报", "报告", "请示", "通知", "意见", "总结", "方案", "简报", "纪要", "批复", "函")

#: Every 文种 a title may end with, for telling what a draft is: the fifteen of the 条例 and the
#: names offices give their reports, briefs and speeches.
ALL_DOC_TYPES = (
    *DOC_TYPES,
    *(
        "通报",
        "决定",
        "公告",
        "通告",
        "命令",
        "议案",
        "公报",
        "决议",
        "规划",
        "讲话",
        "计划",
        "要点",
    ),
)
_TRAILING_NOTE = patterns.compile(r"[（(][^（）()]*[）)]$")


def doc_type_of(title: str) -> str | None:
    """The 文种 a title ends with: ……的通知 → 通知; a note in brackets at the end is skipped."""
    title = _TRAILING_NOTE.sub("", title.strip(" 　")).rstrip(" 　")
    return next((word for word in ALL_DOC_TYPES if title.endswith(word)), None)
