// `node scripts/test-grammar.mjs [glob...]`: runs the TextMate grammar tests (vscode-tmgrammar-test) against
// syntaxes/x12-835.tmLanguage.json. Default glob: test/grammar/*.835 (format: the tool's README; header
// `// SYNTAX TEST "source.x12.835" "..."`, `//` is only the assertion marker since X12 has no comments).
// Prints the tool's report, then one line "grammar: N passed, N failed" (test files), and exits non-zero on
// any failure, including a crash of the tool or a test file it did not report on.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const grammar = 'syntaxes/x12-835.tmLanguage.json';
const globs = process.argv.slice(2).length ? process.argv.slice(2) : ['test/grammar/*.835'];
const win = process.platform === 'win32';
const bin = join(root, 'node_modules', '.bin', win ? 'vscode-tmgrammar-test.cmd' : 'vscode-tmgrammar-test');

const summary = (passed, failed) => {
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
};

if (!existsSync(bin)) {
  console.error(`vscode-tmgrammar-test not found at ${bin}: run npm install`);
  summary(0, 1);
} else {
  // Output is piped (not inherited) so it can be counted; colours are off then, which keeps parsing simple.
  const r = spawnSync(bin, ['-g', grammar, ...globs], {
    cwd: root,
    encoding: 'utf8',
    shell: win,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  process.stdout.write(out);
  if (r.error) console.error(r.error.message);

  // One verdict per test file, taken from the tool's own lines (full reporter).
  const verdict = new Map();
  const norm = (f) => relative(root, resolve(root, f.trim()));
  for (const line of out.split(/\r?\n/)) {
    let m;
    if ((m = /^\S+ (.+) run successfuly\.$/.exec(line))) verdict.set(norm(m[1]), verdict.get(norm(m[1])) ?? 'pass');
    else if ((m = /^\S+ testcase (.+) aborted due to an error$/.exec(line))) verdict.set(norm(m[1]), 'fail');
    else if ((m = /^ERROR can't parse testcase: (.+)$/.exec(line))) verdict.set(norm(m[1]), 'fail');
    else if ((m = /^\S+ (.+) failed$/.exec(line))) verdict.set(norm(m[1]), 'fail');
  }
  let passed = [...verdict.values()].filter((v) => v === 'pass').length;
  let failed = verdict.size - passed;
  // Default folder: a file the tool did not report on (crash part-way) counts as failed.
  if (process.argv.length <= 2 && existsSync(join(root, 'test/grammar'))) {
    for (const f of readdirSync(join(root, 'test/grammar')).filter((f) => f.endsWith('.835'))) {
      if (!verdict.has(join('test', 'grammar', f))) failed++;
    }
  }
  if (r.status !== 0 && failed === 0) failed = 1; // the tool failed without naming a file
  summary(passed, failed);
}
