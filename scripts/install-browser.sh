#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_browser.py), when /usr/bin/chromium is missing.
# Non-interactive and quiet; skips with a message when neither root nor sudo is available.
# Usage: scripts/install-browser.sh
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: apt-get saknas, Chromium installeras inte / apt-get missing, not installing Chromium" \
       "(the browser tests will be skipped)" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "install-browser: inte root och ingen sudo, Chromium installeras inte / not root and no sudo," \
       "not installing Chromium (the browser tests will be skipped)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-browser: installerar / installing chromium (apt-get)" >&2
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version >&2
