// Runs the in-host suite (suite/index.js, the @vscode/test-electron `run()` contract) inside code-server's
// real Node extension host. code-server must run with `--vscode-option enable-smoke-test-driver`, else the
// built workbench ignores the extensionDevelopmentPath/extensionTestsPath payload.
// Usage: node run-ext-tests.js HOST:PORT EXTENSION_DIR TESTS_MODULE WORKSPACE RESULTS_JSON
// Writes { passed, failed, tests } to RESULTS_JSON (one failure when the suite never reported).
const fs = require('node:fs');
const util = require('node:util');
const { launch } = require('./browser');

const [host, extensionPath, testsPath, folder, resultsFile] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.EXT_TESTS_TIMEOUT_MS || 300000);
const RESULTS_TAG = 'ERA835-E2E-RESULTS ';
// Offline and workbench noise that says nothing about our extension.
const NOISE =
  /ENOTFOUND open-vsx\.org|^(Resolving|Resolved|Creating a socket|\[reconnection-grace|Updating additional|\[Service Worker|\[AgentHost|\[AccountPolicy)/;

(async () => {
  const t0 = Date.now();
  let results;
  const { page, close } = await launch();
  let finish;
  const finished = new Promise((r) => (finish = r));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(args || []));
    const tagged = line.indexOf(RESULTS_TAG);
    if (tagged >= 0) {
      results = JSON.parse(line.slice(tagged + RESULTS_TAG.length));
      return;
    }
    if (!NOISE.test(line)) console.log('[exthost]', line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  await page.goto(`http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
  let timer;
  const code = await Promise.race([
    finished,
    new Promise((r) => {
      timer = setTimeout(() => r('timeout'), TIMEOUT_MS);
    }),
  ]);
  clearTimeout(timer);
  console.log(`[ext-tests] exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  await close();
  if (!results)
    results = { passed: 0, failed: 1, tests: [{ title: 'in-host suite', state: 'failed', error: `no results (exit code ${code})` }] };
  fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
  process.exit(code === 0 && results.failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error('[ext-tests]', e);
  fs.writeFileSync(
    resultsFile,
    JSON.stringify({ passed: 0, failed: 1, tests: [{ title: 'in-host runner', state: 'failed', error: String(e) }] }),
  );
  process.exit(1);
});
