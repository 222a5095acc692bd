"""gongwen/: the 公文 knowledge every part shares — numerals, heading labels, dates, marks."""

import pytest

from reportgen.gongwen.dates import chinese_date, date_line, parse_date
from reportgen.gongwen.headings import (
    LABELS,
    draft_label_level,
    heading_number,
    match_label,
    split_draft_label,
)
from reportgen.gongwen.numerals import chinese_number, counting, parse_count, parse_digits
from reportgen.gongwen.placeholders import find_placeholders, number_shape, todo


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (123, "一百二十三"),
    ],
)
def test_chinese_numbers(n, text):
    assert chinese_number(n) == text


def test_heading_numbers_for_the_four_levels():
    assert [heading_number(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]
    with pytest.raises(ValueError):
        heading_number(5, 1)


def test_dates_have_no_zero_padding():
    assert chinese_date(2023, 1, 5) == "2023年1月5日"


def test_counts_read_back_what_headings_write():
    assert [parse_count(chinese_number(n)) for n in range(1, 100)] == list(range(1, 100))
    assert parse_count("12") == 12
    assert parse_count("１２") == 12  # full-width digits, as typed in Chinese input
    assert [parse_count(text) for text in ("十十", "一二", "百", "", "x")] == [None] * 5


def test_years_are_read_digit_by_digit():
    assert parse_digits("二〇二三") == 2023
    assert parse_digits("二零二三") == 2023
    assert parse_digits("2023") == 2023
    assert parse_digits("二十") is None


def test_counting_beyond_a_thousand_has_one_zero_for_a_gap():
    assert counting(1001) == "一千零一"
    assert counting(10010) == "一万零一十"
    assert chinese_number(1000) == "一千"
    with pytest.raises(ValueError):
        chinese_number(0)


def test_standard_labels_are_read_with_level_number_and_place():
    text = "　　（十二）加强领导"
    found = match_label(text, 2)
    assert (found.level, found.number, found.start, found.end) == (2, 12, 2, 6)
    assert [match_label(f"{label}x").level for label in LABELS] == [1, 2, 3, 4]
    assert match_label("1.5亿元") is None
    assert match_label("一.总体情况") is None  # a draft's form, not the standard's


def test_labels_written_are_labels_read():
    for level in (1, 2, 3, 4):
        for n in (1, 9, 10, 23):
            found = match_label(heading_number(level, n) + "标题")
            assert (found.level, found.number) == (level, n)
            assert draft_label_level(heading_number(level, n)) == level


def test_drafts_may_write_more_forms_of_the_first_level():
    assert split_draft_label("一.总体情况") == ("一.", "总体情况")
    assert split_draft_label("第二部分 存在问题") == ("第二部分 ", "存在问题")
    assert draft_label_level("第二部分 ") == 1


def test_dates_written_and_read():
    assert chinese_date(2023, 10, 20) == "2023年10月20日"
    assert parse_date("二〇二三年十月二十日").isoformat() == "2023-10-20"
    assert date_line("　2021-09-22 ").isoformat() == "2021-09-22"
    assert parse_date("2023年2月30日") is None
    assert date_line("2023年10月20日印发") is None


def test_the_todo_note_is_a_placeholder():
    note = todo("联系人")
    assert note == "【待补：联系人】"
    assert [(m.text, m.kind) for m in find_placeholders(f"由{note}负责")] == [(note, "note")]


def test_number_shapes_are_placeholders():
    assert [number_shape(w, d) for w, d in ((1, 0), (2, 1), (1, 2))] == ["*", "**.*", "*.**"]
    for shape in ("*.**万个", "共**.*%"):
        assert [m.kind for m in find_placeholders(shape)] == ["star"]
