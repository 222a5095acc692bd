"""Whatever a clerk's editor does to a report YAML, render answers with a message, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES
from reportgen import api
from reportgen.errors import ReportgenError
from reportgen.kinds.registry import load_registry

LINES = (EXAMPLES / "yixue-cugan-draft.yaml").read_text("utf-8").splitlines()
REGISTRY = load_registry()
JUNK = st.sampled_from(
    [
        "",
        "  ",
        "\t",
        ":",
        "- ",
        "{{",
        "}}",
        "{{ 未知 }}",
        "[",
        "]",
        "{",
        "'",
        '"',
        "|",
        ">",
        "*.**",
        "2023-02-30",
        "value: x",
        "  - 段落",
        "sections:",
        "figures:",
        "kind: annual-summary",
        "null",
        "~",
        "1e999",
        "0x1F",
        "&a",
        "*a",
        "!!python/object:os.system",
        "\u3000",
        "：",
        "％",
    ]
)


@st.composite
def edited(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "append"]))
        if action == "delete":
            del lines[where]
        elif action == "duplicate":
            lines.insert(where, lines[where])
        elif action == "insert":
            lines.insert(where, draw(JUNK))
        else:
            lines[where] += draw(JUNK)
    return "\n".join(lines) + "\n"


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=edited())
def test_edited_yaml_renders_or_says_why(tmp_path, text):
    source = tmp_path / "r.yaml"
    source.write_text(text, "utf-8")
    try:
        result = api.render(source, tmp_path / "r.docx", registry=REGISTRY)
    except ReportgenError as error:
        assert error.problems and all(problem.message for problem in error.problems)
        assert error.exit_code in (1, 2)
    else:
        assert result.output is not None and result.output.stat().st_size > 0
