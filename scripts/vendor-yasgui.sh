#!/usr/bin/env bash
# Vendor YASGUI (the SPARQL editor of /sparql) from the npm registry into webapp/static/vendor/yasgui/.
# Copies only the built browser files (UMD bundle and CSS) plus the licences; no node_modules is kept.
# Usage: scripts/vendor-yasgui.sh [VERSION]     (default: the pinned version below; e.g. "4" for the latest 4.x)
# Needs npm. Run from anywhere; review the diff and run tests/test_browser.py afterwards.
set -euo pipefail
PACKAGE="@zazuko/yasgui"
VERSION="${1:-4.6.2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="$ROOT/webapp/static/vendor/yasgui"
NAME="vendor-yasgui"
# shellcheck source=scripts/vendor-lib.sh
source "$ROOT/scripts/vendor-lib.sh"

vendor_fetch
build="$WORK/package/build"
for file in yasgui.min.js yasgui.min.css; do
  [ -f "$build/$file" ] || { echo "vendor-yasgui: $file saknas / missing in $PACKAGE@$resolved" >&2; exit 1; }
done

vendor_dependencies

rm -rf "$DEST"
mkdir -p "$DEST"
# The source map is not shipped: drop its reference so that browsers' developer tools do not ask for it.
sed -e '/^\/\/# sourceMappingURL=/d' "$build/yasgui.min.js" > "$DEST/yasgui.min.js"
sed -e 's#/\*\# sourceMappingURL=[^*]*\*/##' "$build/yasgui.min.css" > "$DEST/yasgui.min.css"

cat > "$DEST/LICENSE" <<EOF
$PACKAGE $resolved (https://github.com/rdfjs/Yasgui), by Triply <info@triply.cc> and Zazuko GmbH.
Licence: MIT (the package.json "license" field; the npm package ships no licence file, the text below is the MIT
licence as in the upstream TriplyDB/Yasgui repository's LICENSE.txt).
The bundle yasgui.min.js also includes third-party code: see THIRD-PARTY-LICENSES.txt.

The MIT License (MIT)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
EOF

vendor_third_party_licences '^@zazuko/' \
  "Third-party packages installed with $PACKAGE@$resolved (npm install --omit=dev), whose code the bundle" \
  "yasgui.min.js may include, with their licences as published in each package."

vendor_finish
