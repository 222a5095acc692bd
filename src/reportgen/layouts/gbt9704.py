"""The page values of a layout profile in OOXML units, and the names of the template's styles.

The values come from a profile (``profiles/gbt9704-2012.yaml``, where each names its clause and
strength); :class:`Page` turns them into what OOXML stores. Both the renderer and
``scripts/make_reference_docx.py`` read :data:`PAGE`, so the reference template and the direct
formatting the renderer adds always agree. Lengths are in twips (1/20 pt, 1/1440 inch); font
sizes in half-points; border widths in eighths of a point.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reportgen.layouts.profile import Profile, standard

MM = 1440 / 25.4  # twips per millimetre


def mm(value: float) -> int:
    return round(value * MM)


def half_points(points: float) -> int:
    return round(points * 2)


def eighths(millimetres: float) -> int:
    """A rule width in eighths of a point (w:sz of a border), at least a quarter point."""
    return max(2, round(millimetres / 25.4 * 72 * 8))


class Page:
    """A profile's values as OOXML stores them. (A plain class: a dataclass of sixty fields
    costs a render more to create than all the values.)"""

    PAGE_WIDTH: int
    PAGE_HEIGHT: int
    MARGIN_TOP: int
    MARGIN_BOTTOM: int
    MARGIN_LEFT: int
    MARGIN_RIGHT: int
    HEADER_DISTANCE: int
    #: The footer's lower edge; puts the dashes of ``— 1 —`` about 7 mm under the text block.
    FOOTER_DISTANCE: int
    LINES_PER_PAGE: int
    CHARS_PER_LINE: int
    #: 28.95 pt; 22 × 579 = 12738 ≤ the 225 mm text block.
    LINE_PITCH: int
    BODY_SIZE: int
    TITLE_SIZE: int
    PAGE_NUMBER_SIZE: int
    DISTRIBUTION_SIZE: int
    BRIEF_NAME_SIZE: int
    #: Character spacing of body text in twentieths of a point (w:spacing/@w:val): minus 0.25 pt,
    #: so a 16 pt character advances 15.75 pt and 28 of them (441 pt) fill the 442.25 pt line.
    CHAR_SPACING: int
    FONT_LATIN: str
    FONT_TITLE: str
    FONT_BODY: str
    FONT_HEI: str
    FONT_KAI: str
    FONT_SONG: str
    RED: str
    BLACK: str
    BRIEF_RULE: int
    DISTRIBUTION_RULE: int
    BODY_INDENT_CHARS: int
    BLANK_LINES_AFTER_TITLE: int
    SIGNATURE_DATE_RIGHT_CHARS: int
    SIGNATURE_MIN_RIGHT_CHARS: int
    #: Blank lines before the 署名 (room for the seal, GB/T 9704 7.3.5).
    LINES_BEFORE_SIGNATURE: int
    #: The page number's text before and after the number: ``— `` and `` —``.
    PAGE_NUMBER_PREFIX: str
    PAGE_NUMBER_SUFFIX: str
    PAGE_NUMBER_EDGE_CHARS: int
    # The 版头 of the formal format (7.2): the mark's top edge MARK_OFFSET below the 版心 top.
    MARK_OFFSET: int
    MARK_SIZE_PT: float
    FONT_MARK: str
    LINES_MARK_TO_NUMBER: int
    #: The red rule lies RED_RULE_GAP (twips; as a border's w:space, RED_RULE_GAP_PT) below the
    #: 发文字号's characters.
    RED_RULE_GAP: int
    RED_RULE_GAP_PT: int
    RED_RULE: int
    LINES_RULE_TO_TITLE: int
    PREPRINTED_RULE_MM: float
    IMPRINT_THICK: int
    IMPRINT_THIN: int
    # 信函格式 (10.1): placed on the page, so in millimetres from the paper's edges.
    LETTER_MARK_TOP_MM: float
    LETTER_MARK_SIZE_PT: float
    LETTER_RULE_GAP_MM: float
    LETTER_RULE_LENGTH_MM: float
    LETTER_RULE_BOTTOM_MM: float
    LETTER_RULE_THICK_MM: float
    LETTER_RULE_THIN_MM: float
    LETTER_RULE_SPACE_MM: float
    LETTER_FIRST_GAP_MM: float

    MM: ClassVar[float] = MM  # twips per millimetre

    # Style names: the renderer looks styles up by these names (w:name), never by styleId, so a
    # template re-saved by Word (which may rename styleIds) keeps working.
    STYLE_TITLE: ClassVar[str] = "RG Title"
    STYLE_RECIPIENT: ClassVar[str] = "RG Recipient"
    STYLE_BODY: ClassVar[str] = "RG Body"
    STYLE_HEADINGS: ClassVar[tuple[str, ...]] = (
        "RG Heading 1",
        "RG Heading 2",
        "RG Heading 3",
        "RG Heading 4",
    )
    STYLE_SIGNATURE: ClassVar[str] = "RG Signature"
    STYLE_DATE: ClassVar[str] = "RG Date"
    STYLE_BRIEF_NAME: ClassVar[str] = "RG Brief Name"
    STYLE_BRIEF_ISSUE: ClassVar[str] = "RG Brief Issue"
    STYLE_BRIEF_META: ClassVar[str] = "RG Brief Meta"
    STYLE_DISTRIBUTION: ClassVar[str] = "RG Distribution"
    STYLE_PAGE_NUMBER: ClassVar[str] = "RG Page Number"

    def __init__(self, **values: Any) -> None:
        fields = [name for name, kind in Page.__annotations__.items() if "ClassVar" not in kind]
        if sorted(values) != sorted(fields):
            raise TypeError(f"Page takes exactly {', '.join(fields)}")
        self.__dict__.update(values)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash(tuple(vars(self).items()))

    def __repr__(self) -> str:
        return f"Page({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"

    @classmethod
    def of(cls, p: Profile) -> Page:
        prefix, suffix = str(p["page_number.form"]).split("{n}")
        return cls(
            PAGE_WIDTH=mm(p["page.width_mm"]),
            PAGE_HEIGHT=mm(p["page.height_mm"]),
            MARGIN_TOP=mm(p["margins.top_mm"]),
            MARGIN_BOTTOM=mm(p["margins.bottom_mm"]),
            MARGIN_LEFT=mm(p["margins.left_mm"]),
            MARGIN_RIGHT=mm(p["margins.right_mm"]),
            HEADER_DISTANCE=mm(p["margins.header_mm"]),
            FOOTER_DISTANCE=mm(p["margins.footer_mm"]),
            LINES_PER_PAGE=p["grid.lines_per_page"],
            CHARS_PER_LINE=p["grid.chars_per_line"],
            LINE_PITCH=p["grid.line_pitch_twips"],
            BODY_SIZE=half_points(p["sizes_pt.body"]),
            TITLE_SIZE=half_points(p["sizes_pt.title"]),
            PAGE_NUMBER_SIZE=half_points(p["sizes_pt.page_number"]),
            DISTRIBUTION_SIZE=half_points(p["sizes_pt.distribution"]),
            BRIEF_NAME_SIZE=half_points(p["sizes_pt.brief_name"]),
            CHAR_SPACING=p["grid.char_spacing_twips"],
            FONT_LATIN=p["fonts.latin"],
            FONT_TITLE=p["fonts.title"],
            FONT_BODY=p["fonts.body"],
            FONT_HEI=p["fonts.heading_1"],
            FONT_KAI=p["fonts.heading_2"],
            FONT_SONG=p["fonts.page_number"],
            RED=str(p["colours.red"]),
            BLACK=str(p["colours.black"]),
            BRIEF_RULE=round(p["rules_pt.brief_masthead"] * 8),
            DISTRIBUTION_RULE=round(p["rules_pt.distribution"] * 8),
            BODY_INDENT_CHARS=p["body.first_line_indent_chars"],
            BLANK_LINES_AFTER_TITLE=p["body.blank_lines_after_title"],
            SIGNATURE_DATE_RIGHT_CHARS=p["signature.date_right_chars"],
            SIGNATURE_MIN_RIGHT_CHARS=p["signature.min_right_chars"],
            LINES_BEFORE_SIGNATURE=p["signature.blank_lines_before"],
            PAGE_NUMBER_PREFIX=prefix,
            PAGE_NUMBER_SUFFIX=suffix,
            PAGE_NUMBER_EDGE_CHARS=p["page_number.edge_indent_chars"],
            MARK_OFFSET=mm(p["head.mark_offset_mm"]),
            MARK_SIZE_PT=float(p["head.mark_size_pt"]),
            FONT_MARK=p["fonts.mark"],
            LINES_MARK_TO_NUMBER=int(p["head.lines_mark_to_number"]),
            RED_RULE_GAP=mm(p["head.red_rule_gap_mm"]),
            RED_RULE_GAP_PT=round(p["head.red_rule_gap_mm"] * 72 / 25.4),
            RED_RULE=eighths(p["head.red_rule_width_mm"]),
            LINES_RULE_TO_TITLE=int(p["head.lines_rule_to_title"]),
            PREPRINTED_RULE_MM=float(p["head.preprinted_rule_mm"]),
            IMPRINT_THICK=eighths(p["imprint.rule_thick_mm"]),
            IMPRINT_THIN=eighths(p["imprint.rule_thin_mm"]),
            LETTER_MARK_TOP_MM=float(p["letter.mark_top_mm"]),
            LETTER_MARK_SIZE_PT=float(p["letter.mark_size_pt"]),
            LETTER_RULE_GAP_MM=float(p["letter.rule_gap_mm"]),
            LETTER_RULE_LENGTH_MM=float(p["letter.rule_length_mm"]),
            LETTER_RULE_BOTTOM_MM=float(p["letter.rule_bottom_mm"]),
            LETTER_RULE_THICK_MM=float(p["letter.rule_thick_mm"]),
            LETTER_RULE_THIN_MM=float(p["letter.rule_thin_mm"]),
            LETTER_RULE_SPACE_MM=float(p["letter.rule_space_mm"]),
            LETTER_FIRST_GAP_MM=float(p["letter.first_gap_mm"]),
        )

    @property
    def TEXT_WIDTH(self) -> int:
        """8845 twips = 156 mm."""
        return self.PAGE_WIDTH - self.MARGIN_LEFT - self.MARGIN_RIGHT

    @property
    def TEXT_HEIGHT(self) -> int:
        """12756 twips = 225 mm."""
        return self.PAGE_HEIGHT - self.MARGIN_TOP - self.MARGIN_BOTTOM

    @property
    def CHAR_PITCH(self) -> int:
        """Width of one body character: 15.75 pt in twips."""
        return self.BODY_SIZE * 10 + self.CHAR_SPACING

    @property
    def TITLE_LINE_CHARS(self) -> int:
        """Most characters of a 二号 title line (22 pt, off the grid): 20 × 22 pt = 440 pt."""
        return int(self.TEXT_WIDTH / 20 // (self.TITLE_SIZE / 2))


#: The page of the standard profile: what reportgen renders with.
PAGE = Page.of(standard())
