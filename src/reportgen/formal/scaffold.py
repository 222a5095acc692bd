"""The formal fields in the scaffold ``reportgen new`` writes for a 公文 kind."""

from __future__ import annotations

import datetime as dt

from reportgen.kinds.spec import KindSpec


def formal_lines(spec: KindSpec, today: dt.date) -> list[str]:
    """Commented lines for the 版头 and 版记 fields of a kind whose format is not ordinary."""
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
        f"doc_number: XX发〔{today.year}〕1号",
        "",
    ]
    if spec.direction == "up":
        lines += [
            "# 签发人：上行文必填；多人写列表，主办机关的在前",
            "signers: 【待补：签发人姓名】",
            "",
        ]
    if spec.minutes:
        lines += [
            "# 出席、请假、列席：每人一项，可带单位或职务",
            "attendees:",
            "  - 【待补：出席人员】",
            "# 请假人员（可选），可注明原因，如 张三（出差）",
            "on_leave: []",
            "# 列席人员（可选）",
            "observers: []",
            "",
        ]
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
        + ("；信函格式不排印发机关" if spec.format == "letter" else ""),
        f"printer: {issuer}办公室",
        "# 印发日期：写作 2023-10-20",
        f"print_date: {today.isoformat()}",
        "",
    ]
    return lines
