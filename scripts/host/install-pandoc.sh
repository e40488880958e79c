#!/usr/bin/env bash
# Installs pandoc from Debian's packages: the round-trip tests rewrite notes
# with it and check that pandoc --citeproc reads them, and `sourcebook
# export` runs it. Idempotent: a quick no-op when pandoc is there.
set -euo pipefail

if command -v pandoc >/dev/null; then
  echo "install-pandoc.sh: $(pandoc --version | head -1) already installed"
  exit 0
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-pandoc.sh: need root (or sudo) to install pandoc" >&2; exit 1; }
  SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends pandoc >/dev/null
command -v pandoc >/dev/null || { echo "install-pandoc.sh: pandoc missing after install" >&2; exit 1; }
echo "install-pandoc.sh: installed $(pandoc --version | head -1)"
