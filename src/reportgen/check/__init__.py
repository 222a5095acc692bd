"""``reportgen check``: is a .docx in the official layout of GB/T 9704-2012?

Two tiers. The *structure* tier reads the file's own settings (page, grid, fonts, indents, page
numbers). The *measured* tier has LibreOffice lay the document out and measures the PDF: lines per
page, characters per line, every character present, nothing beyond the 版心, page numbers,
署名 with its text, 版记 at the foot. Where the measured tier cannot run, the result says
未实际排版核验 and is never a pass.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportgen.check.findings import FileResult, Finding, exit_code, format_json, format_text
from reportgen.errors import ReportgenError

__all__ = ["FileResult", "Finding", "check_files", "exit_code", "format_json", "format_text"]


def check_files(
    paths: Sequence[Path], measured: bool = True, profile: Path | None = None
) -> list[FileResult]:
    """Check each file; all the measurable ones go through one LibreOffice call. ``profile``:
    a layout profile file whose page values the structure tier holds the files to."""
    from reportgen.check.structure import check_structure
    from reportgen.docx.read.reader import read_docx
    from reportgen.layouts.gbt9704 import PAGE, Page
    from reportgen.layouts.profile import load_profile

    page = PAGE if profile is None else Page.of(load_profile(profile))
    results: list[FileResult] = []
    readable: list[tuple[FileResult, Path, list[Any], bool]] = []
    for path in paths:
        result = FileResult(str(path))
        results.append(result)
        try:
            paragraphs = list(read_docx(Path(path)))
            findings, section = check_structure(Path(path), page)
        except ReportgenError as exc:
            result.unreadable = "；".join(p.message for p in exc.problems)
            continue
        result.findings += findings
        if section.letter:
            result.figures["版式"] = "信函格式"
        readable.append((result, Path(path), paragraphs, section.letter))
    if not measured:
        for result, _, _, _ in readable:
            result.unmeasured_reason = "按要求只检查了结构（未运行 LibreOffice）。"
    elif readable:
        _measure_all(readable)
    return results


def _measure_all(readable: list[tuple[FileResult, Path, list[Any], bool]]) -> None:
    import subprocess

    from reportgen.check.convert import ConversionFailed, to_pdf
    from reportgen.check.fonts import font_report
    from reportgen.check.measured import doc_text, measure
    from reportgen.check.pdftext import pdf_fonts, read_lines

    with tempfile.TemporaryDirectory(prefix="reportgen-check-") as folder:
        try:
            pdfs = to_pdf([path for _, path, _, _ in readable], Path(folder))
        except ConversionFailed as exc:
            for result, _, _, _ in readable:
                result.unmeasured_reason = str(exc)
            return
        statuses = font_report()
        for (result, _, paragraphs, letter), pdf in zip(readable, pdfs, strict=True):
            if pdf is None:
                result.unmeasured_reason = "LibreOffice 未能把此文件转换为 PDF。"
                continue
            try:
                pages = read_lines(pdf)
                embedded = pdf_fonts(pdf)
            except (OSError, subprocess.SubprocessError) as exc:
                result.unmeasured_reason = (
                    f"无法读取转换出的 PDF（需要 poppler 的 pdftotext、pdffonts：{exc}）。"
                )
                continue
            findings, figures = measure(pages, doc_text(paragraphs), letter=letter)
            result.findings += findings
            result.figures.update(figures)
            result.figures["嵌入字体"] = embedded
            missing = [s for s in statuses or [] if not s.present]
            if missing:
                names = "、".join(f"{s.font}→{s.fallback or '?'}" for s in missing)
                result.findings.append(
                    Finding("measured", "font-substituted", "5.2.2", "info",
                            f"本机缺少官方字体，实测使用替代字体（{names}），结果只在替代字体下成立。")
                )  # fmt: skip
            result.measured = True
