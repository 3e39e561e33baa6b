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
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
# 1. The package itself, exactly as published.
tarball="$(npm pack --silent "$PACKAGE@$VERSION" 2>/dev/null | tail -n 1)"
tar -xzf "$tarball"
resolved="$(node -p 'require("./package/package.json").version')"
build="$WORK/package/standalone/umd/vis-network.min.js"
[ -f "$build" ] || { echo "vendor-vis-network: standalone/umd/vis-network.min.js saknas / missing in $PACKAGE@$resolved" >&2; exit 1; }

# 2. Its dependencies, only to collect the licences of the code the standalone bundle includes.
mkdir deps && (cd deps && echo '{"private": true}' > package.json &&
  npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund "$PACKAGE@$resolved" >/dev/null 2>&1)

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

# Every runtime dependency npm installed with the package: name, version, licence, and its licence file.
node - "$WORK/deps/node_modules" "$PACKAGE@$resolved" > "$DEST/THIRD-PARTY-LICENSES.txt" <<'JS'
const fs = require("fs"), path = require("path");
const [root, pkg] = process.argv.slice(2);
const dirs = [];
for (const name of fs.readdirSync(root).sort()) {
  if (name.startsWith(".")) continue;
  if (name.startsWith("@")) {
    for (const sub of fs.readdirSync(path.join(root, name)).sort()) dirs.push(path.join(root, name, sub));
  } else dirs.push(path.join(root, name));
}
console.log(`Third-party packages installed with ${pkg} (npm install --omit=dev), whose code the standalone`);
console.log("bundle vis-network.min.js may include, with their licences as published in each package.\n");
for (const dir of dirs) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  if (meta.name === "vis-network" || meta.name.startsWith("@types/")) continue;
  const licence = meta.license || (meta.licenses || []).map((l) => l.type || l).join(" OR ") || "see file";
  console.log("=".repeat(78));
  console.log(`${meta.name}@${meta.version}: ${typeof licence === "string" ? licence : JSON.stringify(licence)}`);
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  for (const file of files) console.log("\n" + fs.readFileSync(path.join(dir, file), "utf8").trim());
  console.log("");
}
JS

echo "$PACKAGE@$resolved" > "$DEST/VERSION"
# Fail when a file grows past the size the repository accepts for vendored files (5 MB).
for file in "$DEST"/*; do
  size=$(wc -c < "$file")
  if [ "$size" -gt 5000000 ]; then echo "vendor-vis-network: $file is $size bytes (> 5 MB)" >&2; exit 1; fi
done
ls -l "$DEST"
