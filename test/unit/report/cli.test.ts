import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { remit } from './remits';

/** The built command line (npm test builds before the unit tests; a lone run builds when it is missing). */
const CLI = 'server/out/cli.js';
const era835 = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

before(() => {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
});

describe('era835 summary', () => {
  test('--json gives the same totals as the editor, in cents', () => {
    const r = era835('summary', 'examples/medicare-part-b.835', '--json');
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.deepEqual(s.totals, {
      charged: 37000,
      paid: 19760,
      contractual: 13837,
      sequestration: 403,
      patientResponsibility: 3000,
      denied: 0,
      recoverable: 0,
      other: 0,
      providerAdjustments: 0,
      payments: 19760,
    });
    assert.equal(s.transactions[0].traceNumber, 'EFT20240315001');
    assert.deepEqual(
      s.balance.map((b: { status: string }) => b.status),
      ['ok', 'ok', 'ok', 'ok'],
    );
  });

  test('as tables: payment, where the money went, worklist and balancing', () => {
    const r = era835('summary', 'examples/needs-attention.835');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Payment 1 \(ST02 0002\): \$240\.00 by ACH/);
    assert.match(r.stdout, /Where the charged \$670\.00 went/);
    assert.match(r.stdout, /Worklist: 4 adjustment\(s\) need work, \$205\.00, \$11\.80 to recover/);
    assert.match(r.stdout, /PCN2001 +SAMPLE, CARLA +CO-253 +\$10\.00 +\$6\.80 /);
    assert.match(r.stdout, /PCN2003 +SAMPLE, ELENA +CO-16 +\$180\.00 + 25:8/);
    assert.match(r.stdout, /transaction-balance +1 problem\(s\)/);
  });

  test('a missing file or option is a usage problem (exit 2)', () => {
    assert.equal(era835('summary').status, 2);
    assert.equal(era835('summary', 'no/such.835').status, 2);
    assert.equal(era835('summary', '--nope', 'examples/medicare-part-b.835').status, 2);
  });
});

describe('era835 impact over 500 files', () => {
  let dir = '';
  /** Month m (1..12) of 2024 gets every file i with i % 12 === m - 1; base 100·k dollars, 2% cut; every 100th file takes 3%. */
  const expected = new Map<string, { files: number; paid: number; co253: number; deviating: number }>();

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'era835-impact-'));
    for (let i = 0; i < 500; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const k = 1 + (i % 5);
      const base = 10000 * k; // cents
      const off = i % 100 === 0;
      const seq = off ? 300 * k : 200 * k;
      const paid = base - seq;
      const dollars = (c: number) => (c / 100).toFixed(2);
      const text = remit({
        paymentDate: `2024${month}15`,
        amount: dollars(paid),
        trace: `T${i}`,
        claims: [
          {
            id: `C${i}`,
            charge: dollars(base + 5000),
            paid: dollars(paid),
            plan: 'MB',
            lines: [
              {
                proc: '99213',
                charge: dollars(base + 5000),
                paid: dollars(paid),
                date: `2024${month}01`,
                cas: [`CO*45*50**253*${dollars(seq)}`],
              },
            ],
          },
        ],
      });
      writeFileSync(join(dir, `remit-${String(i).padStart(3, '0')}.835`), text);
      const key = `2024-${month}`;
      const e = expected.get(key) ?? { files: 0, paid: 0, co253: 0, deviating: 0 };
      e.files++;
      e.paid += paid;
      e.co253 += seq;
      e.deviating += off ? 1 : 0;
      expected.set(key, e);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--json: month totals in exact cents, and a progress line on stderr', () => {
    const r = era835('impact', dir, '--json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.files, 500);
    const got = new Map<string, unknown>(
      out.rows.map((row: { key: string; files: number; paidCents: number; co253Cents: number; deviating: number }) => [
        row.key,
        { files: row.files, paid: row.paidCents, co253: row.co253Cents, deviating: row.deviating },
      ]),
    );
    assert.deepEqual(got, new Map([...expected.entries()].sort(([a], [b]) => a.localeCompare(b))));
    assert.equal(out.total.deviating, 5);
    // stderr is a pipe here: one whole line every 50 files, and one for the last.
    assert.match(r.stderr, /^\[50\/500\] .*remit-049\.835$/m);
    assert.match(r.stderr, /^\[500\/500\] .*remit-499\.835$/m);
    assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('[')).length, 10);
  });

  test('--by payer --csv: one payer row and the total', () => {
    const r = era835('impact', dir, '--by', 'payer', '--csv');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\r\n');
    assert.equal(lines[0].split(',')[0], 'payer');
    assert.match(lines[1], /^MEDICARE PART B CONTRACTOR,500,500,500,500,/);
    assert.match(lines[2], /^Total,500,/);
  });

  test('--by takes month or payer only', () => {
    assert.equal(era835('impact', dir, '--by', 'week').status, 2);
  });
});

describe('era835 export --csv', () => {
  test('-o writes one row per adjustment of every file, with one header', () => {
    const dir = mkdtempSync(join(tmpdir(), 'era835-export-'));
    try {
      const out = join(dir, 'out.csv');
      const r = era835('export', 'examples/medicare-part-b.835', 'examples/needs-attention.835', '--csv', '-o', out);
      assert.equal(r.status, 0, r.stderr);
      const lines = readFileSync(out, 'utf8').split('\r\n');
      assert.equal(lines[0].split(',')[0], 'file');
      assert.equal(lines.length, 1 + 5 + 8 + 1); // header, 5 + 8 triplets, final empty string after the last CRLF
      assert.ok(lines[1].startsWith('examples/medicare-part-b.835,MEDICARE PART B SAMPLE CONTRACTOR,EFT20240315001,PCN1001,'));
      assert.match(r.stderr, /13 adjustments from 2 file\(s\) written/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
