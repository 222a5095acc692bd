#!/usr/bin/env bash
# The whole check, as CI runs it: set up, then style (ruff), types (mypy), the layers of the
# packages (import-linter, contracts in pyproject.toml) and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
.venv/bin/mypy
PYTHONPATH=src .venv/bin/lint-imports --no-cache  # the source, not the installed copy
.venv/bin/python -m pytest -p no:cacheprovider "$@"
