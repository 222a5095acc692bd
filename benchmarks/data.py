"""Inputs of the benchmarks, generated into benchmarks/.work/data/ (never committed).

Everything is derived deterministically (fixed random seed) from the seeds in ``seeds/`` and the
report YAML, so two runs measure the same bytes:

- ``corpus.txt``: ~5 MB of report prose (seed paragraphs shuffled and repeated) with placeholders
  sprinkled in, for ``lint`` against autocorrect-py;
- ``short.txt``: a few lines; ``page.txt``: one page, for the start-up cost of ``reportgen lint``;
- ``big.docx``: ~200 pages (~3,000 paragraphs with tables, a header and a footer) for
  ``read_docx`` against docx2python;
- ``report_200pages.yaml``: a yixue-cugan report of ~200 pages, for the peak memory of a render;
- ``anchor.yaml`` / ``anchor.md``: the same report as plain data for docxtpl and as Markdown for
  pandoc.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
WORK = Path(__file__).resolve().parent / ".work"
DATA = WORK / "data"

_TAG = re.compile(r"<[^>]+>")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")

# Shapes a drafter leaves where a figure is missing (SPEC: *.**万个, **.*%, X月X日, 【待补】 …).
PLACEHOLDERS = ["*.**万个", "**.*%", "*项", "X月X日", "**个", "【待补】", "*,***人次", "××"]


def seed_paragraphs() -> list[str]:
    """Paragraphs of prose from the seeds: HTML and front matter removed, wrapped lines joined."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = _FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
        text = html.unescape(_TAG.sub("\n", text))
        current = ""
        for raw in text.splitlines():
            line = raw.strip()
            starts_paragraph = raw.startswith(("　　", "  ")) or not line
            if starts_paragraph and current:
                paragraphs.append(current)
                current = ""
            current += line
        if current:
            paragraphs.append(current)
    # Keep prose, drop bylines and one-word scraps.
    return [p for p in paragraphs if len(p) >= 30 and sum(_is_cjk(c) for c in p) > len(p) / 2]


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _with_placeholders(paragraph: str, rng: random.Random) -> str:
    """Replace some figures by placeholders, as in a draft whose numbers came late."""
    if rng.random() < 0.3:
        paragraph = _DIGITS.sub(
            lambda m: rng.choice(PLACEHOLDERS) if rng.random() < 0.5 else m.group(),
            paragraph,
            count=2,
        )
    return paragraph


def prose(rng: random.Random, chars: int) -> list[str]:
    """Shuffled seed paragraphs with placeholders, at least ``chars`` characters in all."""
    base = seed_paragraphs()
    out: list[str] = []
    total = 0
    while total < chars:
        batch = base[:]
        rng.shuffle(batch)
        for p in batch:
            p = _with_placeholders(p, rng)
            out.append(p)
            total += len(p)
            if total >= chars:
                break
    return out


def make_corpus(path: Path, size_bytes: int) -> Path:
    rng = random.Random(20231020)
    paragraphs: list[str] = []
    size = 0
    for p in prose(rng, size_bytes):  # chars >= bytes/3, so this is plenty
        paragraphs.append(p)
        size += len(p.encode()) + 1
        if size >= size_bytes:
            break
    _write(path, "\n".join(paragraphs) + "\n")
    return path


def make_short_txt(path: Path) -> Path:
    _write(
        path,
        "关于区级重点项目推进情况的简要说明\n"
        "截至X月X日，全区共推进重点项目**个，完成投资*.**亿元。\n"
        "下一步将加快项目建设进度，确保全年目标任务如期完成。\n",
    )
    return path


def make_page_txt(path: Path) -> Path:
    """One page of a draft as a clerk pastes it: 22 lines of about 28 characters, a few slots."""
    rng = random.Random(2012)
    lines = ["关于区级重点项目推进情况的报告", ""]
    lines += _short_paragraphs(rng, 20, limit=30)
    lines[5] = "截至X月X日，全区共推进重点项目**个，完成投资*.**亿元。"
    _write(path, "\n".join(lines) + "\n")
    return path


def make_stored_xml_docx(path: Path, megabytes: int) -> Path:
    """A .docx whose word/document.xml is ``megabytes`` MB, stored uncompressed: the input that
    once made lint hold gigabytes. Written part by part, never whole in memory."""
    import zipfile

    paragraph = (
        "<w:p><w:r><w:t>截至X月X日，全区共推进重点项目**个，完成投资*.**亿元，"
        "下一步将加快项目建设进度。</w:t></w:r></w:p>"
    ).encode()
    head = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body>"
    )
    tail = b"</w:body></w:document>"
    count = megabytes * 2**20 // len(paragraph)
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
        b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
        b'"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
        b'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"'
        b"/></Relationships>"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("_rels/.rels", rels)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            block = paragraph * 1000
            for _ in range(count // 1000):
                part.write(block)
            part.write(tail)
    tmp.replace(path)
    return path


def _short_paragraphs(rng: random.Random, count: int, limit: int = 85) -> list[str]:
    """Paragraphs of one or two sentences (<= ``limit`` characters where a sentence allows)."""
    out: list[str] = []
    for p in prose(rng, count * limit):
        current = ""
        for sentence in re.findall(r"[^。！？]+[。！？]?", p):
            if current and len(current) + len(sentence) > limit:
                out.append(current)
                current = ""
            current += sentence
        if current:
            out.append(current)
        if len(out) >= count:
            break
    return out


def make_big_docx(path: Path, paragraphs: int = 3000) -> Path:
    """A long draft (~200 pages at 3,000 paragraphs in Word's default layout): headings, body,
    a table every 60 paragraphs, a header and a footer."""
    import docx

    rng = random.Random(9704)
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料　注意保存"
    section.footer.paragraphs[0].text = "区住房城乡建设局办公室　X月X日印发"
    texts = _short_paragraphs(rng, paragraphs)
    for i in range(paragraphs):
        if i % 60 == 0:
            document.add_heading(f"{i // 60 + 1}. 重点工作推进情况", level=1)
        document.add_paragraph(texts[i % len(texts)])
        if i % 60 == 30:
            table = document.add_table(rows=6, cols=4)
            table.style = "Table Grid"
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    cell.text = (
                        "项目"
                        if r == 0
                        else (
                            f"{rng.randint(1, 999)}"
                            if c
                            else rng.choice(["道路改造", "管网更新", "*.**万个"])
                        )
                    )
    _write_bytes(path, _docx_bytes(document))
    return path


def _docx_bytes(document: object) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def make_big_report_yaml(path: Path, report: Path, pages: int = 200) -> Path:
    """The 5-page report blown up to ~``pages`` pages (22 lines x 28 characters a page)."""
    rng = random.Random(2012)
    data = yaml.safe_load(report.read_text(encoding="utf-8"))
    texts = prose(rng, pages * 22 * 28)
    keys = list(data["sections"])
    per_section = len(texts) // len(keys)
    for k, key in enumerate(keys):
        chunk = texts[k * per_section : (k + 1) * per_section]
        section = data["sections"][key]
        if key != "practice":  # only 以学促干 三、 has （一）（二）… subsections
            section["paragraphs"] = chunk
            continue
        section["paragraphs"] = chunk[: len(chunk) // 2]
        rest = chunk[len(chunk) // 2 :]
        section["subsections"] = [
            {"heading": f"第{j + 1}项重点工作", "paragraphs": rest[j * 8 : (j + 1) * 8]}
            for j in range((len(rest) + 7) // 8)
        ]
    _write(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000))
    return path


# --- the same report for the anchors -------------------------------------------------------

CN_NUMBERS = "一二三四五六七八九十"


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split("\n") if p.strip()]
    return [str(p) for p in value]  # type: ignore[union-attr]


_FIGURE_REF = re.compile(r"\{\{\s*(.+?)\s*\}\}")


def _fill_figures(value: object, figures: dict) -> object:
    """Resolve reportgen's ``{{ 名称 }}`` figure references to text, as a docxtpl user would
    before rendering (docxtpl does not render tags inside its context's strings)."""
    if isinstance(value, str):

        def text(m: re.Match[str]) -> str:
            figure = figures.get(m.group(1)) or {}
            number = figure.get("value")
            precision = figure.get("precision", 0)
            shown = "*" if number is None else f"{float(number):.{precision}f}"
            return shown + figure.get("unit", "")

        return _FIGURE_REF.sub(text, value)
    if isinstance(value, list):
        return [_fill_figures(v, figures) for v in value]
    if isinstance(value, dict):
        return {k: _fill_figures(v, figures) for k, v in value.items()}
    return value


def anchor_data(report: Path) -> dict:
    """The report as the plain context a docxtpl user would feed the template."""
    raw = yaml.safe_load(report.read_text(encoding="utf-8"))
    raw = _fill_figures(raw, raw.get("figures") or {})
    sections = []
    for n, key in enumerate(["study", "research", "practice", "results"]):
        s = raw["sections"][key]
        sections.append(
            {
                "number": CN_NUMBERS[n] + "、",
                "heading": s["heading"],
                "paragraphs": _as_list(s.get("paragraphs")),
                "subsections": [
                    {
                        "number": f"（{CN_NUMBERS[j]}）",
                        "heading": sub["heading"],
                        "paragraphs": _as_list(sub.get("paragraphs")),
                    }
                    for j, sub in enumerate(s.get("subsections") or [])
                ],
            }
        )
    date = raw["date"]
    return {
        "title": raw["title"],
        "recipient": raw.get("recipient") or "",
        "preamble": _as_list(raw.get("preamble")),
        "sections": sections,
        "closing": _as_list(raw.get("closing")),
        "issuer": raw["issuer"],
        "date": f"{date.year}年{date.month}月{date.day}日",
    }


def _md(text: str) -> str:
    """Escape what Markdown would read as emphasis (the *-placeholders above all)."""
    return re.sub(r"([*_\\`\[\]<>#])", r"\\\1", text)


def anchor_markdown(data: dict, styles: dict[str, str]) -> str:
    """The same report as the Markdown a pandoc user would write: each block in a div with the
    office's paragraph style (pandoc's ``custom-style``), so pandoc lays it out with the same
    styles as docxtpl and reportgen."""
    data = _escape_all(data)
    out: list[str] = []

    def block(role: str, *paragraphs: str) -> None:
        if paragraphs:
            out.append(
                f'::: {{custom-style="{styles[role]}"}}\n' + "\n\n".join(paragraphs) + "\n:::\n"
            )

    block("title", data["title"])
    if data["recipient"]:
        block("recipient", data["recipient"] + "：")
    block("body", *data["preamble"])
    for s in data["sections"]:
        block("heading1", s["number"] + s["heading"])
        block("body", *s["paragraphs"])
        for sub in s["subsections"]:
            block("heading2", sub["number"] + sub["heading"])
            block("body", *sub["paragraphs"])
    block("body", *data["closing"])
    block("signature", data["issuer"])
    block("date", data["date"])
    return "\n".join(out)


def _escape_all(value):  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return _md(value)
    if isinstance(value, list):
        return [_escape_all(v) for v in value]
    if isinstance(value, dict):
        return {k: _escape_all(v) for k, v in value.items()}
    return value


def _write(path: Path, text: str) -> None:
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(content)
    tmp.replace(path)


def build(
    report: Path,
    corpus_bytes: int,
    docx_paragraphs: int,
    big_pages: int,
    styles: dict[str, str],
    huge_docx_paragraphs: int = 30_000,
    stored_xml_mb: int = 150,
) -> dict[str, Path]:
    """Generate every input (skipping those already there with the same parameters)."""
    tag = f"v3-{corpus_bytes}-{docx_paragraphs}-{big_pages}-{huge_docx_paragraphs}-{stored_xml_mb}"
    out = DATA / tag
    paths = {
        "corpus": out / "corpus.txt",
        "short": out / "short.txt",
        "page": out / "page.txt",
        "big_docx": out / "big.docx",
        "huge_docx": out / "huge.docx",
        "stored_xml_docx": out / "stored-xml.docx",
        "big_yaml": out / "report_200pages.yaml",
        "anchor_yaml": out / "anchor.yaml",
        "anchor_md": out / "anchor.md",
    }
    if not paths["corpus"].exists():
        make_corpus(paths["corpus"], corpus_bytes)
    if not paths["short"].exists():
        make_short_txt(paths["short"])
    if not paths["page"].exists():
        make_page_txt(paths["page"])
    if not paths["big_docx"].exists():
        make_big_docx(paths["big_docx"], docx_paragraphs)
    if not paths["huge_docx"].exists():
        make_big_docx(paths["huge_docx"], huge_docx_paragraphs)
    if not paths["stored_xml_docx"].exists():
        make_stored_xml_docx(paths["stored_xml_docx"], stored_xml_mb)
    # These follow the report, which may change between runs (the bundled example lands).
    make_big_report_yaml(paths["big_yaml"], report, big_pages)
    data = anchor_data(report)
    _write(paths["anchor_yaml"], yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    _write(paths["anchor_md"], anchor_markdown(data, styles))
    return paths
