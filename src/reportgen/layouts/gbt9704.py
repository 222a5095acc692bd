"""The official layout of GB/T 9704-2012 in OOXML units, and the names of the template's styles.

Both the renderer and ``scripts/make_reference_docx.py`` read these figures, so the reference
template and the direct formatting the renderer adds always agree. Lengths are in twips
(1/20 pt, 1/1440 inch); font sizes in half-points, as OOXML stores them.
"""

from __future__ import annotations

MM = 1440 / 25.4  # twips per millimetre


def mm(value: float) -> int:
    return round(value * MM)


PAGE_WIDTH = mm(210)  # 11906
PAGE_HEIGHT = mm(297)  # 16838
MARGIN_TOP = mm(37)
MARGIN_BOTTOM = mm(35)
MARGIN_LEFT = mm(28)
MARGIN_RIGHT = mm(26)
HEADER_DISTANCE = mm(15)
#: The footer's lower edge; puts the dashes of ``— 1 —`` about 7 mm under the text block.
FOOTER_DISTANCE = mm(25.5)

TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # 12756 twips = 225 mm

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PITCH = 579  # 28.95 pt; 22 × 579 = 12738 ≤ TEXT_HEIGHT

BODY_SIZE = 32  # 三号 16 pt
TITLE_SIZE = 44  # 二号 22 pt
PAGE_NUMBER_SIZE = 28  # 四号 14 pt
DISTRIBUTION_SIZE = 28  # 四号 14 pt
BRIEF_NAME_SIZE = 72  # 小初 36 pt

#: Character spacing of body text in twentieths of a point (w:spacing/@w:val): minus 0.25 pt, so a
#: 16 pt character advances 15.75 pt and 28 of them (441 pt) fill the 442.25 pt line.
CHAR_SPACING = -5
#: Width of one body character: 15.75 pt in twips.
CHAR_PITCH = BODY_SIZE * 10 + CHAR_SPACING

#: Most characters of a 二号 title line (22 pt, off the grid): 20 × 22 pt = 440 pt.
TITLE_LINE_CHARS = int(TEXT_WIDTH / 20 // (TITLE_SIZE / 2))

FONT_LATIN = "Times New Roman"
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEI = "黑体"
FONT_KAI = "楷体_GB2312"
FONT_SONG = "宋体"

RED = "FF0000"

# Style names: the renderer looks styles up by these names (w:name), never by styleId, so a
# template re-saved by Word (which may rename styleIds) keeps working.
STYLE_TITLE = "RG Title"
STYLE_RECIPIENT = "RG Recipient"
STYLE_BODY = "RG Body"
STYLE_HEADINGS = ("RG Heading 1", "RG Heading 2", "RG Heading 3", "RG Heading 4")
STYLE_SIGNATURE = "RG Signature"
STYLE_DATE = "RG Date"
STYLE_BRIEF_NAME = "RG Brief Name"
STYLE_BRIEF_ISSUE = "RG Brief Issue"
STYLE_BRIEF_META = "RG Brief Meta"
STYLE_DISTRIBUTION = "RG Distribution"
STYLE_PAGE_NUMBER = "RG Page Number"
