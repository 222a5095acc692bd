"""The docxtpl anchor as a user runs it: fill the office template with the report's data.

Usage: python docxtpl_render.py DATA.yaml TEMPLATE.docx OUT.docx
"""

from __future__ import annotations

import io
import sys

import yaml
from docxtpl import DocxTemplate


def render(data: dict, template: str) -> bytes:
    document = DocxTemplate(template)
    document.render(data)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_file(data_path: str, template: str) -> bytes:
    with open(data_path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return render(data, template)


if __name__ == "__main__":
    data_path, template, out = sys.argv[1:4]
    with open(out, "wb") as f:
        f.write(render_file(data_path, template))
