"""The installed command: found templates from any folder, starts without heavy imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES


def reportgen_command() -> str:
    beside = Path(sys.executable).with_name("reportgen")
    return str(beside) if beside.exists() else (shutil.which("reportgen") or "reportgen")


def test_installed_command_renders_from_another_folder(tmp_path):
    source = tmp_path / "r.yaml"
    shutil.copy(EXAMPLES / "yixue-cugan.yaml", source)
    done = subprocess.run(
        [reportgen_command(), "render", "r.yaml"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.docx").stat().st_size > 5000


def test_help_imports_no_heavy_library():
    probe = (
        "import sys, reportgen.cli.app\n"
        "heavy = ('docx', 'jinja2', 'lxml', 'rich', 'ruamel', 'openpyxl', 'reportgen.api')\n"
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_every_subpackage_is_listed_for_installation():
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    on_disk = {
        ".".join(p.parent.relative_to(root / "src").parts)
        for p in (root / "src" / "reportgen").rglob("__init__.py")
    }
    assert on_disk <= listed


def test_stored_help_page_is_what_typer_prints():
    from reportgen.cli.app import top_level_help
    from reportgen.cli.stored_help import TOP_LEVEL_HELP

    assert top_level_help() == TOP_LEVEL_HELP, "run: python scripts/make_help.py"


def test_help_is_printed_without_importing_typer():
    probe = (
        "import sys\n"
        "sys.argv = ['reportgen', '--help']\n"
        "from reportgen.cli.launcher import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print('typer' in sys.modules, code, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "False 0"
    assert done.stdout.startswith("用法：reportgen [选项] 命令 [参数]")


def test_installed_command_runs_the_launcher(tmp_path):
    done = subprocess.run(
        [reportgen_command(), "kinds"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0 and "yixue-cugan" in done.stdout
