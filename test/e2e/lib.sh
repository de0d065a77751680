# Shared by run.sh and scripts/start.sh (sourced, not run): package the extension, make a throwaway
# code-server profile, start code-server on loopback in its own process group, stop it.
E2E_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E_HERE/../.." && pwd)
. "$E2E_HERE/versions.env"
NODE24="$N24/node_modules/node/bin/node"
export E2E_TOOLS="$TOOLS"
# npm on Node 24 would write $TMPDIR/node-compile-cache
export NODE_COMPILE_CACHE="$E2E_DIR/node-compile-cache"
CS_PID=

e2e_require_setup() {
  [ -x "$CS_BIN" ] && [ -x "$NODE24" ] && [ -f "$TOOLS/node_modules/playwright-core/package.json" ] \
    || { echo "e2e tools missing: run bash test/e2e/setup.sh first" >&2; return 2; }
}

# Builds production bundles and the .vsix with the project's own `npm run package` (system Node, the
# pinned @vscode/vsce devDependency); copies the .vsix to $1.
e2e_package_vsix() {
  (cd "$ROOT" && npm run --silent package >"$1.log" 2>&1) \
    || { cat "$1.log" >&2; return 1; }
  cp "$ROOT/era835.vsix" "$1"
}

# A throwaway profile in $1: code-server's config, VS Code's sockets and Chromium's ~/.config stay inside it.
e2e_sandbox() {
  RUN=$1
  mkdir -p "$RUN/ud/User" "$RUN/exts" "$RUN/home" "$RUN/tmp"
  export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache"
  SANDBOX_ENV=(HOME="$RUN/home" TMPDIR="$RUN/tmp" PATH="$N24/node_modules/node/bin:$PATH")
  cat >"$RUN/ud/User/settings.json" <<'JSON'
{ "workbench.startupEditor": "none", "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false, "extensions.autoCheckUpdates": false, "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off", "update.mode": "none", "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true, "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.hover.delay": 100, "editor.minimap.enabled": false }
JSON
}

e2e_install_vsix() {
  env "${SANDBOX_ENV[@]}" "$CS_BIN" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" --install-extension "$1" >"$RUN/install.log" 2>&1 \
    || { cat "$RUN/install.log" >&2; return 1; }
}

# Starts code-server on 127.0.0.1:${1:-0} (0 = the OS picks a free port) in a new session, so that
# stopping its process group also stops the extension host, the language server and the file watcher.
# Extra arguments go to code-server. Sets CS_PID and ADDR (host:port read back from its log).
e2e_start_code_server() {
  local port=${1:-0} log="$RUN/code-server.log"; shift
  env "${SANDBOX_ENV[@]}" setsid "$CS_BIN" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
    --disable-update-check --disable-workspace-trust --disable-getting-started-override --reconnection-grace-time 5 \
    --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts" "$@" </dev/null >"$log" 2>&1 &
  CS_PID=$!
  ADDR=
  for _ in $(seq 300); do
    ADDR=$(grep -o 'HTTP server listening on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o '127\.0\.0\.1:[0-9]*' | head -1)
    [ -n "$ADDR" ] && curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$CS_PID" 2>/dev/null || break
    ADDR=; sleep 0.2 # poll interval while code-server starts
  done
  echo "code-server did not start:" >&2; cat "$log" >&2; return 1
}

# Stops code-server's whole process group: TERM, up to 5 s grace, then KILL.
e2e_stop_code_server() {
  [ -n "$CS_PID" ] || return 0
  kill -TERM -- -"$CS_PID" 2>/dev/null
  for _ in $(seq 50); do kill -0 -- -"$CS_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- -"$CS_PID" 2>/dev/null
  wait "$CS_PID" 2>/dev/null
  CS_PID=
}
