import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate835Text } from '../../bench/generator';

const CLI = join(__dirname, '../../server/out/cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 29 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** Every file of a folder, by name. */
const contents = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

/**
 * `era835 export --jobs N` exports a folder's files on worker threads and writes them in input order:
 * the tables, the counts and the problems are exactly those of one job, whatever order the workers
 * finish in (files of very different sizes, so they finish out of order).
 */
describe('era835 export --jobs: the tables equal the one-job tables', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-export-jobs-'));
    mkdirSync(join(dir, 'remits'));
    for (let i = 0; i < 16; i++)
      writeFileSync(
        join(dir, 'remits', `remit-${String(i).padStart(2, '0')}.835`),
        // Big ones first: with 3 workers the small files behind them are done long before their turn.
        generate835Text({ bytes: i % 5 === 0 ? 400_000 : 8_000 + i * 1_000, seed: 200 + i }),
      );
    copyExamples(join(dir, 'remits'));
    writeFileSync(join(dir, 'remits', 'not-x12.835'), 'this is not an 835\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function copyExamples(to: string): void {
    for (const f of readdirSync('examples')) writeFileSync(join(to, `example-${f}`), readFileSync(join('examples', f)));
  }

  test('NDJSON tables of a folder into a directory: the same bytes with 1 and 3 jobs', () => {
    const one = run('export', join(dir, 'remits'), '--format', 'ndjson', '-o', join(dir, 'one') + '/', '--jobs', '1');
    const three = run('export', join(dir, 'remits'), '--format', 'ndjson', '-o', join(dir, 'three') + '/', '--jobs', '3');
    assert.equal(one.status, 2, 'the file that is not X12 is a problem');
    assert.equal(three.status, one.status);
    assert.equal(three.stderr.replaceAll(join(dir, 'three'), 'OUT'), one.stderr.replaceAll(join(dir, 'one'), 'OUT'));
    assert.match(one.stderr, /not-x12\.835/);
    const a = contents(join(dir, 'one'));
    const b = contents(join(dir, 'three'));
    assert.deepEqual(Object.keys(b).sort(), ['adjustments.ndjson', 'claims.ndjson', 'lines.ndjson']);
    for (const f of Object.keys(a)) {
      assert.ok(a[f].split('\n').length > 1000, `${f} has rows`);
      assert.ok(a[f] === b[f], `${f} is identical`);
    }
  });

  test('a CSV to standard output, redacted with one salt: the same with 1 and 2 jobs', () => {
    const args = ['export', join(dir, 'remits'), '--level', 'claim', '--redact', '--salt', 'k1'];
    const one = run(...args, '--jobs', '1');
    const two = run(...args, '-j', '2');
    assert.ok(one.stdout.length > 10_000);
    assert.ok(one.stdout === two.stdout, 'identical CSV');
    assert.equal(two.stderr, one.stderr);
  });

  test('more files than the workers start ahead of the one being written (2 jobs x 4): every file is exported', () => {
    // 40 files, a big one every 8: while one worker reads it, the other finishes every small file started
    // behind it and waits; the window of started tasks must move on when the big one is written.
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 40; i++)
      writeFileSync(
        join(many, `r-${String(i).padStart(2, '0')}.835`),
        generate835Text({ bytes: i % 8 === 0 ? 300_000 : 3_000, seed: 300 + i }),
      );
    const one = run('export', many, '--level', 'claim', '--jobs', '1');
    const two = spawnSync(process.execPath, [CLI, 'export', many, '--level', 'claim', '--jobs', '2'], {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 1 << 29,
    });
    assert.equal(two.status, 0, `exit ${two.status} ${two.signal ?? ''} ${two.stderr}`);
    assert.ok(one.stdout.length > 1000 && two.stdout === one.stdout);
  });

  test('--jobs takes a whole number from 1', () => {
    const r = run('export', join(dir, 'remits'), '--jobs', '0');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--jobs takes a whole number from 1 to 256/);
  });
});
