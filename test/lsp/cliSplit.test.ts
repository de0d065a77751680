import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate835Text } from '../../bench/generator';
import { unknownRateSettings } from '../helpers/settingsFiles';

const CLI = join(__dirname, '../../server/out/cli.js');
/** Every file is split (ERA835_SPLIT_BYTES=1), and the CLI says whether the parts were merged or the file checked whole. */
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 29,
    env: { ...process.env, ERA835_SPLIT_BYTES: '1', ERA835_SPLIT_DEBUG: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** The n-th match of `re` in `s` replaced by `f(match)`. */
function nth(s: string, re: RegExp, n: number, f: (m: string) => string): string {
  let k = 0;
  return s.replace(new RegExp(re.source, 'g'), (m) => (k++ === n ? f(m) : m));
}

/**
 * One interchange of many transactions (what big remits are), damaged where the cuts fall and elsewhere:
 * SE01 and ST/SE control numbers off, GE01 and IEA01 off (checked against counts made across every part),
 * a transaction without SE (no cut may follow it), empty segments, a byte that is not UTF-8, and a
 * reversal of an earlier claim (paired across up to 200 claims: no cut between them).
 */
function damaged(seed: number): string {
  let s = generate835Text({ bytes: 900_000, seed, claimsPerTransaction: 6 });
  for (const k of [3, 17, 40, 41, 77, 120]) s = nth(s, /SE\*\d+\*/, k, (m) => m.replace(/\d+/, (d) => String(Number(d) + 1)));
  s = nth(s, /SE\*\d+\*\d+/, 60, (m) => m + '9');
  s = nth(s, /~\n?SE\*[^~]*~/, 95, () => '~'); // transaction 95 runs into the next ST
  s = s.replace(/GE\*\d+\*/, 'GE*7*').replace(/IEA\*1\*/, 'IEA*2*');
  s = nth(s, /~\n?LX\*1~/, 50, (m) => m.replace('LX', '~~~LX'));
  s = nth(s, /N1\*QC\*[^~]*/, 30, (m) => m + '\u00e9');
  // A reversal (CLP02 22, amounts negated) of claim 200, a few claims after it.
  const clp = [...s.matchAll(/CLP\*([^*~]*)\*1\*([^*~]*)\*([^*~]*)\*[^~]*~/g)][200];
  const reversal = `CLP*${clp[1]}*22*-${clp[2]}*-${clp[3]}*0*MA*REV0001*11*1~`;
  const at = s.indexOf('CLP*', s.indexOf(clp[0]) + clp[0].length + 2000);
  return s.slice(0, at) + reversal + (s[at - 1] === '\n' ? '\n' : '') + s.slice(at);
}

describe('era835 check --jobs: one interchange cut at transactions, merged to exactly the single-thread result', () => {
  let dir = '';
  const files: Record<string, string> = {};
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-split-'));
    const multi = damaged(7);
    const add = (name: string, text: string | Buffer) => {
      files[name] = join(dir, `${name}.835`);
      writeFileSync(files[name], text);
    };
    add('multi-line', multi);
    add('one-line', multi.replace(/~\n/g, '~'));
    add('CRLF', multi.replace(/\n/g, '\r\n'));
    // Bytes that are not UTF-8 in a part (kept, reported per run).
    add('latin1', Buffer.concat([Buffer.from(multi.slice(0, 400_000)), Buffer.from([0xe9, 0x20]), Buffer.from(multi.slice(400_002))]));
    // Three interchanges of many transactions, the second with other delimiters (never cut inside).
    const second = generate835Text({ bytes: 300_000, seed: 9, claimsPerTransaction: 4 })
      .replace(/\*/g, '|')
      .replace(/\|\^\|/, '|^|');
    add('three interchanges', damaged(11) + second + generate835Text({ bytes: 300_000, seed: 12, claimsPerTransaction: 5 }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const name of ['multi-line', 'one-line', 'CRLF', 'latin1', 'three interchanges']) {
    test(`${name}: text, --all and --json identical to one job`, () => {
      for (const format of [[], ['--all'], ['--json']]) {
        const one = run('check', '--jobs', '1', ...format, files[name]);
        const three = run('check', '--jobs', '3', ...format, files[name]);
        assert.ok(one.stdout.length > 50_000, 'there are findings to compare');
        assert.match(three.stderr, /3 parts, merged/, three.stderr);
        assert.equal(three.stdout, one.stdout, `${name} ${format.join(' ')}`);
        assert.equal(three.status, one.status);
        const kept = (s: string) =>
          s
            .split('\n')
            .filter((l) => / not shown|checked:/.test(l))
            .join('\n');
        assert.equal(kept(three.stderr), kept(one.stderr));
      }
    });
  }

  test('the damage is seen across the cuts: GE01 and IEA01 against every part, SE01, a missing SE', () => {
    const out = run('check', '--jobs', '4', files['multi-line']);
    assert.match(out.stderr, /4 parts, merged/);
    assert.match(out.stdout, /envelope-count GE01 says 7, but this group holds \d+ transaction set\(s\)/);
    assert.match(out.stdout, /envelope-count IEA01 says 2, but this interchange holds 1 functional group\(s\)/);
    assert.ok(out.stdout.split('\n').filter((l) => / se-count /.test(l)).length >= 6);
    assert.match(out.stdout, /has no SE trailer: a ST follows its last segment/);
  });

  test('a file-wide fact (every CO-253 at a rate the table lacks) makes the file be checked whole', () => {
    const settings = unknownRateSettings(dir);
    const one = run('check', '--settings', settings, '--jobs', '1', files['one-line']);
    const three = run('check', '--settings', settings, '--jobs', '3', files['one-line']);
    assert.match(three.stderr, /3 parts, checked whole/);
    assert.equal(three.stdout, one.stdout);
  });

  test('one transaction of many claims has no transaction to cut at: the same result', () => {
    const path = join(dir, 'one-transaction.835');
    // The first transaction's claims repeated: one ST..SE of some 900 claims (SE01 is then off: a finding).
    const text = generate835Text({ bytes: 40_000, seed: 5, claimsPerTransaction: 60 });
    const first = text.indexOf('CLP*');
    const claims = text.slice(first, text.indexOf('SE*', first)).replace(/(^|\n)PLB\*[^~]*~\n?/g, '$1');
    writeFileSync(path, `${text.slice(0, first)}${claims.repeat(15)}SE*9*0001~\nGE*1*4711~\nIEA*1*000004711~\n`);
    const one = run('check', '--jobs', '1', path);
    const two = run('check', '--jobs', '2', path);
    assert.ok(one.stdout.length > 10_000);
    assert.doesNotMatch(two.stderr, /parts, merged/);
    assert.equal(two.stdout, one.stdout);
  });
});
