#!/usr/bin/env bash
# Set up (virtual environment, dependencies, test tools) and run the whole test suite.
# Usage: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
EXTRAS=test source scripts/setup-venv.sh
bash scripts/install-browser.sh   # Debian's Chromium for the browser tests, when missing
bash scripts/install-virtuoso.sh || true   # Virtuoso Open Source (the second backend), when missing
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/pytest "$@"
# the same suite on a remote backend: every test that reaches the graph runs again against Virtuoso (tests/backends.py)
if command -v virtuoso-t >/dev/null; then
  .venv/bin/pytest --backend virtuoso "$@"
else
  echo "test.sh: virtuoso-t is not installed: the suite did not run on the Virtuoso backend" >&2
fi
