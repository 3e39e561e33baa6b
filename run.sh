#!/usr/bin/env bash
# Set up (virtual environment, dependencies) and build the knowledge graph, printing its summary.
# Usage: ./run.sh            (later: also starts the viewer)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh
.venv/bin/kg build
