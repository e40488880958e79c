#!/usr/bin/env bash
# Runs `npm ci` when node_modules is missing or no longer matches
# package-lock.json, so `npm test` / `npm start` work on a fresh clone and
# after a dependency change, without reinstalling on every run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# npm records what it installed in node_modules/.package-lock.json. Optional
# packages for other platforms are in the lock file but never installed, so
# the two files are compared entry by entry rather than byte for byte.
deps_current() {
  [[ -f node_modules/.package-lock.json ]] || return 1
  node -e '
    const lock = require("./package-lock.json").packages;
    const have = require("./node_modules/.package-lock.json").packages;
    const same = (a, b) => !!a && !!b && a.version === b.version && a.resolved === b.resolved;
    const stale =
      Object.entries(lock).some(([k, v]) => k !== "" && !v.optional && !same(v, have[k])) ||
      Object.entries(have).some(([k, v]) => !same(v, lock[k]));
    process.exit(stale ? 1 : 0);
  '
}

if deps_current; then
  echo "dependencies: up to date"
else
  echo "dependencies: node_modules missing or stale; running npm ci"
  npm ci --no-audit --no-fund
fi
