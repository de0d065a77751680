#!/usr/bin/env bash
# `npm start`: try the extension in a real VS Code in the browser. Sets up the cached tools once
# (test/e2e/setup.sh; instant when done), packages the extension, installs it into a throwaway
# code-server profile, and serves VS Code on 127.0.0.1 with examples/ open. Ctrl+C stops code-server,
# its extension host and the language server, and removes the profile.
# ERA835_PORT=8080 picks the port (default: any free one).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
bash "$ROOT/test/e2e/setup.sh" || exit 1
. "$ROOT/test/e2e/lib.sh"

RUN=$(mktemp -d "${TMPDIR:-/tmp}/era835-start.XXXXXX")
cleanup() { e2e_stop_code_server; rm -rf "$RUN"; echo "[start] stopped"; }
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

e2e_sandbox "$RUN"
echo "[start] packaging the extension (npm run package)"
e2e_package_vsix "$RUN/era835.vsix" || exit 1
e2e_install_vsix "$RUN/era835.vsix" || exit 1
e2e_start_code_server "${ERA835_PORT:-0}" || exit 1
echo "[start] VS Code with X12 835 ERA Inspector: http://$ADDR/?folder=$ROOT/examples"
echo "[start] (loopback only; Ctrl+C to stop)"
wait "$CS_PID"
