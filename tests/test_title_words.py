"""Titles break between whole words (GB/T 9704 7.3.1); a title given as lines keeps them."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest

from reportgen import api
from reportgen.docx.write.title import title_breaks

ROOT = Path(__file__).resolve().parent.parent

# Words that issue 11 saw split at a line end: 老旧/小区, 重点/项目, 进一步/加强, 城镇/房屋.
WORDS = ("老旧小区", "重点项目", "进一步", "城镇房屋", "住建局")


@pytest.mark.parametrize(
    "title",
    [
        "市住建局关于进一步加强老旧小区改造和城镇房屋安全管理工作的通知",
        "区住房城乡建设局关于推进重点项目建设和城镇老旧小区改造工作的报告",
        "关于进一步加强城镇房屋安全隐患排查整治工作的通知",
        "市住建局关于城镇房屋安全和重点项目进一步加强监管工作的通知",
    ],
)
def test_no_word_is_split_at_a_line_end(title: str) -> None:
    pytest.importorskip("rjieba")
    edges = [0, *title_breaks(title, 20), len(title)]
    lines = [title[a:b] for a, b in itertools.pairwise(edges)]
    assert len(lines) >= 2 and all(len(line) <= 20 for line in lines)
    for cut in edges[1:-1]:
        for word in WORDS:
            start = title.find(word)
            while start >= 0:
                assert not start < cut < start + len(word), (lines, word)
                start = title.find(word, start + 1)


def test_title_given_as_lines_is_broken_there(tmp_path: Path) -> None:
    example = (ROOT / "examples" / "annual-summary.yaml").read_text(encoding="utf-8")
    head, _, rest = example.partition("\ntitle:")
    rest = rest.split("\n", 1)[1]
    yaml = tmp_path / "report.yaml"
    yaml.write_text(
        f"{head}\ntitle:\n  - 县城市管理局关于进一步加强\n  - 城镇房屋安全管理工作的总结\n{rest}",
        encoding="utf-8",
    )
    out = api.render(yaml, tmp_path / "report.docx").output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    title = xml.split("<w:body>", 1)[1].split("</w:p>", 1)[0]
    pieces = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:br/>", title)
    assert pieces == ["县城市管理局关于进一步加强", "", "城镇房屋安全管理工作的总结"]


def _title_lines(docx: Path) -> list[str]:
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    title = xml.split('<w:pStyle w:val="RGTitle"/>', 1)[1].split("</w:p>", 1)[0]
    pieces = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(<w:br/>)", title)
    return "".join(text or "\n" for text, _ in pieces).split("\n")


def test_the_baogao_example_keeps_its_words_whole(tmp_path: Path) -> None:
    out = Path(api.render(ROOT / "examples" / "baogao.yaml", tmp_path / "b.docx").output)
    lines = _title_lines(out)
    assert lines == ["青川市住房和城乡建设局关于", "老旧小区加装电梯工作进展情况的报告"]


def test_the_word_list_keeps_words_whole_without_the_segmenter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportgen.docx.write import title

    monkeypatch.setattr(title, "_segmenter_words", lambda text: None)
    assert {"老旧小区", "重点项目", "城镇房屋", "加装电梯", "进一步加强"} <= title.lexicon()
    text = "青川市住房和城乡建设局关于老旧小区加装电梯工作进展情况的报告"
    (cut,) = title_breaks(text, 20)
    assert text[:cut] == "青川市住房和城乡建设局关于"


def test_the_segmenter_is_loaded_only_for_a_title_that_needs_breaking(tmp_path: Path) -> None:
    """... and only once: its words for a title are kept in the user's cache, and a later
    process breaks the title the same way without loading it."""
    import os
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from reportgen.docx.write.title import title_breaks\n"
        "title_breaks('关于做好防汛工作的通知', 20)\n"
        "print('rjieba' in sys.modules, end=' ')\n"
        "cuts = title_breaks('青川市住房和城乡建设局关于商请提供城西片区地下管线资料的函', 20)\n"
        "print('rjieba' in sys.modules, cuts)\n"
    )

    def run(**env: str) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path), **env},
        )
        return done.stdout.split(maxsplit=2)

    off = run(REPORTGEN_CACHE="off")
    assert off[:2] == ["False", "True"]
    assert run(REPORTGEN_CACHE="on") == off  # stores the words
    assert run(REPORTGEN_CACHE="on") == ["False", "False", off[2]]
    stored = b"".join(path.read_bytes() for path in (tmp_path / "reportgen").glob("title-*"))
    assert stored and "城西片区".encode() not in stored  # the words' lengths, not the title
