"""A report reportgen rendered comes back through import as the report it was."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from reportgen import api
from reportgen.docx import read_docx
from reportgen.importer import import_draft
from reportgen.kinds.registry import load_registry


@pytest.mark.parametrize(
    "name", ["yixue-cugan", "yixue-cugan-draft", "annual-summary", "progress-brief"]
)
def test_render_import_render_gives_the_same_text(tmp_path, name):
    registry = load_registry()
    first = tmp_path / "first.docx"
    api.render(EXAMPLES / f"{name}.yaml", first, registry=registry)
    imported = import_draft(first, output=tmp_path / "back.yaml", registry=registry)
    loaded = api.load_report(imported.output, registry)
    original = api.load_report(EXAMPLES / f"{name}.yaml", registry)
    fields = (
        ("title", "brief_name", "issue_no", "editor", "date", "distribution")
        if original.kind.spec.layout == "brief"
        else ("title", "recipient", "issuer", "date")
    )
    for field in fields:
        assert getattr(loaded.report, field) == getattr(original.report, field), field
    second = tmp_path / "second.docx"
    api.render(imported.output, second, registry=registry)
    texts = [[p.text for p in read_docx(path) if p.location == "正文"] for path in (first, second)]
    assert texts[0] == texts[1]
