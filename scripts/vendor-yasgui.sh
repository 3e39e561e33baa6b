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
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
# 1. The package itself, exactly as published.
tarball="$(npm pack --silent "$PACKAGE@$VERSION" 2>/dev/null | tail -n 1)"
tar -xzf "$tarball"
resolved="$(node -p 'require("./package/package.json").version')"
build="$WORK/package/build"
for file in yasgui.min.js yasgui.min.css; do
  [ -f "$build/$file" ] || { echo "vendor-yasgui: $file saknas / missing in $PACKAGE@$resolved" >&2; exit 1; }
done

# 2. Its dependencies, only to collect the licences of the code the bundle includes.
mkdir deps && (cd deps && echo '{"private": true}' > package.json &&
  npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund "$PACKAGE@$resolved" >/dev/null 2>&1)

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

# Every runtime dependency npm installed with the package: name, version, licence, and its licence file.
node - "$WORK/deps/node_modules" "$PACKAGE@$resolved" > "$DEST/THIRD-PARTY-LICENSES.txt" <<'EOF'
const fs = require("fs"), path = require("path");
const [root, pkg] = process.argv.slice(2);
const dirs = [];
for (const name of fs.readdirSync(root).sort()) {
  if (name.startsWith(".")) continue;
  if (name.startsWith("@")) {
    for (const sub of fs.readdirSync(path.join(root, name)).sort()) dirs.push(path.join(root, name, sub));
  } else dirs.push(path.join(root, name));
}
console.log(`Third-party packages installed with ${pkg} (npm install --omit=dev), whose code the bundle`);
console.log("yasgui.min.js may include, with their licences as published in each package.\n");
for (const dir of dirs) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  if (meta.name.startsWith("@zazuko/") || meta.name.startsWith("@types/")) continue;
  const licence = meta.license || (meta.licenses || []).map((l) => l.type || l).join(" OR ") || "see file";
  console.log("=".repeat(78));
  console.log(`${meta.name}@${meta.version}: ${typeof licence === "string" ? licence : JSON.stringify(licence)}`);
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  for (const file of files) console.log("\n" + fs.readFileSync(path.join(dir, file), "utf8").trim());
  console.log("");
}
EOF

echo "$PACKAGE@$resolved" > "$DEST/VERSION"
# Fail when a file grows past the size the repository accepts for vendored files (5 MB).
for file in "$DEST"/*; do
  size=$(wc -c < "$file")
  if [ "$size" -gt 5000000 ]; then echo "vendor-yasgui: $file is $size bytes (> 5 MB)" >&2; exit 1; fi
done
ls -l "$DEST"
