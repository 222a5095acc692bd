"""Which of the official fonts this machine has, and what each role falls back to (fontconfig).

A font counts as present when fontconfig lists a family of that exact name; otherwise
``fc-match`` (asked for the name with the language of the text it sets, as LibreOffice asks:
Chinese, English for the Latin font) tells what would be drawn instead.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

#: (role, font) in the order a reader meets them; the figures of layouts.gbt9704.
ROLES = (
    ("标题", "方正小标宋简体"),
    ("正文、三级和四级标题", "仿宋_GB2312"),
    ("一级标题", "黑体"),
    ("二级标题", "楷体_GB2312"),
    ("页码", "宋体"),
    ("数字和西文", "Times New Roman"),
)
#: The roles whose text is digits and Latin letters, set in the Latin font.
LATIN = {"Times New Roman"}
#: Where a clerk gets each font, or what Windows ships under another name.
ADVICE = {
    "方正小标宋简体": "方正字库的商用字体，需向方正电子购买授权后安装（单位通常已有授权）。",
    "仿宋_GB2312": "Windows 10 及以后不再自带，Word 会改用“仿宋”（simfang.ttf）；"
    "需要严格字形时请从单位获取“仿宋_GB2312”安装。",
    "楷体_GB2312": "Windows 10 及以后不再自带，Word 会改用“楷体”（simkai.ttf）。",
    "黑体": "Windows 自带（simhei.ttf）；Linux 可从 Windows 复制或安装单位提供的字体。",
    "宋体": "Windows 自带（simsun.ttc）。",
    "Times New Roman": "Windows 自带；Linux 可安装 fonts-liberation2，其 Liberation Serif 与 "
    "Times New Roman 字宽相同。换成别的字体（如 DejaVu Serif，数字宽 0.64 字而非半字）时，"
    "含数字的行会少排字。",
}


@dataclass(frozen=True)
class FontStatus:
    role: str
    font: str
    present: bool
    fallback: str  # the family drawn instead ("" when present or unknown)
    advice: str


def _families() -> set[str] | None:
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    out = subprocess.run(
        [fc_list, ":", "family"], capture_output=True, text=True, timeout=30, check=False
    ).stdout
    return {name.strip() for row in out.splitlines() for name in row.split(",") if name.strip()}


def _fallback(font: str) -> str:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return ""
    lang = "en" if font in LATIN else "zh-cn"  # as LibreOffice asks for the text's language
    out = subprocess.run(
        [fc_match, "-f", "%{family}", f"{font}:lang={lang}"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    ).stdout
    return out.split(",")[0].strip()


def font_report() -> list[FontStatus] | None:
    """Every role's font and what this machine has for it; None without fontconfig."""
    families = _families()
    if families is None:
        return None
    statuses = []
    for role, font in ROLES:
        present = font in families
        fallback = "" if present else _fallback(font)
        statuses.append(FontStatus(role, font, present, fallback, "" if present else ADVICE[font]))
    return statuses


def format_report(statuses: list[FontStatus] | None) -> str:
    if statuses is None:
        return (
            "本机没有 fontconfig（fc-list、fc-match），无法判断已安装的字体。\n"
            "Windows 上请打开“设置 → 个性化 → 字体”，查找：方正小标宋简体、仿宋_GB2312、"
            "楷体_GB2312、黑体、宋体。\n"
        )
    lines = []
    for s in statuses:
        if s.present:
            lines.append(f"✓ {s.font}（{s.role}）：已安装")
        else:
            instead = f"，将以“{s.fallback}”代替" if s.fallback else ""
            lines.append(f"✗ {s.font}（{s.role}）：未安装{instead}。{s.advice}")
    missing = [s for s in statuses if not s.present]
    if missing:
        lines.append(
            "缺少官方字体时，文档本身的字体设置仍然正确，在装有这些字体的电脑上打开即按国标显示；"
            "本机的预览和 reportgen check 的实测结果只在替代字体下成立。"
        )
    else:
        lines.append("官方字体齐全。")
    return "\n".join(lines) + "\n"
