#!/usr/bin/env bash
# Test-only system packages: Debian's chromium (browser tests), PostgreSQL (production database tests)
# and the axe-core npm package (accessibility checks injected into pages). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
  else
    echo "Missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) or the tests that need them are skipped." >&2
  fi
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null; then
    npm ci --silent --no-audit --no-fund
  else
    echo "npm not found: accessibility checks are skipped." >&2
  fi
fi
