"""The ``formal`` format (公文格式, GB/T 9704-2012): the 版头, 附件 and 版记 around a report.

A report-layout document written ``format: formal`` keeps its own blocks (标题, 主送, 正文, 署名,
日期); this module puts the 版头 before them (份号, 密级, 紧急程度, 发文机关标志, 发文字号 with
签发人), the 附件说明 and 附注 around the 署名 (for a 纪要, the 出席/请假/列席 lines in its place,
:mod:`.minutes`), each 附件 after them, and the 版记 last, in the order GB/T 9704-2012 gives. It
also writes the formal part of the scaffold and reads the 红头 elements import found in a draft.
The page values are in the profile (groups ``head`` and ``imprint``); ``docx/write/formal.py``
places the blocks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from reportgen.gongwen.placeholders import todo
from reportgen.layouts import minutes
from reportgen.layouts.base import Composer, Format, Missing, Pieces, date_pieces
from reportgen.layouts.formal_checks import doc_number_problem, names

if TYPE_CHECKING:
    from reportgen.gongwen.days import Day
    from reportgen.kinds.spec import KindSpec

#: A 主送 longer than this many characters moves to the 版记 (7.3.2: 首页 must show 正文).
RECIPIENT_MOVE_CHARS = 3 * 28

_SECRECY = re.compile(r"^(秘密|机密|绝密)(?:★(\d+(?:年|个月)|长期))?$")


class FormalFormat(Format):
    name = "formal"
    head: ClassVar[Literal["none", "red", "letter"]] = "red"
    back_matter = True
    imprint_on_even_page = True
    #: Added to a single issuer's name in the 发文机关标志 (7.2.4).
    mark_word = "文件"
    #: Whether the 版记 has the 印发机关 and 印发日期 line.
    prints_printer = True

    def compose(
        self, blocks: list[Any], report: Any, composer: Composer, spec: KindSpec | None
    ) -> list[Any]:
        is_minutes = bool(spec is not None and spec.minutes)
        recipient = next((b for b in blocks if b.role == "recipient"), None)
        moved = recipient is not None and len(recipient.text) > RECIPIENT_MOVE_CHARS
        body = [
            b
            for b in blocks
            if b.role not in ("signature", "date") and not (moved and b is recipient)
        ]
        ending = [b for b in blocks if b.role in ("signature", "date")]
        out = [*self._head(report, composer, is_minutes), *body]
        out.extend(_attachment_note(report, composer))
        if is_minutes:
            out.extend(minutes.attendance(report, composer))
        else:
            out.extend(ending)
        if report.note:
            note = report.note.strip().removeprefix("（").removesuffix("）")
            out.append(composer.block("note", f"（{note}）", ("note",)))
        out.extend(_attachments(report, composer))
        out.extend(self._imprint(report, composer, recipient if moved else None))
        return out

    def _head(self, report: Any, composer: Composer, is_minutes: bool) -> Iterator[Any]:
        if report.copy_no:
            yield composer.block("copy-no", report.copy_no, ("copy_no",))
        if report.secrecy:
            period = f"★{report.secrecy_period}" if report.secrecy_period else ""
            yield composer.block("secrecy", report.secrecy + period, ("secrecy",))
        if report.urgency:
            yield composer.block("urgency", report.urgency, ("urgency",))
        issuers = names(report.mark) or [report.issuer]
        loc = ("mark",) if report.mark else ("issuer",)
        if not self.mark_word or len(issuers) == 1:
            text = issuers[0]
            if is_minutes:
                text = minutes.mark(text)
            elif self.mark_word and not text.endswith((self.mark_word, "纪要")):
                text += self.mark_word
            yield composer.block("mark", text, loc)
        else:  # 联合行文: the names stacked, 文件 on their right (7.2.4)
            for index, name in enumerate(issuers):
                aside: Pieces = (self.mark_word,) if index == 0 else ()
                yield composer.block("mark", name, (*loc, index), aside=aside)
        signers = tuple(names(report.signers))
        if report.doc_number:
            yield composer.block("doc-number", report.doc_number, ("doc_number",), aside=signers)
        elif not is_minutes:  # a 公文 has one (7.2.5; a 纪要 need not): shown to fill, listed
            missing = Missing("doc_number", todo("发文字号"))
            yield composer.fixed("doc-number", (missing,), ("doc_number",), aside=signers)
        elif signers:
            yield composer.block("doc-number", "", ("doc_number",), aside=signers)

    def _imprint(self, report: Any, composer: Composer, moved_recipient: Any) -> Iterator[Any]:
        """The 版记 (7.4): 主送 (if moved), 抄送, 印发机关 and 印发日期."""
        if moved_recipient is not None:
            yield moved_recipient.replace(role="imprint-to")
        copies = names(report.copy_to)
        if copies:
            text = "，".join(copies).rstrip("。") + "。"
            yield composer.block("imprint-cc", text, ("copy_to",))
        if report.printer and self.prints_printer:
            day = report.print_date
            if day is None:  # 印发日期 defaults to the 成文日期, which may still be unfilled
                pieces = date_pieces(report.date)
                aside: Pieces = (*((pieces,) if isinstance(pieces, str) else pieces), "印发")
            else:
                aside = (_chinese_date(day) + "印发",)
            yield composer.block("imprint", report.printer, ("printer",), aside=aside)

    def scaffold(self, spec: KindSpec, day: Day) -> list[str]:
        """Commented lines for the 版头 and 版记 fields."""
        issuer = spec.defaults.get("issuer", "XX局")
        lines = [
            "# ---- 公文格式（GB/T 9704-2012）----",
            "# 格式：formal 公文格式（红头、发文字号、版记），letter 信函格式，ordinary 普通汇报",
            f"format: {spec.format}",
            "",
            "# 份号（可选）：6 位数字，如 000012；不需要时删去这一行",
            '# copy_no: "000001"',
            "# 密级和保密期限（可选）：secrecy 写 秘密/机密/绝密，secrecy_period 如 1年",
            "# secrecy: 秘密",
            "# 紧急程度（可选）：特急 或 加急",
            "# urgency: 加急",
            "",
            "# 发文机关标志：发文机关全称或规范化简称；联合行文写列表，主办机关在前"
            + ("（纪要写“××会议纪要”）" if spec.minutes else ""),
            f"mark: {issuer}{'会议纪要' if spec.minutes else ''}",
            "",
            "# 发文字号：机关代字〔年份〕序号号，年份用六角括号，序号不加“第”、不编虚位",
            f"doc_number: XX发〔{day.year}〕1号",
            "",
        ]
        if spec.direction == "up":
            lines += [
                "# 签发人：上行文必填；多人写列表，主办机关的在前",
                "signers: 【待补：签发人姓名】",
                "",
            ]
        if spec.minutes:
            lines += minutes.scaffold_lines()
        lines += [
            "# 附件（可选）：每项一个附件，只写名称，或写 title 和 paragraphs（段落）/ table（表格）",
            "attachments: []",
            "",
            "# 附注（可选）：如 联系人和电话，排在成文日期下一行，加圆括号",
            "# note: 联系人：XXX，电话：XXXXXXXX",
            "",
            "# 版记：抄送机关（可选，多个写列表）",
            "# copy_to: [XX局]",
            "# 印发机关：一般是发文机关的办公厅（室）"
            + ("" if self.prints_printer else "；信函格式不排印发机关"),
            f"printer: {issuer}办公室",
            "# 印发日期：写作 2023-10-20",
            f"print_date: {day.iso}",
            "",
        ]
        return lines

    def recognise(self, found: dict[str, str], spec: KindSpec) -> tuple[dict[str, Any], set[str]]:
        """The formal fields from the 红头 elements import found (its keys → text), and the keys
        taken. A value goes in only where it is valid as it stands (a 发文字号 with 第 or [ ]
        stays out); a 上行文 without a 签发人 in the draft gets a to-do in its place, so the
        imported YAML validates and the gap is highlighted."""
        data: dict[str, Any] = {}
        taken: set[str] = set()
        copy_no = found.get("copy_no", "").strip()
        if re.fullmatch(r"\d{6}", copy_no):
            data["copy_no"] = copy_no
            taken.add("copy_no")
        secrecy = _SECRECY.match(found.get("secrecy", "").replace(" ", ""))
        if secrecy:
            data["secrecy"] = secrecy.group(1)
            if secrecy.group(2):
                data["secrecy_period"] = secrecy.group(2)
            taken.add("secrecy")
        if found.get("urgency", "").strip() in ("特急", "加急"):
            data["urgency"] = found["urgency"].strip()
            taken.add("urgency")
        mark = found.get("issuer_mark", "").strip()
        if mark:
            data["mark"] = mark
            taken.add("issuer_mark")
        number = found.get("doc_number", "").strip()
        if number and doc_number_problem(number) is None:
            data["doc_number"] = number
            taken.add("doc_number")
        signer = found.get("signer", "").strip()
        if signer:
            data["signers"] = signer
            taken.add("signer")
        elif spec.direction == "up":
            data["signers"] = "【待补：签发人】"
        return data, taken


def _attachment_note(report: Any, composer: Composer) -> Iterator[Any]:
    """附件说明 (7.3.4): ``附件：1. 名称``, one block per attachment."""
    attachments = report.attachments
    for index, attachment in enumerate(attachments):
        number = f"{index + 1}." if len(attachments) > 1 else ""
        label = ("附件：" if index == 0 else "") + number
        block = composer.block("attachment-note", attachment.title, ("attachments", index))
        yield block.replace(number=label, level=index)


def _attachments(report: Any, composer: Composer) -> Iterator[Any]:
    """Each 附件 on a new page: 附件N (黑体, line 1), the title centred on line 3, its text."""
    attachments = report.attachments
    for index, attachment in enumerate(attachments):
        loc = ("attachments", index)
        label = f"附件{index + 1}" if len(attachments) > 1 else "附件"
        yield composer.fixed("attachment-label", label, loc)
        yield composer.block("title", attachment.title, (*loc, "title"))
        yield from composer.body(attachment.paragraphs, (*loc, "paragraphs"))
        if attachment.table:
            rows = tuple(tuple(str(cell) for cell in row) for row in attachment.table)
            yield composer.table(rows, (*loc, "table"))


def _chinese_date(day: dt.date) -> str:
    from reportgen.gongwen.dates import chinese_date

    return chinese_date(day.year, day.month, day.day)


FORMAT = FormalFormat()
