import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate835Text } from '../../bench/generator';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'server/out/cli.js');
const GOOD = join(ROOT, 'examples/medicare-part-b.835');

function era835(...args: string[]): { status: number | null; stdout: string; stderr: string; lines: string[] } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split('\n').filter((l) => l.startsWith('era835: ')) };
}

/**
 * Clear command-line errors: a file that cannot be read, a directory, a path through a file, a file that
 * is not X12, each gets one line naming it and why, the other files are still processed, the exit status is
 * not 0, and no stack trace ever reaches the terminal. Tested on the built CLI, as a user runs it.
 */
describe('era835 on bad paths and non-X12 files', () => {
  let dir: string;
  let notX12: string;
  let empty: string;
  let binary: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-cli-'));
    notX12 = join(dir, 'notes.txt');
    writeFileSync(notX12, 'Dear billing office, please find attached...\n');
    empty = join(dir, 'empty.835');
    writeFileSync(empty, '');
    binary = join(dir, 'photo.835');
    writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256)));
    mkdirSync(join(dir, 'folder.835')); // a directory with an 835 name
    copyFileSync(GOOD, join(dir, 'folder.835', 'inside.835'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const throughFile = () => join(GOOD, 'inner.835'); // a path that goes through a file
  const missing = () => join(dir, 'missing.835');
  const noStack = (stderr: string) => assert.doesNotMatch(stderr, /^\s+at |Error:|node:internal/m, stderr);

  test('check: one line per unusable path, every other file still checked, exit status not 0', () => {
    const r = era835('check', missing(), throughFile(), notX12, empty, binary, join(dir, 'folder.835'), GOOD);
    noStack(r.stderr);
    assert.ok(
      r.lines.some((l) => l === `era835: ${missing()}: no such file or directory`),
      r.stderr,
    );
    assert.ok(
      r.lines.some((l) => l === `era835: ${throughFile()}: not found (a part of the path is a file, not a directory)`),
      r.stderr,
    );
    // Non-X12 files are findings (file:line:col error isa-invalid ...), one line each.
    for (const f of [notX12, empty, binary]) {
      const lines = r.stdout.split('\n').filter((l) => l.startsWith(`${f}:`));
      assert.equal(lines.length, 1, `${f}: ${lines.join('\n')}`);
      assert.match(lines[0], / error isa-invalid /);
    }
    assert.ok(r.stdout.includes(`${join(dir, 'folder.835', 'inside.835')}:`), 'the directory was walked');
    assert.ok(r.stdout.includes(`${GOOD}:`), 'the good file was checked');
    assert.notEqual(r.status, 0);
  });

  test('summary: a non-X12 file is one line and a non-zero exit; the good file is still summarised', () => {
    const r = era835('summary', notX12, missing(), GOOD);
    noStack(r.stderr);
    assert.deepEqual(
      r.lines.sort(),
      [
        `era835: ${missing()}: no such file or directory`,
        `era835: ${notX12}: not an X12 file (no segment could be read; an 835 starts with ISA)`,
      ].sort(),
    );
    assert.match(r.stdout, /medicare-part-b\.835/);
    assert.doesNotMatch(r.stdout, /notes\.txt/);
    assert.equal(r.status, 2);
  });

  test('redact: a non-X12 file is one line, never echoed; the good file is still redacted to stdout', () => {
    const r = era835('redact', notX12, empty, throughFile(), GOOD, '--salt', 's');
    noStack(r.stderr);
    assert.ok(
      r.lines.includes(`era835: ${notX12}: not an X12 file: no segment could be read (an 835 starts with ISA), so nothing was redacted`),
      r.stderr,
    );
    assert.ok(
      r.lines.includes(`era835: ${empty}: not an X12 file: no segment could be read (an 835 starts with ISA), so nothing was redacted`),
      r.stderr,
    );
    assert.ok(
      r.lines.some((l) => l.startsWith(`era835: ${throughFile()}: not found`)),
      r.stderr,
    );
    assert.ok(
      r.lines.some((l) => l.startsWith(`era835: ${GOOD}: `) && /value\(s\) replaced/.test(l)),
      r.stderr,
    );
    assert.doesNotMatch(r.stdout, /Dear billing office/);
    assert.match(r.stdout, /^ISA\*/);
    assert.doesNotMatch(r.stdout, /PCN1001|SAMPLE\*ANNA/);
    assert.equal(r.status, 2);
  });

  test('redact --out-dir writes each file under its own name; the same salt gives the same bytes', () => {
    const out = join(dir, 'shared');
    const a = era835('redact', '--salt=team', '--out-dir', out, GOOD, join(dir, 'folder.835', 'inside.835'));
    assert.equal(a.status, 0, a.stderr);
    const b = era835('redact', '--salt=team', GOOD);
    const written = spawnSync('cat', [join(out, 'medicare-part-b.835')], { encoding: 'utf8' }).stdout;
    assert.equal(written, b.stdout);
    assert.ok(
      a.lines.some((l) => l.includes(join(out, 'inside.835'))),
      a.stderr,
    );
  });

  test('usage errors are one line and exit 2', () => {
    for (const args of [['redact'], ['redact', '--bogus', GOOD], ['summary'], ['check']]) {
      const r = era835(...args);
      assert.equal(r.status, 2, args.join(' '));
      assert.ok(r.lines.length >= 1, r.stderr);
      noStack(r.stderr);
    }
  });

  test('a file without read permission is one line "permission denied"', (t) => {
    if (process.getuid?.() === 0) {
      // root reads any file whatever its mode, so this case cannot fail here; the path-through-a-file
      // and missing-file cases above exercise the same reporting path.
      t.skip('running as root: permission bits do not stop root from reading');
      return;
    }
    const locked = join(dir, 'locked.835');
    copyFileSync(GOOD, locked);
    chmodSync(locked, 0o000);
    try {
      for (const cmd of ['check', 'summary', 'redact']) {
        const r = era835(cmd, locked, GOOD);
        assert.ok(r.lines.includes(`era835: ${locked}: cannot read (permission denied)`), `${cmd}: ${r.stderr}`);
        assert.notEqual(r.status, 0);
      }
    } finally {
      chmodSync(locked, 0o644);
    }
  });

  test('a reader that stops early (era835 redact big.835 | head) ends the command quietly', async () => {
    const big = join(dir, 'big.835');
    writeFileSync(big, generate835Text({ bytes: 3_000_000, seed: 5 }));
    const child = spawn(process.execPath, [CLI, 'redact', big], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    noStack(stderr);
    assert.notEqual(code, null);
  });
});
