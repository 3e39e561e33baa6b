#!/usr/bin/env bash
# Set up (virtual environment, dependencies, test tools) and run the whole test suite.
# Usage: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
EXTRAS=test source scripts/setup-venv.sh
bash scripts/install-browser.sh   # Debian's Chromium for the browser tests, when missing
bash scripts/install-virtuoso.sh || true   # Virtuoso Open Source for tests/test_virtuoso.py, when missing
.venv/bin/ruff check .
.venv/bin/pytest "$@"
