"""Finding unfilled slots: what a drafter or a template leaves where a figure, name or date goes.

This is the one detector, shared by ``lint`` (rule ``placeholder``), ``render`` (highlighting,
the list of unfilled figures and ``--strict``) and ``import``. It works on plain text;
``markdown=True`` additionally reads Markdown emphasis, escapes and code spans the way a
Markdown reader would. Every pattern starts with one character class and has bounded or
negated-class repeats only, so any text is scanned in linear time; context is judged in
Python on the few candidates.

Shapes (``kind``) and the rule of thumb for each:

* ``star``: runs of ``*``/``＊``, also as ``*.**``, ``**.*``, ``*,***``. Emphasis, bullets and
  separator lines are not slots (``**重点**``, ``* 条目``, ``******``); a run where a figure goes
  (``共**项``, ``**%``) is, even inside a bold pair (``**第*期**``: the inner ``*``).
* ``x``: runs of ``X``/``x``/``Ｘ``/``×``, also ``X,XXX`` and ``X.X``. Two or more stand for a
  name or figure anywhere in Chinese text (``XX领导小组``, ``主持人：XXX``, ``XXX、XXX``); one
  only before a measure word, unit or date unit, or after ``第`` (``X个``, ``第X期``), and a lone
  ``×`` only before 年月日号. Never next to ASCII letters, digits or ``+``/``-``/``=``
  (``415X``, ``1+N+X``, ``3×3``, ``×100%``, ``iPhone X``), except the year ``20XX``. A date
  ``XXXX年XX月XX日`` (and ``X月X日``) is one slot.
* ``underscore``: blanks left for a figure (``共___项``), not ``__init__``.
* ``note``: a bracket that tells the drafter what to write: it holds 待补/待定/待核/暂缺/此处/TODO
  (``【待补：…】`` of any length on its line), starts with an instruction (``[此处输入标题]``,
  ``（请填写…）``, ``（说明本阶段…）``, ``（或：商洽）``; also when cut off by the line's end),
  is only the name of what goes there (``（单位名称）``, ``（具体内容）``, ``（目的/原因）``,
  ``[收件人地址]``, a template's ``【发文机关】``), or is a round bracket standing alone on
  its line where a paragraph goes (``（会议讨论的主要事项及结论）``). A bracket that explains
  the text around it (``（待遇标准另发）``, ``（以下简称…）``), a standing line real documents
  carry (``（草案）``, ``（此件公开发布）``, ``（本文有删减）``, a date or a colon inside) and a
  web page's buttons (``[打印本页]``) are not.
* ``tag``: un-rendered template tags ``{{ 名称 }}``, ``{% … %}``, and their keyboard slips:
  full-width ``｛｛ 名称 ｝｝`` and single ``{ 名称 }`` around a Chinese name.
* ``blank``: an empty slot in a fixed frame: ``第  号``, ``〔2020〕号`` (no number),
  ``〔 〕``, ``    年  月  日``.
* ``box``: ``□□``, ``○○`` standing for a name (one ``□`` is a check box; ``二○二五`` a year).
* ``quote``: a unit in Chinese quotes after a figure, ``96.8“%”`` (a YAML ``unit: “%”``).

A stale but real date (``2019年3月5日``), ``数据要素×``, ``X光``, ``PM2.5``, ``5A级``,
``二〇二五年`` are not slots.
"""

# Full-width look-alikes of ASCII signs are what drafters type: matching them is the point.
# ruff: noqa: RUF001, RUF002, RUF003

import bisect
import re
import unicodedata
from array import array
from collections.abc import Iterator
from typing import NamedTuple

from reportgen import patterns
from reportgen.patterns import LazyPattern


class PlaceholderMatch(NamedTuple):
    start: int  # 0-based character offset in the text
    end: int  # exclusive
    text: str
    kind: str = "star"  # star | x | underscore | note | tag | blank | box | quote


# Words that follow a figure, a date part or a name: measure words, units, date units and
# administrative units. A single X before one of these stands where a figure or name goes.
_UNIT = (
    r"(?:小时|小区|公里|公顷|公斤|公司|平方|社区|街道|单位|同志|部门|中心|季度|学期|千克|"
    r"[个项万亿千百元人次名家户件处所座台辆套间栋条批期届年月日号天周时分秒岁倍米亩吨份篇本场"
    r"轮类位支市县区局省镇乡村街路楼层厅委办科室组队校院章节款稿%％‰])"
)
_X_CHARS = "XxＸｘ×"
_X = f"[{_X_CHARS}]"
_X_RUN = rf"{_X}{_X}*(?:[,，]{_X}{{3}}(?!{_X}))*(?:,{_X}+)*(?:[.．]{_X}+)*"
_BLANK = "[ \u3000]"

_TAG = r"[{｛](?:[{｛][^\n]{0,200}?[}｝][}｝]|%[^\n]{0,200}?%\}|[^{}｛｝\n]{1,40}[}｝])"
_BRACKET = (
    r"【[^【】\n]{0,400}】|[\[［][^\[\]［］\n]{0,80}[\]］]"
    r"|[（(][^（）()\n]{0,80}[）)]|〔[^〔〕\n]{0,80}〕"
    # a bracket cut off by the end of a line or an ellipsis: (简要说明事项的背…
    r"|[（(][^（）()\n]{2,80}?(?=\.\.\.|…|\n|$)"
)
_STAR = r"[*＊][*＊]*(?:[.,．][*＊]+)*"
# X runs, a date of X runs as one (XXXX年XX月XX日, X月X日)
_X_SLOT = rf"{_X_RUN}(?:年{_X_RUN}月(?:{_X_RUN}日)?|月{_X_RUN}日)?"
_UNDERSCORE = r"[_＿][_＿]*"
_BLANK_SLOT = rf"第{_BLANK}+号|年{_BLANK}+月{_BLANK}+日"
_BOX = r"[□○][□○]*"
_QUOTE = r"“(?:%|％|‰|万元|亿元|万|亿|元|个|人|户|项|家)”"

# One pattern per shape, each starting with a single character class or literal (not a
# repeat) so the regex engine skips ahead quickly, with the strings one of which every match
# holds: a text without them is not scanned for that shape at all (a substring test is many
# times faster than the engine stepping through a class), nor is the pattern compiled.
# Earlier shapes win where candidates start at the same place ({{ *.** }} is one tag).
_SHAPES = (
    ("tag", LazyPattern(_TAG), ("{", "｛")),
    ("note", LazyPattern(_BRACKET), ("【", "[", "［", "（", "(", "〔")),
    ("star", LazyPattern(_STAR), ("*", "＊")),
    ("x", LazyPattern(_X_SLOT), tuple(_X_CHARS)),
    ("underscore", LazyPattern(_UNDERSCORE), ("_", "＿")),
    ("blank", LazyPattern(_BLANK_SLOT), (" 号", "\u3000号", " 日", "\u3000日")),
    ("box", LazyPattern(_BOX), ("□", "○")),
    ("quote", LazyPattern(_QUOTE), ("“",)),
)
_PRIORITY = {kind: index for index, (kind, _, _) in enumerate(_SHAPES)}

# Patterns that judge one kind of candidate are compiled when such a candidate is first seen.
# What a bracket holds when it is a note to the drafter (see the module docs).
_NOTE_MARK = LazyPattern(
    r"待[补定核填确更查完审议]|暂缺|暂无数据|需要说明的|此处|TODO|TBD|FIXME", re.IGNORECASE
)
# A template's part labels in 【】: 【发文机关】, 【正文】.
_PART_LABEL = LazyPattern(
    r"(?:发文|主送|抄送|印发|成文)?(?:机关|单位)(?:名称|署名)?|正文|标题|发文字号|文号|签发人"
    r"|成文日期|印发日期|附件(?:说明|名称)?|主题词|落款|署名|日期"
)
# Whole-line parentheticals that real documents carry: （草案）, （此件公开发布）, （试行）.
_STANDING_NOTE = LazyPattern(
    r"此件|本件|本文|编者|以下|草案|征求意见|试行|送审|暂行|修订|摘要|全文|续|完"
)
# An instruction to the drafter: 此处…, 请填写…, （简要说明…）, （客观反映…）, （或：商洽）.
_INSTRUCTION = LazyPattern(
    r"此处|在此|请(?:填写|输入|填入|选择|插入|补充)|点击|单击|输入|填入|或[：:]"
    r"|(?:可|请|需|须|应)?(?:简要|简单|具体|详细|詳細|客观|主要|重点)?"
    r"(?:说明|說明|介绍|介紹|总结|反映|提出|写明|写清|写出|列出|列明|阐述|概述|描述|叙述|注明|概括|交代)"
    r"(?![：:])"
)
# Choices to pick from: （目的/原因）, [收件人姓名/职务].
_CHOICES = LazyPattern(r"[\u4e00-\u9fff]{1,10}(?:/[\u4e00-\u9fff]{1,10})+")
_SLOT_NAME = LazyPattern(
    r"[\u4e00-\u9fff]{1,6}名称|具体(?:内容|事项|事由|时间|日期|地点|措施|情况|做法|数字|数据)"
    r"|姓名|职务|(?:发文)?字号|文号|(?:文件|报告|会议)?标题|正文|联系(?:人|电话|方式)"
    r"|[\u4e00-\u9fff]{0,4}(?:日期|时间|地点|金额|数量|人数)"
    r"|[\u4e00-\u9fff]{0,6}内容(?:第[一二三四五六七八九十]{1,3}[条项点])?"
)
# A slot name heading an instruction: （具体的请示内容，要求明确、具体）.
_SLOT_HEAD = LazyPattern(r"[\u4e00-\u9fff]{0,6}内容[，,：:]")
# Square brackets around a few Chinese words stand for text in Chinese drafts: [收件人地址].
_SQUARE_SLOT = LazyPattern(r"[\u4e00-\u9fff/、]{2,20}")
# …but not a web page's buttons copied with its text: [打印本页] [关闭窗口].
_WEB_CHROME = LazyPattern(
    r"打印|关闭|收藏|返回|顶部|字体|字号|分享|下载|纠错|保存|窗口|首页|上一篇|下一篇|扫一扫"
)
# Bracketed words that name a time or place but are no slot: （北京时间）.
_NOT_SLOT = frozenset({"北京时间", "当地时间", "介绍信"})
# Empty frames found before the shapes (they win over a shape starting at the same place).
_EMPTY_FRAMES = (
    (LazyPattern(rf"〔(?:\d{{4}}|20{_X}{_X})〕{_BLANK}*号"), ("〔",)),
    # A year whose month and day were left out: 二○一二年月日.
    (LazyPattern(r"[\d〇○零一二三四五六七八九]{4}年月日"), ("年月日",)),
)
_PAIRS = {"【": "】", "[": "]", "［": "］", "（": "）", "(": ")", "〔": "〕"}
_CJK = LazyPattern(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_HAN_NUMERAL = frozenset("〇○零一二三四五六七八九十")
_SENTENCE_PUNCT = frozenset("，。；！？,;")
_MATH = frozenset("+-=/^<>＋－＝")

_FIGURE_AFTER = patterns.compile(r"[.,．][*＊]|[%％‰]")
_UNIT_AFTER = patterns.compile(_UNIT)
# A list bullet, a pair of emphasis delimiters, separator lines and code: markup, not slots.
# A pair's pattern starts with its delimiter (the look-behind that the delimiter does not go
# on a longer run comes after it) so the engine jumps from one delimiter to the next.
_STAR_PAIR = patterns.compile(r"(\*(?<![*\\]\*)\*{0,2})(?=[^\s*])([^*\n]+?)(?<=[^\s\\])\1(?!\*)")
# Bold around text that holds single stars: **第*期**.
_BOLD_PAIR = patterns.compile(
    r"(\*(?<![*\\]\*)\*)(?=[^\s*])((?:[^*\n]|\*(?!\*))+?)(?<=[^\s\\*])\*\*(?!\*)"
)
_UNDERSCORE_PAIR = patterns.compile(
    r"(_(?<![_\w]_)_{0,2})(?=[^\s_])([^_\n]+?)(?<=[^\s])\1(?![_\w])"
)
_PAIR_PATTERNS = ((_BOLD_PAIR, "**"), (_STAR_PAIR, "*"), (_UNDERSCORE_PAIR, "_"))
_SEPARATOR_LINE = patterns.compile(r"[ \t]*(?:[*＊_＿\-=~][ \t]*){3,}")
_BULLET = patterns.compile(r"[ \t　]*([*＊])[ \t]")
_CODE = patterns.compile(r"^```.*?^```[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
# Characters that announce a figure: 共**项, 约**个, 第**批, 2**万.
_FIGURE_LEAD = frozenset("共约达近超逾第计余至占0123456789")
_X_SET = frozenset(_X_CHARS)


def find_placeholders(text: str, *, markdown: bool = False) -> list[PlaceholderMatch]:
    """Return the placeholders in ``text`` in order; offsets count characters."""
    return list(iter_placeholders(text, markdown=markdown))


#: Characters of a long text looked at a time (cut after a line end): a draft of 300,000
#: placeholders is never held as candidates at once.
WINDOW = 1 << 16


def iter_placeholders(
    text: str, *, markdown: bool = False, window: int = WINDOW
) -> Iterator[PlaceholderMatch]:
    """The placeholders of :func:`find_placeholders`, found a window of whole lines at a time
    (no slot spans a line end; Markdown's code blocks do, so Markdown is read whole)."""
    markup = _Markup(text, markdown)
    covered = 0
    start = 0
    while start < len(text):
        end = len(text) if markdown else text.find("\n", start + window) + 1 or len(text)
        for found in _placeholders_in(text, start, end, markup, covered):
            covered = found.end
            yield found
        start = end


def _placeholders_in(
    text: str, pos: int, endpos: int, markup: "_Markup", covered: int
) -> list[PlaceholderMatch]:
    """The placeholders that start in ``text[pos:endpos]``, judged against the whole text."""
    candidates = [
        (match.start(), _PRIORITY[kind], match.end(), kind)
        for kind, pattern, needles in _SHAPES
        if any(text.find(needle, pos, endpos) >= 0 for needle in needles)
        for match in pattern.finditer(text, pos, endpos)
    ]
    candidates.extend(
        (match.start(), -1, match.end(), "blank")
        for pattern, needles in _EMPTY_FRAMES
        if any(text.find(needle, pos, endpos) >= 0 for needle in needles)
        for match in pattern.finditer(text, pos, endpos)
    )
    if not candidates:
        return []
    candidates.sort()
    found: list[PlaceholderMatch] = []
    for start, _, end, kind in candidates:
        if start < covered:
            continue
        span = _judge(text, start, end, kind, markup)
        if span is None:
            continue
        start, end, kind = span
        found.append(PlaceholderMatch(start, end, text[start:end], kind))
        covered = end
    return found


def _judge(
    text: str, start: int, end: int, kind: str, markup: "_Markup"
) -> tuple[int, int, str] | None:
    """The slot a candidate stands for (its span may change), or None if it is no slot."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if kind == "note":
        return _judge_bracket(text, start, end)
    if kind == "tag":
        inner = text[start + 1 : end - 1]
        double = text[start + 1] in "{｛%"
        if double or (_CJK.search(inner) and not _SENTENCE_PUNCT.intersection(inner)):
            return start, end, kind
        return None
    if kind == "x":
        return (start, end, kind) if _x_is_slot(text, start, end, before, after) else None
    if kind == "underscore":
        if end - start < 2 and text[start] == "_":
            return None  # _blank: one ASCII underscore is no blank to fill
        if _is_ascii_alnum(before) or _is_ascii_alnum(after):
            return None  # __init__, a__b
        return None if markup.skips(start) else (start, end, kind)
    if kind == "blank":
        if text[start] == "年" and not (before.isspace() or before in "：:"):
            return None  # 2025年 3月: a written year, not a blank frame
        return start, end, kind
    if kind == "box":
        if end - start < 2 or before in _HAN_NUMERAL or after in _HAN_NUMERAL:
            return None  # □ a check box; 二○二五 a year
        return start, end, kind
    if kind == "quote":
        return (start, end, kind) if before.isdigit() or before in "*＊Xx" else None
    if not _star_is_placeholder(before, after, end - start, markup.markdown):
        return None
    return None if markup.skips(start) else (start, end, kind)


def _judge_bracket(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    opener, closer = text[start], text[end - 1]
    closed = _PAIRS.get(opener) == closer
    inner = text[start + 1 : end - 1 if closed else end].strip(" \u3000")
    if opener == "〔" and not inner and closed:
        return start, end, "blank"
    if not closed:  # cut off: only an unmistakable instruction counts
        return (start, end, "note") if _INSTRUCTION.match(inner) else None
    if opener == "【" and _PART_LABEL.fullmatch(inner):
        return start, end, "note"
    if opener in "（(" and _stands_alone(text, start, end, inner):
        return start, end, "note"
    if (
        _NOTE_MARK.search(inner)
        or _INSTRUCTION.match(inner)
        or (_SLOT_NAME.fullmatch(inner) and inner not in _NOT_SLOT)
        or _SLOT_HEAD.match(inner)
        or _CHOICES.fullmatch(inner)
        or (opener in "[［" and _SQUARE_SLOT.fullmatch(inner) and not _WEB_CHROME.search(inner))
    ):
        return start, end, "note"
    return None


def _stands_alone(text: str, start: int, end: int, inner: str) -> bool:
    """A bracketed phrase that is a whole line where text goes: （会议讨论的主要事项及结论）.
    Not the parentheticals real documents carry on their own line (（草案）, （此件公开发布）,
    （2026年1月15日在…）, notes with a colon or a sentence)."""
    line_start = text.rfind("\n", max(0, start - 8), start) + 1
    if start - line_start > 8 or text[line_start:start].strip(" \u3000\t"):
        return False  # (the distance first: with no line break near, line_start is 0)
    line_end = text.find("\n", end, end + 8)
    tail = text[end : line_end if line_end >= 0 else min(len(text), end + 8)]
    if tail.strip(" \u3000\t。") or (line_end < 0 and end + 8 < len(text)):
        return False
    return (
        4 <= len(inner) <= 40
        and _CJK.match(inner) is not None
        and not any(char.isdigit() or char in "：:。；;" for char in inner)
        and _STANDING_NOTE.match(inner) is None
    )


def _x_is_slot(text: str, start: int, end: int, before: str, after: str) -> bool:
    run = text[start:end]
    letters = sum(char in _X_SET for char in run)
    if _is_ascii_letter(before) or before in _X_SET or _is_ascii_alnum(after):
        return False  # Windows XP, iPhone X
    if before.isdigit() and after in _MATH:  # 20xx-320404: a year in a code
        return letters == 2 and text[max(0, start - 2) : start] in ("19", "20")
    if before in _MATH or after in _MATH:
        return False  # 1+N+X, ×100%
    if before.isdigit():
        # 20XX, 〔20XX〕: a year; 415X, 3×3: a code or a product
        return (
            letters >= 2
            and text[max(0, start - 2) : start] in ("19", "20")
            and (start < 3 or not text[start - 3].isdigit())
        )
    if letters >= 2:
        return True
    if run == "×" or run == "x":
        # a lone × is mostly a sign (数据要素×, 2×10万); a lone x mostly a variable
        return before == "第" or after in "年月日号"
    return before == "第" or _UNIT_AFTER.match(text, end) is not None


class _Markup:
    """Star and underscore runs that are markup (emphasis, bullets, separators, code)."""

    def __init__(self, text: str, markdown: bool) -> None:
        self.text = text
        self.markdown = markdown
        self._lines_done: set[int] = set()
        self._skip: set[int] = set()
        self._line_starts: array[int] | None = None
        if markdown and "`" in text:
            for code in _CODE.finditer(text):
                self._skip.update(range(code.start(), code.end()))

    def skips(self, offset: int) -> bool:
        if self._line_starts is None:  # found once: an rfind per candidate is quadratic
            self._line_starts = array("q", [0])  # machine integers: a .docx has many lines
            self._line_starts.extend(m.end() for m in re.finditer("\n", self.text))
        line_start = self._line_starts[bisect.bisect_right(self._line_starts, offset) - 1]
        if line_start not in self._lines_done:
            self._lines_done.add(line_start)
            self._scan_line(line_start)
        return offset in self._skip

    def _scan_line(self, line_start: int) -> None:
        text, skip = self.text, self._skip
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _SEPARATOR_LINE.fullmatch(line):
            skip.update(range(line_start, line_start + len(line)))
            return
        bullet = _BULLET.match(line)
        if bullet:
            skip.add(line_start + bullet.start(1))
        for pattern, delimiter in _PAIR_PATTERNS:
            if delimiter not in line:
                continue  # (the patterns start with a look-behind: slow to scan a long line)
            for pair in pattern.finditer(line):
                if _is_emphasis(line, pair, self.markdown):
                    skip.add(line_start + pair.start(1))
                    skip.add(line_start + pair.end(2))


def _is_emphasis(text: str, pair: re.Match[str], markdown: bool) -> bool:
    """Whether a delimiter pair reads as emphasis rather than two placeholders."""
    open_start, open_end = pair.span(1)
    close_start, close_end = pair.span(2)[1], pair.end()
    before = text[open_start - 1] if open_start else " "
    after = text[close_end] if close_end < len(text) else " "
    # CommonMark flanking: the opening run must lean on its text, the closing run too.
    if _is_punct(text[open_end]) and not _is_boundary(before):
        return False
    if _is_punct(text[close_start - 1]) and not _is_boundary(after):
        return False
    if (
        _FIGURE_AFTER.match(text, open_end)
        or _FIGURE_AFTER.match(text, pair.end())
        or (before in _FIGURE_LEAD and _UNIT_AFTER.match(text, open_end))
    ):
        return False  # 共**项，增长**% : the runs stand where figures go
    # Plain text has no emphasis syntax: only a pair set off from the words around it reads so.
    return markdown or (_is_boundary(before) and _is_boundary(after))


def _is_boundary(char: str) -> bool:
    return char.isspace() or _is_punct(char)


def _is_punct(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _star_is_placeholder(before: str, after: str, length: int, markdown: bool) -> bool:
    if _is_ascii_letter(before) or _is_ascii_letter(after):
        return False  # *args, Top*, a*b
    if before.isdigit() and after.isdigit():
        return False  # 3*4
    if length == 1 and before.isspace() and after.isspace():
        return False  # a * b
    return not (markdown and before == "\\")


def _is_ascii_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def todo(what: str) -> str:
    """The bracketed note that stands where text is still to be written: ``【待补：what】``.

    The scaffold, import and unfilled fields write it; :func:`find_placeholders` finds it
    (shape ``note``), so it renders highlighted and lint reports it.
    """
    return f"【待补：{what}】"


def number_shape(whole: int, decimals: int) -> str:
    """The placeholder a clerk types for a number not yet known: ``number_shape(2, 1)`` is
    ``**.*``. :func:`find_placeholders` reads it back (shape ``star``)."""
    return "*" * whole + ("." + "*" * decimals if decimals else "")
