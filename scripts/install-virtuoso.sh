#!/usr/bin/env bash
# Install Virtuoso Open Source from Debian's packages for the integration tests (tests/test_virtuoso.py), when
# virtuoso-t is missing. Only the binaries (virtuoso-opensource-7-bin: virtuoso-t, isql-vt) are installed: that
# package has no system service and no debconf DBA-password question; the tests start a private server on loopback
# (tests/virtuoso.py). Non-interactive and idempotent; skips with a message (exit 0) when it cannot install.
# Usage: scripts/install-virtuoso.sh
set -euo pipefail
PACKAGE=virtuoso-opensource-7-bin
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  exit 0
fi
skip() {
  echo "install-virtuoso: $1 (the Virtuoso tests will be skipped)" >&2
  exit 0
}
command -v apt-get >/dev/null 2>&1 || skip "apt-get saknas, Virtuoso installeras inte / apt-get missing, not installing"
if [ "$(id -u)" -eq 0 ]; then
  run=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  skip "inte root och ingen sudo, Virtuoso installeras inte / not root and no sudo, not installing"
fi
export DEBIAN_FRONTEND=noninteractive
# should a full virtuoso-opensource ever be installed alongside: no service may start during installation
policy=/usr/sbin/policy-rc.d
added_policy=
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${run[@]}" tee "$policy" >/dev/null
  "${run[@]}" chmod 755 "$policy"
  added_policy=1
fi
cleanup() { if [ -n "$added_policy" ]; then "${run[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
if ! apt-cache show "$PACKAGE" >/dev/null 2>&1; then
  "${run[@]}" apt-get update -qq || skip "apt-get update misslyckades / apt-get update failed"
fi
apt-cache show "$PACKAGE" >/dev/null 2>&1 || skip "paketet $PACKAGE finns inte / package $PACKAGE not available"
echo "install-virtuoso: installerar / installing $PACKAGE (apt-get)" >&2
"${run[@]}" apt-get install -y -qq --no-install-recommends "$PACKAGE" >/dev/null \
  || skip "apt-get install $PACKAGE misslyckades / failed"
# a service from an earlier full installation must not listen on a public interface during the tests
if command -v service >/dev/null 2>&1 && [ -e /etc/init.d/virtuoso-opensource-7 ]; then
  "${run[@]}" service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi
virtuoso-t -? 2>&1 | sed -n 2p >&2 || true
