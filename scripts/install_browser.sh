#!/usr/bin/env bash
# Install what the dashboard's browser tests need, idempotently:
#   - Debian's chromium (apt), only when /usr/bin/chromium is missing;
#   - the Python playwright package in .venv, only when it is missing.
# Playwright drives Debian's chromium through executable_path="/usr/bin/chromium";
# we never run `playwright install` (no browser downloads at test time).
set -euo pipefail

cd "$(dirname "$0")/.."
VENV_PY="${VENV_PY:-.venv/bin/python}"

if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
else
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
fi

if ! "$VENV_PY" -c "import playwright" 2>/dev/null; then
    "$VENV_PY" -m pip install "playwright>=1.40"
else
    echo "playwright already installed in $("$VENV_PY" -c 'import sys; print(sys.prefix)')"
fi
