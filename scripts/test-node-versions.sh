#!/usr/bin/env bash
# `npm run test:node-versions`: the unit suite and the command-line tests on Node 22 and Node 24 as well as
# the Node that runs npm. Node binaries come from the npm registry's `node` package through npx (cached by npm
# after the first run); Node 24 is taken from the e2e tool cache when it is there. Last line:
# "node-versions: N passed, N failed" (test files per Node version).
set -uo pipefail
cd "$(dirname "$0")/.."
. test/e2e/versions.env
node scripts/build.mjs >/dev/null || exit 1
mapfile -t FILES < <(find test/unit -name '*.test.ts' | sort; ls test/lsp/cli*.test.ts test/lsp/robustnessCli.test.ts)
pass=0; fail=0
for v in 22 24; do
  bin=
  [ "$v" = 24 ] && [ -x "$N24/node_modules/node/bin/node" ] && bin="$N24/node_modules/node/bin/node"
  [ -n "$bin" ] || bin=$(npx --yes -p "node@$v" -c 'command -v node') || { echo "node $v: not available"; fail=$((fail + 1)); continue; }
  echo "=== node $("$bin" -v) ($bin)"
  if "$bin" --import tsx --test --test-concurrency=1 --test-reporter=dot "${FILES[@]}"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "node-versions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
