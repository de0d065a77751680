import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'server/out/cli.js');
const GOOD = join(ROOT, 'examples/medicare-part-b.835');
const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*000000001*0*P*:~';

function era835(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, maxBuffer: 1 << 28, timeout: 60_000 });
  const stderr = r.stderr?.toString('utf8') ?? '';
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout?.toString('utf8') ?? '',
    raw: r.stdout,
    stderr,
    lines: stderr.split('\n').filter((l) => l.startsWith('era835: ')),
  };
}
const noStack = (stderr: string) => assert.doesNotMatch(stderr, /^\s+at |node:internal|RangeError|TypeError/m, stderr);
const checkedFiles = (stdout: string) => new Set(JSON.parse(stdout).findings.map((f: { file: string }) => f.file));

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'era835-inputs-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('folder walks: each real file once, links followed once, loops said', () => {
  test('two self-links and two links to one file: the file is checked once, the loop is a note, exit as for the file', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    copyFileSync(GOOD, join(tree, 'sub', 'a.835'));
    symlinkSync(tree, join(tree, 'sub', 'up')); // a loop
    symlinkSync('.', join(tree, 'self')); // another loop
    symlinkSync(join(tree, 'sub', 'a.835'), join(tree, 'link-a.835'));
    symlinkSync(join(tree, 'sub', 'a.835'), join(tree, 'sub', 'again.835'));
    const r = era835(['check', '--json', tree]);
    noStack(r.stderr);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([...checkedFiles(r.stdout)], [join(tree, 'link-a.835')]); // the first path that reaches it
    assert.ok(
      r.lines.some((l) => / a link back to .* \(a loop\)$/.test(l)),
      r.stderr,
    );
  });

  test('a broken link to an 835 and an unreadable entry: one line each and exit 2; the rest is still checked', () => {
    const tree = join(dir, 'broken');
    mkdirSync(tree);
    copyFileSync(GOOD, join(tree, 'good.835'));
    symlinkSync(join(tree, 'gone.835'), join(tree, 'dangling.835'));
    const r = era835(['check', '--json', tree]);
    noStack(r.stderr);
    assert.equal(r.status, 2);
    assert.ok(r.lines.includes(`era835: ${join(tree, 'dangling.835')}: cannot read (a broken link or a file that vanished)`), r.stderr);
    assert.deepEqual([...checkedFiles(r.stdout)], [join(tree, 'good.835')]);
  });

  test('a .txt file counts in a folder only when it starts with ISA', () => {
    const tree = join(dir, 'names');
    mkdirSync(tree);
    writeFileSync(join(tree, 'letter.txt'), 'Dear billing office\n');
    copyFileSync(GOOD, join(tree, 'remit.txt'));
    const r = era835(['check', '--json', tree]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([...checkedFiles(r.stdout)], [join(tree, 'remit.txt')]);
  });
});

describe('inputs that are not files, not X12, not UTF-8', () => {
  test('a device is refused in one line by every command, at once', () => {
    for (const cmd of [['check'], ['summary'], ['impact'], ['export', '--csv'], ['redact']]) {
      const r = era835([...cmd, '/dev/zero']);
      assert.equal(r.signal, null, `${cmd[0]} did not stop`);
      assert.equal(r.status, 2, cmd[0]);
      assert.ok(
        r.lines.includes('era835: /dev/zero: not a regular file (a device, pipe or socket); era835 reads files, and - for standard input'),
        `${cmd[0]}: ${r.stderr}`,
      );
    }
  });

  test('one exit rule for input that is not X12: a line naming the file and exit 2, for every command', () => {
    const notes = join(dir, 'notes.835');
    writeFileSync(notes, 'Dear billing office, please find attached...\n');
    for (const cmd of [['check'], ['summary'], ['impact'], ['export', '--csv'], ['redact']]) {
      const r = era835([...cmd, notes, GOOD]);
      noStack(r.stderr);
      assert.equal(r.status, 2, `${cmd[0]}: ${r.stderr}`);
      assert.ok(
        r.lines.some((l) => l.startsWith(`era835: ${notes}: not an X12 file`)),
        `${cmd[0]}: ${r.stderr}`,
      );
    }
  });

  test('bytes that are not UTF-8: a finding with its place; redaction keeps them, byte for byte', () => {
    const text = readFileSync(GOOD);
    const at = text.indexOf('N1*PR*') + 6; // inside the payer's name, which redaction keeps
    const latin1 = Buffer.concat([text.subarray(0, at), Buffer.of(0xc9), text.subarray(at)]); // É in Latin-1
    const path = join(dir, 'latin1.835');
    writeFileSync(path, latin1);
    const line = latin1.subarray(0, at).toString('latin1').split('\n').length;
    const column = at - latin1.subarray(0, at).lastIndexOf(0x0a);
    const c = era835(['check', path]);
    assert.match(
      c.stdout,
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:${column} warning encoding-invalid `, 'm'),
      c.stdout,
    );
    const r = era835(['redact', '--salt', 's', path]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.raw.length, latin1.length);
    assert.equal(r.raw[at], 0xc9);
  });

  test('- reads standard input', () => {
    const r = era835(['check', '--json', '-'], readFileSync(GOOD));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual([...checkedFiles(r.stdout)], ['-']);
    assert.equal(JSON.parse(r.stdout).findings.length, 2);
  });
});

describe('check output at any number of findings', () => {
  const many = () => {
    const path = join(dir, 'empty-segments.835');
    writeFileSync(path, ISA + '~'.repeat(200_000));
    return path;
  };

  test('--json is written as it is made and parses: every finding, with counts', () => {
    const r = era835(['check', '--json', many()]);
    noStack(r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.findings.length, 200_001);
    assert.equal(out.counts.warning + out.counts.error, out.findings.length);
    assert.equal(r.status, 1); // an error finding (no IEA): 1, as documented
  });

  test('text shows an identical finding 100 times per file and counts the rest; --all shows every one', () => {
    const path = many();
    const r = era835(['check', path]);
    const shown = r.stdout.split('\n').filter((l) => l.includes(' segment-unknown '));
    assert.equal(shown.length, 100);
    assert.ok(
      r.lines.some((l) => l.startsWith(`era835: ${path}: 199900 more segment-unknown finding(s) not shown`)),
      r.stderr,
    );
    const all = era835(['check', '--all', path]);
    assert.equal(all.stdout.split('\n').filter((l) => l.includes(' segment-unknown ')).length, 200_000);
  });
});

describe('options', () => {
  test('--version prints the package version; --help works for every command; both exit 0', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    const v = era835(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), version);
    for (const cmd of ['check', 'summary', 'impact', 'export', 'redact']) {
      const h = era835([cmd, '--help']);
      assert.equal(h.status, 0, cmd);
      assert.match(h.stdout, new RegExp(`^Usage: era835 ${cmd} `), cmd);
    }
    assert.equal(era835(['--help']).status, 0);
  });

  test('an unknown option is a usage error (exit 2), never a path', () => {
    for (const args of [
      ['check', '--jsno', GOOD],
      ['summary', '--csv', GOOD],
      ['export', '--csv=yes', GOOD],
      ['check', '--jobs', 'many', GOOD],
      ['--bogus'],
    ]) {
      const r = era835(args);
      assert.equal(r.status, 2, args.join(' '));
      noStack(r.stderr);
    }
  });

  test('--settings reads a VS Code settings.json with comments and trailing commas', () => {
    const settings = join(dir, 'settings.json');
    writeFileSync(
      settings,
      '{\n  // the sequestration notes are expected\n  "editor.fontSize": 14,\n  "era835.rules.co253-sequestration": "off", /* quiet */\n}\n',
    );
    const r = era835(['check', '--settings', settings, '--json', GOOD]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'co253-sequestration').length, 0);
  });
});
