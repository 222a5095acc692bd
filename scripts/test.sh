#!/usr/bin/env bash
# The whole check, as CI runs it: set up, then style (ruff), types (mypy) and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh --test
.venv/bin/ruff check src tests benchmarks scripts
.venv/bin/ruff format --check src tests benchmarks scripts
.venv/bin/mypy
.venv/bin/python -m pytest -p no:cacheprovider "$@"
