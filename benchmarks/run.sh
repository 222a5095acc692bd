#!/usr/bin/env bash
# One command for the benchmarks: bash benchmarks/run.sh [--quick]
# Prepares benchmarks/.work/venv (the anchors from PyPI, reportgen itself with `pip install .`),
# pandoc from Debian when root and missing, then prints the table and writes benchmarks/results.md.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
VENV="$HERE/.work/venv"
PYTHON="${PYTHON:-python3}"

if ! command -v pandoc >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing pandoc (Debian) …" >&2
    (apt-get install -y -qq pandoc >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq pandoc >/dev/null 2>&1; }) \
        || echo "pandoc could not be installed: its rows will read n/a" >&2
fi

if [ ! -x "$VENV/bin/python" ]; then
    echo "creating $VENV …" >&2
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --upgrade pip setuptools wheel
fi
# The anchors, pinned to the versions these figures were first measured with.
"$VENV/bin/pip" install -q docxtpl==0.20.2 docx2python==3.7.1 autocorrect-py==2.14.0 \
    pyyaml pyinstrument
# reportgen as a user gets it (not editable), rebuilt from the current tree every run.
"$VENV/bin/pip" install -q "$ROOT"
"$VENV/bin/pip" install -q --no-deps --force-reinstall --no-build-isolation "$ROOT"

exec "$VENV/bin/python" "$HERE/bench.py" --python "$VENV/bin/python" \
    --reportgen "$VENV/bin/reportgen" "$@"
