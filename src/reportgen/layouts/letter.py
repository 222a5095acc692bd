"""The ``letter`` format (信函格式, GB/T 9704-2012 10.1): a 公文 on letter paper.

As :mod:`.formal`, except: the 发文机关标志 is the name alone (no 文件), 30 mm from the paper's
top, between red double rules (placed by ``docx/write/letter.py``); the first page has no page
number; the 版记 has no rules and no 印发 line. Values: the profile's ``letter`` group.
"""

from __future__ import annotations

from reportgen.layouts.formal import FormalFormat


class LetterFormat(FormalFormat):
    name = "letter"
    head = "letter"
    numbers_first_page = False
    imprint_rules = False
    imprint_on_even_page = False
    mark_word = ""
    prints_printer = False


FORMAT = LetterFormat()
