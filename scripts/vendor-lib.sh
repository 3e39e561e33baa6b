# Shared by scripts/vendor-*.sh (sourced, not run): fetch an npm package as published, collect the licences of the
# code its bundle includes, and check the vendored files. The caller sets PACKAGE, VERSION, DEST and NAME (for
# messages), and `set -euo pipefail`.

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# The package itself, exactly as published, unpacked in $WORK/package; sets `resolved` to its version.
vendor_fetch() {
  cd "$WORK"
  local tarball
  tarball="$(npm pack --silent "$PACKAGE@$VERSION" 2>/dev/null | tail -n 1)"
  tar -xzf "$tarball"
  resolved="$(node -p 'require("./package/package.json").version')"
}

# Its dependencies in $WORK/deps, only to collect the licences of the code the bundle includes.
vendor_dependencies() {
  mkdir "$WORK/deps" && (cd "$WORK/deps" && echo '{"private": true}' > package.json &&
    npm install --silent --omit=dev --ignore-scripts --no-audit --no-fund "$PACKAGE@$resolved" >/dev/null 2>&1)
}

# $DEST/THIRD-PARTY-LICENSES.txt: every runtime dependency npm installed with the package (name, version, licence
# and its licence file). $1: a regular expression of package names to leave out (the package's own); $2 and $3:
# the file's two opening lines.
vendor_third_party_licences() {
  node - "$WORK/deps/node_modules" "$1" "$2" "$3" > "$DEST/THIRD-PARTY-LICENSES.txt" <<'JS'
const fs = require("fs"), path = require("path");
const [root, own, first, second] = process.argv.slice(2);
const dirs = [];
for (const name of fs.readdirSync(root).sort()) {
  if (name.startsWith(".")) continue;
  if (name.startsWith("@")) {
    for (const sub of fs.readdirSync(path.join(root, name)).sort()) dirs.push(path.join(root, name, sub));
  } else dirs.push(path.join(root, name));
}
console.log(first);
console.log(second + "\n");
for (const dir of dirs) {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  if (new RegExp(own).test(meta.name) || meta.name.startsWith("@types/")) continue;
  const licence = meta.license || (meta.licenses || []).map((l) => l.type || l).join(" OR ") || "see file";
  console.log("=".repeat(78));
  console.log(`${meta.name}@${meta.version}: ${typeof licence === "string" ? licence : JSON.stringify(licence)}`);
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  for (const file of files) console.log("\n" + fs.readFileSync(path.join(dir, file), "utf8").trim());
  console.log("");
}
JS
}

# $DEST/VERSION, and a failure when a file grows past the size the repository accepts for vendored files (5 MB).
vendor_finish() {
  echo "$PACKAGE@$resolved" > "$DEST/VERSION"
  local file size
  for file in "$DEST"/*; do
    size=$(wc -c < "$file")
    if [ "$size" -gt 5000000 ]; then echo "$NAME: $file is $size bytes (> 5 MB)" >&2; exit 1; fi
  done
  ls -l "$DEST"
}
