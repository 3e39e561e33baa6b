#!/usr/bin/env bash
# Set up (virtual environment, dependencies, test tools) and run the whole test suite.
# Usage: ./test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")"
EXTRAS=test source scripts/setup-venv.sh
.venv/bin/ruff check .
.venv/bin/pytest "$@"
