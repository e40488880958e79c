#!/usr/bin/env bash
# The one run command (`npm start`): installs what is missing, builds, and
# serves VS Code in the browser with the extension loaded from this repo on
# the sample workspace. Options go to scripts/host/serve.mjs, e.g.
#   npm start -- --workspace ~/my-notes      PORT=9000 npm start
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/host/ensure-deps.sh
npm run --silent build
bash scripts/host/install.sh
# exec: Ctrl+C reaches the server script directly, which stops code-server.
exec node scripts/host/serve.mjs "$@"
