#!/usr/bin/env bash
# Installs PostgreSQL's server from Debian's packages when it is missing: the
# archive tests start a throwaway cluster of it (scripts/host/postgres.mjs).
# Idempotent: a quick no-op when initdb and pg_ctl are there. A machine where
# it cannot be installed fails here, with the reason, rather than skipping
# the archive tests later.
set -euo pipefail

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x $dir/initdb && -x $dir/pg_ctl ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if dir=$(find_bindir); then
  echo "install-postgres.sh: PostgreSQL $("$dir/initdb" --version | awk '{print $3}') already installed ($dir)"
  exit 0
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || {
    echo "install-postgres.sh: PostgreSQL's server is missing and installing it needs root (or sudo): apt-get install -y postgresql" >&2
    exit 1
  }
  SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
# The package's own cluster is not used (the tests make their own); the
# package may start it, which does no harm.
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
dir=$(find_bindir) || { echo "install-postgres.sh: initdb/pg_ctl missing after installing postgresql" >&2; exit 1; }
echo "install-postgres.sh: installed PostgreSQL $("$dir/initdb" --version | awk '{print $3}') ($dir)"
