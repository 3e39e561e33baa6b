#!/usr/bin/env bash
# Set up (virtual environment, dependencies), build the knowledge graph and start the viewer.
# Usage: ./run.sh [kg serve options, e.g. --port 9000 --host 0.0.0.0]
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-venv.sh
.venv/bin/kg build
.venv/bin/kg secret init   # the key that signs the sessions, in var/secret_key (kept when it exists)
exec .venv/bin/kg serve "$@"
