"""The 红头 elements import found in a draft, as the report's formal fields.

A value goes in only where it is valid as it stands (a 发文字号 written with 第 or [ ] stays out
and is listed as dropped); a 上行文 kind without a 签发人 in the draft gets a to-do in its place,
so the imported YAML validates and the gap is highlighted.
"""

from __future__ import annotations

import re
from typing import Any

from reportgen.kinds.formal_fields import doc_number_problem
from reportgen.kinds.spec import KindSpec

_SECRECY = re.compile(r"^(秘密|机密|绝密)(?:★(\d+(?:年|个月)|长期))?$")


def formal_fields_of(found: dict[str, str], spec: KindSpec) -> tuple[dict[str, Any], set[str]]:
    """The formal fields from ``found`` (import's keys → text) and the keys taken."""
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
    elif spec.direction == "up" and spec.format != "ordinary":
        data["signers"] = "【待补：签发人】"
    return data, taken
