"""Measure `reportgen import` (and the render after it) on the real-document corpus (corpus/).

For each document: ``reportgen import DOC -o tmp.yaml --force`` (the proposed kind, or ``--kind``),
then ``reportgen render tmp.yaml -o tmp.docx``, then source and rendered text are compared:

- Chinese characters lost and added (multisets of CJK characters; a renumbered heading shows as
  one lost and one added numeral); lost characters that import listed as dropped are counted apart;
- numbered headings (一、 （一） 1. （1）) whose label changed: the heading is found in the output in
  reading order by its first 20 characters (a shorter output line only when it has a label of its
  own), and its label there is compared with the label it had;
- values filled that are not in the source: the title, issuer, recipient and date import wrote,
  and every date (2025年3月1日) in the rendered document that the source does not have;
- lines dropped, when import reports them (``--format json`` with a ``dropped`` list).

Targets (issue 10): 0 characters lost that are not listed as dropped, 0 renumbered headings, 0
invented values. A failed import or render is counted, not a crash. The rendered .docx is read with
corpus/docx_paragraphs.py (python-docx), not with reportgen's reader; reportgen runs as a command.

    python benchmarks/evaluate_import.py [--verbose] [--json] [--check] [--kind KIND] [--only ID]
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

try:
    import corpus_eval
except ModuleNotFoundError:  # loaded by file path (tests/test_lint_corpus.py), not run as a script
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus_eval

CJK = re.compile(r"[\u3400-\u9fff\u3007\u25cb]")  # with U+3007 and U+25CB: zero in dates
LABEL = re.compile(
    r"^\s*(?P<label>[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.．](?!\d)|（\d{1,2}）)"
)
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
UNFILLED = re.compile(r"待补|\{\{|[XxＸ×]{2,}|\*{2,}|＊{2,}")
CN_DATE = re.compile(
    r"([\u3007\u25cb零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
CN_DIGITS = dict(zip("\u3007\u25cb零一二三四五六七八九", "000123456789", strict=True))


def read_lines(path: Path) -> list[str]:
    """Text lines of a .txt/.md, paragraphs (body, tables, boxes, headers, footers) of a .docx."""
    if path.suffix == ".docx":
        return [text for _, _, text in corpus_eval.load_docx_reader().paragraphs(path)]
    return path.read_text(encoding="utf-8").split("\n")


def cjk(text: str) -> str:
    return "".join(CJK.findall(text))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _date_key(year: str, month: str, day: str) -> tuple[int, int, int]:
    return int(year), int(month), int(day)


def source_dates(text: str) -> set[tuple[int, int, int]]:
    """Dates the source holds, in Arabic or Chinese numerals (二○○七年六月五日)."""
    found = {_date_key(*m.groups()) for m in DATE.finditer(text)}
    for m in re.finditer(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        found.add(_date_key(*m.groups()))
    found.update(_cn_date(m) for m in CN_DATE.finditer(text))
    return found


def _cn_date(m: re.Match[str]) -> tuple[int, int, int]:
    year = "".join(CN_DIGITS.get(ch, "0") for ch in m.group(1))
    return int(year), _cn_number(m.group(2)), _cn_number(m.group(3))


def _cn_number(text: str) -> int:
    digits = {ch: int(CN_DIGITS[ch]) for ch in "一二三四五六七八九"}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, ones = text.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


KEY_CHARS = 20  # CJK characters that identify a heading: a short signature line is not one


def headings(lines: list[str]) -> list[tuple[str, str]]:
    """``(label, key)`` of numbered headings: the key is the first 20 CJK characters after the label."""
    out = []
    for line in lines:
        m = LABEL.match(line)
        if m:
            key = cjk(line[m.end() :])[:KEY_CHARS]
            if len(key) >= 2:
                out.append((m.group("label"), key))
    return out


def _same_heading(key: str, label: str, rest: str) -> bool:
    """Whether an output paragraph (``label``, ``rest``) is the heading whose words are ``key``.

    The paragraph starts with the key; or it is shorter than the key and the key starts with it
    (a heading split from the sentence that followed it) — then only when it carries a label of
    its own: an unlabelled short line (a signature that shares the heading's first words) is not
    the heading.
    """
    if len(rest) >= len(key):
        return rest.startswith(key)
    return bool(label) and len(rest) >= 2 and key.startswith(rest)


def renumbered(source: list[str], output: list[str]) -> list[dict[str, str]]:
    """Headings found in the output under another label (or none).

    Each heading is looked for in reading order, after the previous one found: an output
    paragraph that is the heading (:func:`_same_heading`); failing that, anywhere after it; then
    as words inside a paragraph (a heading merged into text, label lost).
    """
    items = []
    for line in output:
        m = LABEL.match(line)
        items.append((m.group("label") if m else "", cjk(line[m.end() :] if m else line)))
    used: set[int] = set()
    changes = []
    after = 0  # where the previous heading was found: the next is looked for from there on
    for label, key in headings(source):
        order = [*range(after, len(items)), *range(after)]
        found = next(
            (i for i in order if i not in used and _same_heading(key, *items[i])),
            None,
        )
        if found is None:
            found = next((i for i in order if i not in used and key in items[i][1]), None)
        if found is None:
            continue  # the heading's words are gone: counted among the lost characters
        used.add(found)
        after = found + 1
        became = items[found][0]
        if became != label:
            changes.append({"heading": key, "label": label, "became": became or "（无序号）"})
    return changes


def run(command: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, *args], capture_output=True, text=True, check=False)


def import_has_json(command: list[str]) -> bool:
    return "--format" in run(command, "import", "--help").stdout


def load_yaml(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def invented(values: dict[str, Any], source_text: str, rendered: list[str]) -> list[str]:
    """Values in the YAML or dates in the rendered document that the source does not hold."""
    flat = squeeze(source_text)
    dates = source_dates(source_text)
    found = []
    for key in ("title", "issuer", "recipient"):
        value = values.get(key)
        if not isinstance(value, str) or not value.strip() or UNFILLED.search(value):
            continue  # left unfilled: render shows it as a placeholder, which is what we want
        if squeeze(value).rstrip("：:") not in flat:
            found.append(f"{key}: {value}")
    value = values.get("date")
    counted = set(dates)  # a date already reported from the YAML is not reported again
    if value is not None and str(value).strip() and not UNFILLED.search(str(value)):
        m = ISO_DATE.match(str(value).strip())
        if not m or _date_key(*m.groups()) not in dates:
            found.append(f"date: {value}")
            if m:
                counted.add(_date_key(*m.groups()))
    for line in rendered:
        for m in DATE.finditer(line):
            if _date_key(*m.groups()) not in counted:
                found.append(f"rendered date: {m.group(0)}")
    return sorted(set(found))


def evaluate_document(doc: Path, command: list[str], kind: str | None, json_import: bool) -> dict:
    row: dict[str, Any] = {"document": doc.name, "status": "ok"}
    source = read_lines(doc)
    source_text = "\n".join(source)
    with tempfile.TemporaryDirectory(prefix="corpus-import-") as tmp:
        yaml_path, docx_path = Path(tmp) / "draft.yaml", Path(tmp) / "draft.docx"
        args = ["import", str(doc), "-o", str(yaml_path), "--force"]
        if kind:
            args += ["--kind", kind]
        if json_import:
            args += ["--format", "json"]
        done = run(command, *args)
        if done.returncode != 0 or not yaml_path.exists():
            row["status"] = "import failed"
            row["error"] = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
            return row
        report: dict[str, Any] = {}
        if json_import:
            try:
                report = json.loads(done.stdout)
            except json.JSONDecodeError:
                report = {}
        values = load_yaml(yaml_path)
        row["kind"] = values.get("kind", "")
        dropped = report.get("dropped") or []
        done = run(command, "render", str(yaml_path), "-o", str(docx_path))
        if done.returncode != 0 or not docx_path.exists():
            row["status"] = "render failed"
            row["error"] = (done.stderr or done.stdout).strip().splitlines()[-1:] or [""]
            return row
        output = read_lines(docx_path)
    # A date in Chinese numerals rendered in Arabic numerals (GB/T 9704) is kept, not lost.
    compared = CN_DATE.sub(lambda m: "{}年{}月{}日".format(*_cn_date(m)), source_text)
    lost = Counter(cjk(compared)) - Counter(cjk("\n".join(output)))
    added = Counter(cjk("\n".join(output))) - Counter(cjk(compared))
    listed = Counter(cjk("".join(str(item.get("text", "")) for item in dropped)))
    row.update(
        lost=sum(lost.values()),
        added=sum(added.values()),
        lost_unlisted=sum((lost - listed).values()),
        lost_sample="".join((lost - listed).elements())[:40],
        renumbered=renumbered(source, output),
        invented=invented(values, source_text, output),
        dropped=len(dropped),
        headings=len(headings(source)),
    )
    return row


def evaluate(corpus: Path, command: list[str], kind: str | None, only: str | None) -> dict:
    documents = corpus_eval.documents(corpus)
    if only:
        documents = [d for d in documents if d.name.startswith(only)]
    json_import = import_has_json(command)
    rows = [evaluate_document(doc, command, kind, json_import) for doc in documents]
    ok = [r for r in rows if r["status"] == "ok"]
    totals = {
        "documents": len(rows),
        "import_failed": sum(r["status"] == "import failed" for r in rows),
        "render_failed": sum(r["status"] == "render failed" for r in rows),
        "cjk_lost": sum(r["lost"] for r in ok),
        "cjk_added": sum(r["added"] for r in ok),
        "cjk_lost_not_listed": sum(r["lost_unlisted"] for r in ok),
        "headings": sum(r["headings"] for r in ok),
        "renumbered": sum(len(r["renumbered"]) for r in ok),
        "invented": sum(len(r["invented"]) for r in ok),
        "dropped_lines_listed": sum(r["dropped"] for r in ok),
        "documents_with_loss": sum(r["lost_unlisted"] > 0 for r in ok),
        "documents_renumbered": sum(bool(r["renumbered"]) for r in ok),
        "documents_with_invented": sum(bool(r["invented"]) for r in ok),
    }
    met = (
        totals["cjk_lost_not_listed"] == 0
        and totals["renumbered"] == 0
        and totals["invented"] == 0
        and totals["import_failed"] + totals["render_failed"] == 0
    )
    return {"totals": totals, "rows": rows, "import_json": json_import, "all_targets_met": met}


def print_table(result: dict, verbose: bool) -> None:
    print(
        "| document | kind | status | 字 lost | 字 added | lost, not listed | renumbered | invented | dropped |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in result["rows"]:
        if r["status"] != "ok":
            print(f"| {r['document']} | | {r['status']} | | | | | | |")
            continue
        print(
            f"| {r['document']} | {r['kind']} | ok | {r['lost']} | {r['added']} | {r['lost_unlisted']} "
            f"| {len(r['renumbered'])}/{r['headings']} | {len(r['invented'])} | {r['dropped']} |"
        )
    t = result["totals"]
    print()
    print(
        f"documents {t['documents']}: import failed {t['import_failed']}, render failed "
        f"{t['render_failed']}; Chinese characters lost {t['cjk_lost']} (not listed as dropped: "
        f"{t['cjk_lost_not_listed']}, in {t['documents_with_loss']} documents), added {t['cjk_added']}; "
        f"numbered headings renumbered {t['renumbered']} of {t['headings']} (in "
        f"{t['documents_renumbered']} documents); invented values {t['invented']} (in "
        f"{t['documents_with_invented']} documents); dropped lines listed {t['dropped_lines_listed']}"
        + ("" if result["import_json"] else " (import has no --format json yet)")
    )
    print("targets: 0 lost not listed, 0 renumbered, 0 invented, 0 failures —", end=" ")
    print("met" if result["all_targets_met"] else "NOT met")
    if verbose:
        for r in result["rows"]:
            details = []
            if r["status"] != "ok":
                details.append(f"  {r['status']}: {' '.join(r.get('error', []))}")
            else:
                if r["lost_unlisted"]:
                    details.append(f"  lost: {r['lost_sample']}")
                for change in r["renumbered"]:
                    details.append(
                        f"  renumbered: {change['label']}{change['heading']} → {change['became']}"
                    )
                for value in r["invented"]:
                    details.append(f"  invented {value}")
            if details:
                print()
                print(r["document"])
                print("\n".join(details))


def main() -> int:
    parser = corpus_eval.parser(__doc__.split("\n\n")[0])
    parser.add_argument("--kind", help="import every document as this kind")
    parser.add_argument("--only", help="only documents whose name starts with this (an id)")
    args = parser.parse_args()
    result = evaluate(args.corpus, corpus_eval.command(args), args.kind, args.only)
    return corpus_eval.finish(args, result, print_table)


if __name__ == "__main__":
    sys.exit(main())
