#!/usr/bin/env bash
# Vendor vis-network (the drawing library of /network) from the npm registry into webapp/static/vendor/vis-network/.
# Copies only the standalone UMD build (vis-network.min.js, which carries its dependencies and injects its own CSS,
# so no separate stylesheet is needed) plus the licences; no node_modules is kept.
# Usage: scripts/vendor-vis-network.sh [VERSION]   (default: the pinned version below; e.g. "10" for the latest 10.x)
# Needs npm. Run from anywhere; review the diff and run tests/test_network.py afterwards.
set -euo pipefail
PACKAGE="vis-network"
VERSION="${1:-10.1.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/webapp/static/vendor/vis-network"
NAME="vendor-vis-network"
# shellcheck source=scripts/vendor-lib.sh
source "$ROOT/scripts/vendor-lib.sh"

vendor_fetch
build="$WORK/package/standalone/umd/vis-network.min.js"
[ -f "$build" ] || { echo "vendor-vis-network: standalone/umd/vis-network.min.js saknas / missing in $PACKAGE@$resolved" >&2; exit 1; }

vendor_dependencies

rm -rf "$DEST"
mkdir -p "$DEST"
# The source map is not shipped: drop its reference so that browsers' developer tools do not ask for it.
sed -e '/^\/\/# sourceMappingURL=/d' "$build" > "$DEST/vis-network.min.js"
{
  echo "$PACKAGE $resolved (https://github.com/visjs/vis-network), (c) 2011-2017 Almende B.V., 2017- visjs contributors."
  echo "Dual licensed: Apache License 2.0 OR MIT; either may be chosen. Both texts follow, as shipped in the package."
  echo "The bundle vis-network.min.js also includes third-party code: see THIRD-PARTY-LICENSES.txt."
  echo
  echo "==================================================================== LICENSE-MIT"
  cat "$WORK/package/LICENSE-MIT"
  echo
  echo "==================================================================== LICENSE-APACHE-2.0"
  cat "$WORK/package/LICENSE-APACHE-2.0"
} > "$DEST/LICENSE"

vendor_third_party_licences '^vis-network$' \
  "Third-party packages installed with $PACKAGE@$resolved (npm install --omit=dev), whose code the standalone" \
  "bundle vis-network.min.js may include, with their licences as published in each package."

vendor_finish
