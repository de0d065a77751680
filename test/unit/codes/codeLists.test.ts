import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadOfficialLists, loadOfficialListsSync, MAX_CODE_LIST_BYTES } from '../../../server/src/codes/officialFile';

/**
 * era835.codeLists.path / --code-lists of any size: a 300 MB CSV once ran the server out of memory (and the
 * client restarted it into the same crash), and one bad row made every command of the CLI stop. Now a file
 * over the limit, or one that is not a regular file, is not read, with one clear line; a bad row is
 * skipped and said, the other rows are read, and the command goes on.
 */
const CLI = 'server/out/cli.js';
const era835 = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
let dir = '';
const file = (name: string) => join(dir, name);

before(() => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'era835-lists-'));
  writeFileSync(
    file('bad-row.csv'),
    `list,code,description\ncarc,45,Our licensed wording\nnot a row\ncarc,${'9'.repeat(40)},too long a code\n"carc,46,a quote never closed\n`,
  );
  writeFileSync(file('huge.csv'), 'list,code,description\n');
  truncateSync(file('huge.csv'), MAX_CODE_LIST_BYTES + 1); // sparse: no disk used
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('code lists of any size', () => {
  test('a file over the limit is not read, saying its size and the limit (server and CLI read it alike)', async () => {
    for (const r of [loadOfficialListsSync(file('huge.csv')), await loadOfficialLists(file('huge.csv'))]) {
      assert.equal(r.rows, 0);
      assert.match(r.error ?? '', /huge\.csv is 4\.0 MB; a code list file may be at most 4 MB .* so it is not read/);
    }
  });

  test('something that is not a regular file (a device, a folder) is not read', () => {
    assert.match(loadOfficialListsSync('/dev/zero').error ?? '', /\/dev\/zero is not a regular file/);
    assert.match(loadOfficialListsSync(dir).error ?? '', /is not a regular file/);
  });

  test('bad rows are skipped and counted; the good rows are read', () => {
    const r = loadOfficialListsSync(file('bad-row.csv'));
    assert.equal(r.rows, 1);
    assert.equal(r.lists.get('carc')?.get('45'), 'Our licensed wording');
    assert.equal(r.skipped, 3);
    assert.match(r.problems.join('\n'), /row 3: expected list,code,description; skipped/);
    assert.match(r.problems.join('\n'), /row 4: the code is 40 characters long/);
  });

  test('era835 --code-lists: a bad row warns and the command runs; a file over the limit is one line and exit 2', () => {
    const ok = era835('summary', 'examples/medicare-part-b.835', '--code-lists', file('bad-row.csv'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(
      ok.stderr,
      /era835: warning: --code-lists .*bad-row\.csv: 3 row\(s\) skipped \(row 3: expected list,code,description; skipped/,
    );
    assert.match(ok.stdout, /Payment 1/);
    const big = era835('summary', 'examples/medicare-part-b.835', '--code-lists', file('huge.csv'));
    assert.equal(big.status, 2);
    assert.match(big.stderr, /^era835: --code-lists .*huge\.csv is 4\.0 MB; a code list file may be at most 4 MB/m);
    assert.doesNotMatch(big.stderr, /at .*\.js:\d+/, 'no stack trace');
  });
});
