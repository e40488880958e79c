#!/usr/bin/env bash
# Installs the real VS Code host used by the integration and UI tests:
# code-server (VS Code's own server + web workbench, from npm) and Debian's
# Chromium. The desktop VS Code build cannot be downloaded on offline CI
# machines, so code-server is installed from npm with its install scripts
# disabled and its native parts rebuilt by hand.
#
# Idempotent: a marker file is written only after a complete install, so a
# second run is a quick no-op. Any failure exits non-zero.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEST="$ROOT/.cache/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.installed"

fail() { echo "install.sh: ERROR: $*" >&2; exit 1; }
trap 'fail "step failed (line $LINENO): $BASH_COMMAND"' ERR

# --- Debian packages -------------------------------------------------------
# libkrb5-dev: headers for code-server's `kerberos` native module.
# ripgrep: replaces @vscode/ripgrep, whose postinstall downloads from GitHub.
# chromium: the browser that shows the workbench.
# fonts-*: without them screenshots show boxes instead of text.
# python3/make/g++: node-gyp rebuilds of the native modules.
APT_PACKAGES=(libkrb5-dev ripgrep chromium fonts-dejavu-core fonts-liberation python3 make g++)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "install.sh: installing Debian packages: ${missing[*]}"
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to install: ${missing[*]}"
    SUDO=(sudo -n)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq || fail "apt-get update failed"
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install failed for: ${missing[*]}"
fi
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium missing after install"
command -v rg >/dev/null || fail "ripgrep (rg) missing after install"

# --- code-server -----------------------------------------------------------
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || fail "code-server $CODE_SERVER_VERSION needs node 20 (found $(node -v))"
# The native modules are built for one Node ABI; another ABI means reinstall.
STAMP="code-server=$CODE_SERVER_VERSION node-abi=$(node -p process.versions.modules)"

mkdir -p "$ROOT/.cache"
# Two runs at once (say `npm test` and `npm start`) must not build into the
# same folder; the second waits for the first and then finds the marker.
exec 9>"$ROOT/.cache/.install-code-server.lock"
flock 9

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$STAMP" ]]; then
  echo "install.sh: code-server $CODE_SERVER_VERSION already installed in ${DEST#"$ROOT"/}"
  exit 0
fi

echo "install.sh: installing code-server $CODE_SERVER_VERSION into ${DEST#"$ROOT"/} (takes a few minutes)"
start=$SECONDS
# A half-finished earlier attempt is not trusted: start from scratch.
rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
# Its own package.json keeps npm from walking up into the project's.
echo '{"name":"code-server-host","private":true}' > package.json

# Install scripts are disabled: the postinstall refuses to run as root and
# @vscode/ripgrep would download from GitHub.
export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
npm install --no-save --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VERSION"

CS="$DEST/node_modules/code-server"
VS="$CS/lib/vscode"
[[ -d "$VS" ]] || fail "unexpected code-server layout: $VS missing"

cd "$VS"
npm install --omit=dev --ignore-scripts --loglevel=error
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --loglevel=error @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid
# node-pty's build script calls npx, which would otherwise prompt.
npm rebuild --loglevel=error node-pty
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error)

# argon2 is hoisted to the top folder, so it is rebuilt there.
cd "$DEST"
npm rebuild --loglevel=error argon2

# Prove it starts and its native modules load before declaring success
# (--config keeps it from writing ~/.config/code-server).
node "$CS/out/node/entry.js" --config "$DEST/config.yaml" --version >/dev/null \
  || fail "code-server does not start"
(cd "$VS" && node -e '
  for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "kerberos", "native-watchdog", "@vscode/deviceid"]) require(m);
') || fail "a native module of code-server failed to load"

echo "$STAMP" > "$MARKER"
echo "install.sh: code-server $CODE_SERVER_VERSION installed in $((SECONDS - start)) s"
