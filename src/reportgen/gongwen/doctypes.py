"""文种: the kinds of document a 公文 title ends with (……的汇报, ……的通知)."""

from __future__ import annotations

#: The 文种 a title names last, as the title breaker keeps them whole. The statutory ones of the
#: 党政机关公文处理工作条例 that reports use, and the names offices use for reports and briefs.
DOC_TYPES = ("汇报", "报告", "请示", "通知", "意见", "总结", "方案", "简报", "纪要", "批复", "函")
