import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate835Text } from '../../bench/generator';
import { unknownRateSettings } from '../helpers/settingsFiles';

const CLI = join(__dirname, '../../server/out/cli.js');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 29 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/**
 * Split and merge: `--jobs N` cuts a big file at interchange boundaries (a byte scan), each part is
 * analysed by a worker reading its own byte range, and the merged output must be exactly what one
 * thread prints: the same lines in the same order, the same line and column numbers (CR-only files
 * included), the same repeat cap and counts. A folder's files on workers: the same.
 */
describe('era835 check --jobs: the merged result equals the single-thread one', () => {
  let dir = '';
  let big = '';
  let crOnly = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-jobs-'));
    // Seven interchanges, 5 MB: over the 4 MB from which a file is split. Damage in some of them, so
    // the parts have findings of every kind: empty segments (repeated, capped), a missing IEA, junk.
    const parts = Array.from({ length: 7 }, (_, k) => generate835Text({ bytes: 720_000, seed: 40 + k }));
    parts[2] = parts[2].replace('~\nLX*1~', '~\n' + '~'.repeat(300) + 'LX*1~');
    parts[4] = parts[4].replace(/IEA\*[^~]*~\n?$/, '');
    parts[5] = parts[5] + 'trailing junk between interchanges\n';
    big = join(dir, 'seven.835');
    writeFileSync(big, parts.join(''));
    crOnly = join(dir, 'seven-cr.835');
    writeFileSync(crOnly, parts.join('').replace(/\n/g, '\r'));
    mkdirSync(join(dir, 'folder'));
    for (let i = 0; i < 24; i++)
      writeFileSync(
        join(dir, 'folder', `remit-${String(i).padStart(2, '0')}.835`),
        generate835Text({ bytes: 20_000 + i * 3_000, seed: 100 + i }),
      );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [name, file] of [
    ['multi-line', () => big],
    ['CR-only', () => crOnly],
  ] as const) {
    test(`${name} file in parts: text and JSON identical to one job`, () => {
      for (const format of [[], ['--json'], ['--all']]) {
        const one = run('check', '--jobs', '1', ...format, file());
        const three = run('check', '--jobs', '3', ...format, file());
        assert.ok(one.stdout.length > 100_000, 'there are findings to compare');
        assert.equal(three.stdout, one.stdout, format.join(' '));
        assert.equal(three.status, one.status);
        assert.equal(
          three.stderr
            .split('\n')
            .filter((l) => / not shown|checked:/.test(l))
            .join('\n'),
          one.stderr
            .split('\n')
            .filter((l) => / not shown|checked:/.test(l))
            .join('\n'),
        );
      }
    });
  }

  test('a file-wide rule (every CO-253 at a rate the table lacks) still gives the one-thread result', () => {
    const settings = unknownRateSettings(dir);
    const one = run('check', '--settings', settings, '--jobs', '1', big);
    const two = run('check', '--settings', settings, '--jobs', '2', big);
    assert.equal(one.stdout.split('\n').filter((l) => / co253-unknown-rate /.test(l)).length, 1, one.stdout.slice(0, 2000));
    assert.equal(two.stdout, one.stdout);
  });

  test('a folder on workers: the same output in the same order', () => {
    const one = run('check', '--jobs', '1', '--json', join(dir, 'folder'));
    const two = run('check', '--jobs', '2', '--json', join(dir, 'folder'));
    assert.equal(JSON.parse(one.stdout).filesChecked, 24);
    assert.equal(two.stdout, one.stdout);
  });
});
