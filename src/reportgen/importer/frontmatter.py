"""The parts around the body, read as a 文秘 reads them: 报头, 红头, web-page lines, title,
主送机关 at the top; 署名 and 成文日期 (and what follows them: 附件, 附注) at the end.

Every function takes the paragraphs still unread and hands back the rest, recording in the
:class:`Outline` what it found and on which line, and in ``outline.dropped`` every line it
leaves out. A value not found stays None: nothing here guesses a date, an issuer or a title.
"""

# Tortoise-shell brackets (发文字号) and the ideographic zero (dates) are what documents print.
# ruff: noqa: RUF001

from __future__ import annotations

import re

from reportgen.gongwen.dates import DATE, date_line, parse_date, placeholder_date_line
from reportgen.gongwen.numerals import DIGITS, parse_count
from reportgen.gongwen.placeholders import todo
from reportgen.importer.lines import CELL_SEPARATOR, Dropped, Para, ends_sentence, has_cjk
from reportgen.importer.outline import Found, Masthead, Outline

WEB = "网页栏目信息"
_TOP = 16  # paragraphs at the top that may carry web-page lines (with their buttons)

# --- web-page lines -------------------------------------------------------------------------

_PUBLISHED = re.compile(
    rf"(?:发布日期|发布时间|发文日期|成文日期|日期|时间)[ \t　]*[:：][ \t　]*({DATE})"
    r"(?:[ \t　]*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_SOURCE = re.compile(r"(?:来源|作者|供稿|稿源)[ \t　]*[:：][ \t　]*")
_ORG_ENDS_LONG = re.compile(r"办公室|委员会|领导小组|报社|日报|晚报|新闻网|中心|研究院|网站")
_ORG_ENDS_SHORT = re.compile(r"[局司厅部委办报网社院府]")
#: Whole lines a web page adds around an article.
_CHROME = re.compile(
    r"^[【\[]?(?:您的位置|当前位置|所在位置|您现在的位置)[ \t　]*[:：]"
    r"|^[【\[]?(?:字号|字体)[ \t　]*[:：]?[ \t　]*[【\[]?[ \t　]*大[ \t　]*[】\]]?[ \t　]*[【\[]?中"
    r"|^[【\[]?(?:打印本页|关闭窗口|打印|关闭|返回顶部|分享到)[】\]]?(?:[ \t　]*[【\[]?(?:打印本页|关闭窗口|打印|关闭|收藏)[】\]]?)*$"
    r"|^(?:责任编辑|编辑|浏览次数|阅读次数|访问量|点击数)[ \t　]*[:：]"
)
#: Lines of nothing but a page's buttons: 下载 打印 全屏 收藏 【字号：加大 还原 减小】.
_BUTTONS = re.compile(
    r"^(?:[ \t　【】\[\]|｜/:：]*(?:下载|打印|全屏|收藏|分享|加大|还原|减小|默认|关闭|字号|字体|大|中|小|"
    r"打印本页|关闭窗口|返回顶部|返回))+[ \t　【】\[\]|｜/:：]*$|^[【】\[\]]$"
)
_EDGE = 12  # lines at the top and at the bottom where such buttons stand
#: The labelled lines of an information table on a government site (索引号, 发文机关 …).
_INFO = re.compile(
    r"^[-·•*]?[ \t　]*(索[ 　]*引[ 　]*号|名[ 　]*称|主题分类|公文种类|发文机关|发文机构|发布机构|成文日期|发布日期|标[ 　]*题|发文字号"
    r"|主[ 　]*题[ 　]*词|有[ 　]*效[ 　]*性)[ \t　]*[:：][ \t　]*(.*)$"
)

# --- 红头 -------------------------------------------------------------------------------------

_REDHEAD_MARK = re.compile(r"^[\u4e00-\u9fffXＸ×*＊（）()、 　]{2,40}文件$")
# A 发文字号, or the to-do render prints where the YAML has none yet.
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fffXＸ×]{1,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,4}\s*号"
    + "|"
    + re.escape(todo("发文字号"))
)
_SIGNER = re.compile(r"签发人[ \t　]*[:：][ \t　]*(.+)$")
_SECRECY = re.compile(r"^(?:绝密|机密|秘密)(?:[★☆*][^　\s]*)?$")
_URGENCY = re.compile(r"^(?:特急|加急|特提|平急)$")
_COPY_NO = re.compile(r"^\d{6}$")

# --- 报头 -------------------------------------------------------------------------------------

_BRIEF_NAME = re.compile(r"^[^，。；：:]{0,16}(?:简报|快报|专报|动态|通讯|情况反映|信息)$")
_ISSUE = re.compile(
    rf"^[（(]?(?:\d{{4}}\s*年\s*)?(?:总第\s*\d+\s*期\s*)?第\s*([0-9０-９]+|[{DIGITS}十百]+)\s*期"
    r"(?:[ \t　]*[（(]\s*总第\s*\d+\s*期\s*[）)])?[）)]?"
)
_EDITOR_AND_DATE = re.compile(rf"^(?P<editor>\S.{{1,40}}?)[\s　]+(?P<date>{DATE})$")
_EDITOR = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,30}(?:编|编印|主办|印发|办公室|局|委|组|部|厅|中心)?$"
)

# --- the end --------------------------------------------------------------------------------

_ATTACHMENT = re.compile(r"^附件[ \t　]*\d*[ \t　]*(?:[:：]|$)")
_NOTE = re.compile(r"^[（(].*[）)]$")
_ORG = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|领导小组|局|厅|部|委|办|院|司|处|室|中心|会|组|所|站|"
    r"街道|镇|乡|公司|集团|社|队|党委|党组|支部|总支|机关)$"
)
_ISSUER_AND_DATE = re.compile(rf"^(?P<issuer>\S.{{1,30}}?)[\s　]+(?P<date>{DATE})$")
_JOINT_MAX = 4


def found(outline: Outline, name: str, para: Para | None, how: str, text: str = "") -> None:
    outline.found[name] = Found(
        para.line if para else None, how, text or (para.full if para else "")
    )


def take_masthead(paras: list[Para], outline: Outline) -> list[Para]:
    """A brief opens with its name, 第N期, and the issuing unit and date (on one line, spaced
    with full-width spaces, spaces or a tab; or on lines of their own). Taken off the top, so
    that the title below is found as the title."""
    if not paras or paras[0].label or not _BRIEF_NAME.match(paras[0].text):
        return paras
    first = paras[0]
    masthead = Masthead(first.text)
    found(outline, "brief_name", first, "报头第一行：简报名称")
    rest = paras[1:]
    tail = ""
    if rest and (issue := _ISSUE.match(rest[0].full)):
        number = issue.group(1).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        masthead.issue_no = parse_count(number)
        found(outline, "issue_no", rest[0], "报头：期号", issue.group())
        tail = rest[0].full[issue.end() :].strip(" 　\t")
        rest = [Para(tail, "", None, rest[0].line), *rest[1:]] if tail else rest[1:]
    if rest and (line := _EDITOR_AND_DATE.match(rest[0].full.strip(" 　\t"))):
        masthead.editor = line.group("editor").strip(" 　\t")
        found(outline, "editor", rest[0], "报头：编发单位", masthead.editor)
        _set_date(outline, rest[0], line.group("date"), "报头：编发日期")
        rest = rest[1:]
    elif len(rest) >= 2 and _EDITOR.match(rest[0].full) and date_line(rest[1].full):
        masthead.editor = rest[0].full
        found(outline, "editor", rest[0], "报头：编发单位")
        _set_date(outline, rest[1], rest[1].full, "报头：编发日期")
        rest = rest[2:]
    elif rest and date_line(rest[0].full):
        _set_date(outline, rest[0], rest[0].full, "报头：编发日期")
        rest = rest[1:]
    outline.masthead = masthead
    return rest


def _set_date(outline: Outline, para: Para, text: str, how: str) -> None:
    outline.date = parse_date(text.strip(" 　\t"))
    found(outline, "date", para, how, text.strip(" 　\t"))


def take_web_lines(
    paras: list[Para], meta: dict[str, str], outline: Outline
) -> tuple[list[Para], int | None]:
    """Web-page lines (发布日期, 来源, 您的位置, 字号 大中小, 打印 关闭 …) out of the draft, listed
    as dropped; returns the rest and where the first of them stood among the top lines."""
    if meta.get("date"):
        outline.date = parse_date(meta["date"])
        outline.found["date"] = Found(None, "文件开头的 date 项", meta["date"])
    source = meta.get("author") or meta.get("source")
    if source:
        outline.source = source
        outline.found["source"] = Found(None, "文件开头的 author 项", source)
    out: list[Para] = []
    meta_at = None
    for index, para in enumerate(paras):
        top = index < _TOP and not para.label and para.table is None
        edge = index < _EDGE or index >= len(paras) - _EDGE
        if para.table is None and not para.label and edge and _BUTTONS.match(para.text):
            outline.dropped.append(Dropped(para.line, para.full, WEB))
            continue
        if para.table is None and not para.label and _CHROME.match(para.text):
            outline.dropped.append(Dropped(para.line, para.full, WEB))
            continue
        published = _PUBLISHED.search(para.text) if top else None
        source_at = _SOURCE.search(para.text) if top else None
        info = _INFO.match(para.text) if top and not published and not source_at else None
        if info:
            _take_info(info.group(1), info.group(2).strip(" 　\t"), para, outline)
            meta_at = len(out) if meta_at is None else meta_at
            continue
        if not published and not source_at:
            out.append(para)
            continue
        start = min(m.start() for m in (published, source_at) if m)
        if not has_cjk(para.text[:start]):
            start = 0  # a bullet before 发布日期 goes with it
        before, chrome = para.text[:start], para.text[start:]
        if published and outline.date is None:
            key = _key(para.text[published.start() : published.start(1)])
            _set_date(outline, para, published.group(1), f"网页的“{key}”")
        kept_after = ""
        if source_at:
            organ, kept_after = _source_and_rest(para.text[source_at.end() :])
            if organ and not outline.source:
                outline.source = organ
                found(outline, "source", para, "网页的“来源”", organ)
            chrome = para.text[start : len(para.text) - len(kept_after)]
        elif published:
            chrome = para.text[start : published.end()]
            kept_after = para.text[published.end() :]
        if _CHROME.match(kept_after.strip(" 　\t")):  # 发布时间：…  浏览次数：
            chrome, kept_after = chrome + kept_after, ""
        outline.dropped.append(Dropped(para.line, chrome.strip(" 　\t"), WEB))
        if before.strip(" 　\t"):
            out.append(Para(before.strip(" 　\t"), "", None, para.line, para.gap))
        meta_at = len(out) if meta_at is None else meta_at
        if kept_after.strip(" 　\t"):
            out.append(Para(kept_after.strip(" 　\t"), "", None, para.line))
    return out, meta_at


def _key(text: str) -> str:
    return re.sub(r"[\s　:：]", "", text)


def _take_info(key: str, value: str, para: Para, outline: Outline) -> None:
    key = _key(key)
    outline.dropped.append(Dropped(para.line, para.full, WEB))
    if not value:
        return
    if key in ("成文日期", "发布日期") and "date" not in outline.found:
        if parse_date(value):
            _set_date(outline, para, value, f"网页信息栏的“{key}”")
    elif key == "发文字号":
        outline.formal["doc_number"] = Found(para.line, "网页信息栏的“发文字号”", value)
    elif key in ("发文机关", "发文机构", "发布机构") and not outline.source:
        outline.source = value
        found(outline, "source", para, f"网页信息栏的“{key}”", value)


def _source_and_rest(text: str) -> tuple[str, str]:
    """The organ a 来源 names, and what follows it on the same line."""
    space = re.search(r"[ \t　]", text[:30])
    if space:
        end = space.start()
    else:
        longer = list(_ORG_ENDS_LONG.finditer(text[:30]))
        shorter = _ORG_ENDS_SHORT.search(text, 2, 30)
        end = longer[-1].end() if longer else shorter.end() if shorter else len(text)
    return text[:end], text[end:]


def take_redhead(paras: list[Para], outline: Outline) -> list[Para]:
    """份号, 密级, 紧急程度, 发文机关标志 (``XX人民政府文件``), 发文字号 and 签发人 at the top.

    A mark that does not end in 文件 (a 纪要's ``XX会议纪要``, a 信函's bare name, joint issuers
    stacked) is taken only when a 发文字号 follows it: that is what makes it a 版头.
    """
    rest = list(paras)
    marks: list[Para] = []
    before_number = _lines_before_doc_number(rest)
    while rest and not rest[0].label:
        para = rest[0]
        text = para.text.strip(" 　\t")
        if para.table is not None:  # joint issuers stacked in a table, 文件 on their right
            cells = [c.strip(" 　") for c in text.split(CELL_SEPARATOR)]
            names = [c for c in cells if c and c != "文件"]
            if before_number <= 0 or len(names) != 1 or not _MARK_SHAPED.match(names[0]):
                break
            marks.append(Para(names[0], line=para.line))
        elif _COPY_NO.match(text) and "copy_no" not in outline.formal:
            outline.formal["copy_no"] = Found(para.line, "首行的份号", text)
        elif _SECRECY.match(text):
            outline.formal["secrecy"] = Found(para.line, "红头上方的密级", text)
        elif _URGENCY.match(text):
            outline.formal["urgency"] = Found(para.line, "红头上方的紧急程度", text)
        elif (_REDHEAD_MARK.match(text) and "关于" not in text) or (
            before_number > 0 and _MARK_SHAPED.match(text) and "关于" not in text
        ):
            marks.append(para)
        elif (number := _DOC_NUMBER.search(text)) and len(text) <= 60:
            signer = _SIGNER.search(text)
            outline.formal["doc_number"] = Found(para.line, "红头：发文字号", number.group())
            if signer:
                outline.formal["signer"] = Found(para.line, "红头：签发人", signer.group(1).strip())
            leftover = text.replace(number.group(), "")
            leftover = _SIGNER.sub("", leftover).strip(" 　\t")
            if leftover:
                break
        elif signer := _SIGNER.match(text):
            outline.formal["signer"] = Found(para.line, "红头：签发人", signer.group(1).strip())
        else:
            break
        before_number -= 1
        rest = rest[1:]
    if marks:
        names = [m.text.strip(" 　\t") for m in marks]
        outline.formal["issuer_mark"] = Found(marks[0].line, "红头：发文机关标志", "、".join(names))
        if len(names) > 1:  # joint issuers stacked, 文件 beside the first
            outline.joint_marks = [mark_name(name) for name in names]
    return rest


def mark_name(text: str) -> str:
    """The issuer a 发文机关标志 names: without the 文件 the renderer adds again."""
    return _MARK_END.sub("", text)


_MARK_SHAPED = re.compile(r"^[\u4e00-\u9fffXＸ×（）()、 　\t]{2,40}$")
_MARK_END = re.compile(r"[ \t　]*文件$")


def _lines_before_doc_number(paras: list[Para]) -> int:
    """How many of the first paragraphs stand above a 发文字号 line (0: none near the top)."""
    for index, para in enumerate(paras[:8]):
        if para.label:
            return 0
        text = para.text.strip(" 　\t")
        number = _DOC_NUMBER.search(text)
        if number and not _SIGNER.sub("", text.replace(number.group(), "")).strip(" 　\t"):
            return index  # a line of nothing but the 发文字号 (and 签发人)
    return 0


def _title_shaped(para: Para) -> bool:
    return (
        not para.label
        and para.table is None
        and 0 < len(para.text) <= 80
        and has_cjk(para.text)
        and not ends_sentence(para.text)
    )


def take_title(
    paras: list[Para], meta_at: int | None, meta: dict[str, str], outline: Outline
) -> list[Para]:
    """The title: the first lines up to a blank line, the 主送机关 or the body (at most three
    lines; a title broken over lines is one title)."""
    if not paras:
        if meta.get("title"):
            outline.title = meta["title"]
            outline.found["title"] = Found(None, "文件开头的 title 项", meta["title"])
        return paras
    if meta_at in (1, 2, 3) and all(_title_shaped(p) for p in paras[:meta_at]):
        return _set_title(paras, meta_at, outline, "网页标题（发布日期、来源之上）")
    first = paras[0]
    declared = first.outline is not None and first.outline <= 1
    if not (_title_shaped(first) or (declared and not first.label)):
        if meta.get("title"):
            outline.title = meta["title"]
            outline.found["title"] = Found(None, "文件开头的 title 项", meta["title"])
        return paras
    if meta.get("title") and meta["title"] != first.text and not declared:
        outline.title = meta["title"]
        outline.found["title"] = Found(None, "文件开头的 title 项", meta["title"])
        return paras
    taken = 1
    while (
        taken < min(3, len(paras) - 1)
        and not paras[taken].gap
        and _title_shaped(paras[taken])
        and not paras[taken].text.endswith(("：", ":"))
        and date_line(paras[taken].text) is None
        and sum(len(p.text) for p in paras[: taken + 1]) <= 80
    ):
        taken += 1
    how = "第一行" if taken == 1 else f"开头的 {taken} 行（到空行或主送机关为止）"
    return _set_title(paras, taken, outline, how)


def _set_title(paras: list[Para], taken: int, outline: Outline, how: str) -> list[Para]:
    outline.title = "".join(p.text for p in paras[:taken])
    found(outline, "title", paras[0], how, outline.title)
    return paras[taken:]


def take_recipient(paras: list[Para], outline: Outline) -> list[Para]:
    first = paras[0] if paras else None
    if (
        first
        and not first.label
        and first.table is None
        and first.text.endswith(("：", ":"))
        and len(first.text) <= 50
        and not any(stop in first.text[:-1] for stop in "。！？；")
    ):
        outline.recipient = first.text[:-1].strip()
        found(outline, "recipient", first, "标题下以“：”结尾的一行")
        return paras[1:]
    return paras


def take_signature(paras: list[Para], outline: Outline) -> list[Para]:
    """成文日期 standing alone near the end, the issuers on the lines above it (several for a
    joint document), and the 附件 and 附注 after it, kept as written in ``outline.after``."""
    end = _date_at(paras)
    if end is None:
        return paras
    outline.after = [p.full for p in _take_back(paras[end + 1 :], outline)]
    if outline.after:
        outline.notes.append(
            f"成文日期之后的 {len(outline.after)} 段（附件、附注）按原文放在了结尾段之后、"
            "署名之前：YAML 没有附件正文的位置，请核对"
        )
    para = paras[end]
    pair = _ISSUER_AND_DATE.match(para.full.strip(" 　\t"))
    issuers: list[Para] = []
    if pair and date_line(pair.group("date")):
        text = pair.group("date")
        issuers = [Para(pair.group("issuer").strip(" 　\t"), "", None, para.line)]
    else:
        text = para.full.strip(" 　\t")
    if placeholder_date_line(text):
        found(outline, "date", para, "文末待填的成文日期（仍为待补）", text)
    else:
        _set_date(outline, para, text, "文末单独一行的成文日期")
    rest = paras[:end]
    while rest and len(issuers) < _JOINT_MAX and _issuer_shaped(rest[-1]):
        organ = bool(_ORG.search(rest[-1].full))
        if issuers and not organ:
            break  # a second name above the first must look like an organ's
        issuers.insert(0, rest.pop())
        if not organ:
            break
    if issuers:
        outline.issuer = "　".join(p.full for p in issuers)
        how = (
            "成文日期上方的署名"
            if len(issuers) == 1
            else f"成文日期上方的 {len(issuers)} 个署名（联合行文）"
        )
        found(outline, "issuer", issuers[0], how, outline.issuer)
    return rest


_NOTE_TEXT = re.compile(r"^[（(](.+)[）)]$")


def _take_back(after: list[Para], outline: Outline) -> list[Para]:
    """附注 right after the date (the 版记 was taken before: :func:`backmatter.take_imprint`)."""
    if after and (note := _NOTE_TEXT.match(after[0].full)) and not _ATTACHMENT.match(after[0].full):
        outline.back["note"] = Found(after[0].line, "成文日期下的附注", note.group(1))
        outline.back_lines.append(after[0].full)
        after = after[1:]
    return after


def _issuer_shaped(para: Para) -> bool:
    return (
        not para.label
        and para.table is None
        and len(para.text) <= 30
        and not ends_sentence(para.text)
        and has_cjk(para.text)
    )


def _date_at(paras: list[Para]) -> int | None:
    """Where the 成文日期 stands: the last paragraph, or the last before 附件 and 附注."""
    for index in range(len(paras) - 1, max(-1, len(paras) - 60), -1):
        para = paras[index]
        text = para.full.strip(" 　\t")
        if not para.label and para.table is None and _is_date(text):
            after = paras[index + 1 :]
            if not after or _ATTACHMENT.match(after[0].full) or _NOTE.match(after[0].full):
                return index
            return None
    return None


def _is_date(text: str) -> bool:
    pair = _ISSUER_AND_DATE.match(text)
    return bool(
        date_line(text) or placeholder_date_line(text) or (pair and date_line(pair.group("date")))
    )
