// `npm test`: type-check, build, lint (layer boundaries), then every suite (unit, grammar, LSP, and e2e when enabled).
// Ends with one line "N passed, N failed" summing all suites, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const suites = [];
/** `node scripts/test.mjs unit lsp` runs only those suites (type-check, build and lint always run). */
const only = new Set(process.argv.slice(2));
const wanted = (name) =>
  only.size === 0 || only.has(name) || name === 'typecheck' || name === 'build' || name === 'lint' || name === 'format';
const run = (name, cmd, args, count, echo = true) => {
  if (!wanted(name)) return true;
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: ['inherit', 'pipe', 'inherit'], env: process.env, maxBuffer: 1 << 30 });
  const out = r.stdout?.toString() ?? '';
  if (echo) process.stdout.write(out);
  const counted = count ? count(out) : { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
  if (r.status !== 0 && counted.failed === 0) counted.failed = 1;
  suites.push({ name, ...counted });
  return r.status === 0;
};
mkdirSync('.tmp', { recursive: true });
const tap = (file) => () => {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const n = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [0, 0])[1]);
  return { passed: n('pass'), failed: n('fail') + n('cancelled') };
};
/** Test files under a folder (Node 20's --test takes no globs). */
const testFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => join(dir, f))
    : [];
const nodeTests = (name, files) =>
  files.length &&
  run(
    name,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=.tmp/${name}.tap`,
      ...files,
    ],
    tap(`.tmp/${name}.tap`),
  );

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('build', process.execPath, ['scripts/build.mjs']);
/** ESLint's JSON report: a file passes when it has no error (the layer boundaries, eslint.config.mjs). */
const lintCount = (out) => {
  try {
    const files = JSON.parse(out);
    const bad = files.filter((f) => f.errorCount > 0);
    for (const f of bad) for (const m of f.messages) console.log(`${f.filePath}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`);
    return { passed: files.length - bad.length, failed: bad.length };
  } catch {
    return { passed: 0, failed: 1 };
  }
};
run('lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--format', 'json', '.'], lintCount, false);
// The code keeps one layout (.prettierrc.json); `npm run format` fixes what this reports.
run('format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '**/*.{ts,js,mjs}']);
nodeTests('unit', testFiles('test/unit'));
/** Counts from a suite's own closing line "<name>: N passed, N failed". */
const closingLine = (name) => (out) => {
  const m = out.match(new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm'));
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
};
run('grammar', process.execPath, ['scripts/test-grammar.mjs'], closingLine('grammar'));
nodeTests('lsp', testFiles('test/lsp'));
if (process.env.ERA835_E2E === '1' || only.has('e2e')) run('e2e', 'bash', ['test/e2e/run.sh'], closingLine('e2e'));

const passed = suites.reduce((s, x) => s + x.passed, 0);
const failed = suites.reduce((s, x) => s + x.failed, 0);
console.log('\n' + suites.map((s) => `${s.name}: ${s.passed} passed, ${s.failed} failed`).join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
