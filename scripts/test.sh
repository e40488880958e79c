#!/usr/bin/env bash
# The one test command (`npm test`, also run by CI through .ci/run): static
# checks (types, type-aware lint, import cycles and file size, format), unit
# tests, then the extension inside a real VS Code (integration suite, then UI
# tests in a browser). Stops at the first failing step and
# exits non-zero. The archive tests run against a real PostgreSQL that
# scripts/host/postgres.mjs starts in a temp folder (installed here first).
# SOURCEBOOK_HOST=electron runs the integration suite in desktop VS Code via
# @vscode/test-electron instead of code-server (that needs a machine that can
# download VS Code; the UI tests are then skipped since they drive the
# code-server workbench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

HOST="${SOURCEBOOK_HOST:-code-server}"
START=$SECONDS

step() {
  local name=$1
  shift
  local t0=$SECONDS
  printf '\n==> %s\n' "$name"
  if "$@"; then
    printf -- '--- %s: ok (%d s)\n' "$name" $((SECONDS - t0))
  else
    local rc=$?
    printf -- '--- %s: FAILED (exit %d)\n\nnpm test: FAILED at "%s"\n' "$name" "$rc" "$name" >&2
    exit "$rc"
  fi
}

step "dependencies" bash scripts/host/ensure-deps.sh
step "typecheck" npm run --silent typecheck
step "lint" npm run --silent lint
step "import cycles and file size" npm run --silent check:shape
step "format check" npm run --silent format:check
step "install pandoc and Chromium (export)" bash scripts/host/install-pandoc.sh
# The archive tests (unit and integration) each start a throwaway cluster of a real PostgreSQL.
step "install PostgreSQL" bash scripts/host/install-postgres.sh
step "unit tests" npm run --silent unit
step "build" npm run --silent build
step "CLI package (npm pack, installed outside the repository)" node test/package/cli.package.mjs
case "$HOST" in
  code-server)
    step "install VS Code host" bash scripts/host/install.sh
    step "integration tests (code-server)" node scripts/host/run-integration.mjs
    step "UI tests" node scripts/host/run-ui.mjs
    step "npm start leaves the repository clean" node scripts/host/check-start.mjs
    ;;
  electron)
    step "integration tests (electron)" node scripts/host/run-electron.mjs
    printf '\n==> UI tests: skipped (they drive the code-server workbench; run with the default host)\n'
    ;;
  *)
    echo "npm test: unknown SOURCEBOOK_HOST='$HOST' (use code-server or electron)" >&2
    exit 2
    ;;
esac

printf '\nnpm test: all steps passed (%d s)\n' $((SECONDS - START))
