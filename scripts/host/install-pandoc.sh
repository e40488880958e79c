#!/usr/bin/env bash
# Installs pandoc from Debian's packages: the round-trip tests rewrite notes
# with it and check that pandoc --citeproc reads them, and `sourcebook
# export` runs it. A PDF export is printed by Chromium when there is no LaTeX
# engine, so Chromium (and fonts for its text) comes too: the PDF export test
# runs with the unit tests, before the VS Code host is installed.
# Idempotent: a quick no-op when everything is there.
set -euo pipefail

PACKAGES=(pandoc chromium fonts-dejavu-core fonts-liberation)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]} == 0)) && command -v pandoc >/dev/null; then
  echo "install-pandoc.sh: $(pandoc --version | head -1) and Chromium already installed"
  exit 0
fi
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-pandoc.sh: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO=(sudo -n)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v pandoc >/dev/null || { echo "install-pandoc.sh: pandoc missing after install" >&2; exit 1; }
[[ -x /usr/bin/chromium ]] || { echo "install-pandoc.sh: /usr/bin/chromium missing after install" >&2; exit 1; }
echo "install-pandoc.sh: installed ${missing[*]} ($(pandoc --version | head -1))"
