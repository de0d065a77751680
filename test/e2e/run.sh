#!/usr/bin/env bash
# The extension inside a real VS Code, from the packaged .vsix:
#  1. npm run package -> era835.vsix, installed into a throwaway code-server profile;
#  2. the in-host suite (suite/) in desktop VS Code via @vscode/test-electron where VS Code can be
#     downloaded (runElectron.js; one SKIP line offline);
#  3. code-server on 127.0.0.1 (OS-picked port) with the smoke-test driver; the same suite in its real
#     Node extension host, against the installed extension (run-ext-tests.js);
#  4. the UI test in headless Chromium (ui-test.js): highlighting, hover, squiggles, Problems, summary;
#  5. everything stopped (process-group kill). Last line: "e2e: N passed, N failed" counting individual
#     tests and UI checks, also written to test/e2e/out/summary.txt; exit status non-zero on any failure.
# Screenshots and logs land in test/e2e/out/. E2E_VSIX=path tests that .vsix instead of packaging the
# working tree; E2E_UPDATE_DOCS=1 copies the screenshots of passing UI checks to docs/.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
OUT_DIR=${OUT_DIR:-$HERE/out}
mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/*.png "$OUT_DIR/summary.txt" "$OUT_DIR"/*-results.json
summary() { echo "e2e: $1 passed, $2 failed" | tee "$OUT_DIR/summary.txt"; }
e2e_require_setup || { summary 0 1; exit 1; }

RUN=$(mktemp -d "${TMPDIR:-/tmp}/era835-e2e.XXXXXX")
cleanup() { e2e_stop_code_server; cp "$RUN/code-server.log" "$OUT_DIR/" 2>/dev/null; rm -rf "$RUN"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
SECONDS=0
lap() { echo "[e2e +${SECONDS}s] $*"; }
fail_setup() { lap "FAILED: $*"; summary 0 1; exit 1; }

e2e_sandbox "$RUN"
node "$HERE/workspace.js" "$RUN/ws"
if [ -n "${E2E_VSIX:-}" ]; then cp "$E2E_VSIX" "$RUN/era835.vsix" || fail_setup "E2E_VSIX=$E2E_VSIX"  # test a prebuilt artifact
else e2e_package_vsix "$RUN/era835.vsix" || fail_setup "npm run package"; fi
e2e_install_vsix "$RUN/era835.vsix" || fail_setup "code-server --install-extension"
EXT_PATH=$(ls -d "$RUN"/exts/era835.x12-835-era-inspector-* 2>/dev/null | head -1)
[ -n "$EXT_PATH" ] || fail_setup "the .vsix did not install era835.x12-835-era-inspector"
lap "packaged and installed $(basename "$EXT_PATH") ($(du -k "$RUN/era835.vsix" | cut -f1) KiB .vsix)"

# Desktop VS Code through @vscode/test-electron where it can be downloaded; one SKIP line offline.
node "$HERE/runElectron.js" "$OUT_DIR/electron-results.json" || [ -f "$OUT_DIR/electron-results.json" ] \
  || echo '{ "passed": 0, "failed": 1, "tests": [{ "title": "test-electron", "state": "failed", "error": "see its output above" }] }' >"$OUT_DIR/electron-results.json"

e2e_start_code_server "${E2E_PORT:-0}" --vscode-option enable-smoke-test-driver || fail_setup "code-server start"
lap "code-server up on $ADDR (process group $CS_PID)"

# The in-host suite runs against the installed copy of the .vsix (as extensionDevelopmentPath), so it
# tests what ships, not the working tree.
env "${SANDBOX_ENV[@]}" timeout 600 "$NODE24" "$HERE/run-ext-tests.js" "$ADDR" "$EXT_PATH" "$HERE/suite/index.js" "$RUN/ws" "$OUT_DIR/suite-results.json"
lap "in-host suite done"
env "${SANDBOX_ENV[@]}" timeout 600 "$NODE24" "$HERE/ui-test.js" "$ADDR" "$RUN/ws" "$OUT_DIR" "$OUT_DIR/ui-results.json"
lap "UI test done"
cp -r "$RUN/ud/logs" "$OUT_DIR/vscode-logs" 2>/dev/null

if [ "${E2E_UPDATE_DOCS:-0}" = 1 ]; then
  for shot in hover problems cas-highlighting summary explorer; do
    [ -f "$OUT_DIR/$shot.png" ] && mkdir -p "$ROOT/docs" && cp "$OUT_DIR/$shot.png" "$ROOT/docs/$shot.png" && lap "docs/$shot.png updated"
  done
fi

# Count individual tests from the result files; a missing one is one failure (test-electron's is optional:
# it is absent when that runner skipped).
read -r pass fail < <("$NODE24" -e '
  let p = 0, f = 0;
  const fs = require("fs");
  for (const file of process.argv.slice(1)) {
    if (file.endsWith("electron-results.json") && !fs.existsSync(file)) continue;
    let r; try { r = JSON.parse(fs.readFileSync(file, "utf8")); } catch { r = { passed: 0, failed: 1, tests: [{ title: file, state: "failed", error: "no results" }] }; }
    p += r.passed; f += r.failed;
    for (const t of r.tests.filter((t) => t.state === "failed")) console.error(`  FAILED ${t.title}: ${t.error}`);
  }
  console.log(p, f);' "$OUT_DIR/electron-results.json" "$OUT_DIR/suite-results.json" "$OUT_DIR/ui-results.json")
lap "finished"
summary "$pass" "$fail"
[ "$fail" -eq 0 ]
