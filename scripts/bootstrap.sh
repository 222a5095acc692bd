#!/usr/bin/env bash
# Set up a fresh machine that has only python3: a virtual environment in .venv with reportgen
# installed as users install it (pip install ., not editable). With --test, also the test tools
# and, where we are root, LibreOffice, CJK fonts and poppler for the layout tests and Chromium with
# its driver for the test of the edit page in a real browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--test" ]]; then
  if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null \
    || ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      echo "== 安装 LibreOffice、中文字体、poppler（版式测试用）和 Chromium（网页测试用）" >&2
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui fonts-noto-cjk fonts-liberation2 poppler-utils chromium \
        chromium-driver >/dev/null
    else
      echo "!! 未找到 soffice/pdftotext/chromium，版式和网页测试将跳过（CI 中会失败）" >&2
    fi
  fi
  extras=".[test]"
else
  extras="."
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "== 建立虚拟环境 .venv" >&2
  python3 -m venv .venv
fi
echo "== 安装 reportgen 及依赖" >&2
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install -q --disable-pip-version-check --force-reinstall --no-deps . >/dev/null
.venv/bin/python -m pip install -q --disable-pip-version-check "$extras" >/dev/null
