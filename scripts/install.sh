#!/usr/bin/env bash
# Create .venv with Python >= 3.12 (found on PATH or under pyenv) and install geokg with its
# dev extras. Usage: bash scripts/install.sh [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

find_python() {
  for c in python3.13 python3.12 python3; do
    if command -v "$c" >/dev/null 2>&1 && "$c" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      command -v "$c"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for v in $(ls "$(pyenv root)/versions" 2>/dev/null | sort -rV); do
      p="$(pyenv root)/versions/$v/bin/python3"
      if [ -x "$p" ] && "$p" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
        echo "$p"; return 0
      fi
    done
  fi
  return 1
}

if [ "${1:-}" = "--fresh" ]; then rm -rf .venv; fi
if [ ! -x .venv/bin/python ]; then
  PY=$(find_python) || { echo "error: geokg needs Python >= 3.12 (not found on PATH or under pyenv)" >&2; exit 1; }
  echo "using $PY ($("$PY" --version))"
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
echo "installed: $(.venv/bin/geokg --help >/dev/null && echo .venv/bin/geokg)"
