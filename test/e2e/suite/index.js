// The in-host test entry: the `run(): Promise` contract of @vscode/test-electron's extensionTestsPath.
// One module serves both runners: code-server's Node extension host (run-ext-tests.js, via the smoke-test
// driver payload) and desktop VS Code (runElectron.js). It prints one machine-readable line,
// `ERA835-E2E-RESULTS {...}`, that the runners parse to count individual tests.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha').default ?? require('mocha'); // mocha 12 is ESM; require(esm) gives the namespace

const RESULTS_TAG = 'ERA835-E2E-RESULTS';

exports.run = function run() {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const only = process.env.ERA835_E2E_GREP; // e.g. "hover" while working on one feature
  if (only) mocha.grep(only);
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const results = { passed: 0, failed: 0, tests: [] };
    const runner = mocha.run((failures) => {
      console.log(`${RESULTS_TAG} ${JSON.stringify(results)}`);
      if (process.env.ERA835_E2E_RESULTS) fs.writeFileSync(process.env.ERA835_E2E_RESULTS, JSON.stringify(results, null, 2));
      failures > 0 ? reject(new Error(`${failures} e2e test(s) failed.`)) : resolve();
    });
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed' });
    });
    // 'fail' also fires for a failing hook (suiteSetup): it counts once, as the tests behind it never ran.
    runner.on('fail', (t, err) => {
      results.failed++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err && err.message).split('\n')[0] });
    });
  });
};
