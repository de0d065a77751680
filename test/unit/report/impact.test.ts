import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { ImpactAccumulator, impactCsv, impactOfAnalysis } from '../../../server/src/report/impact';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit, type ClaimSpec } from './remits';

const impactOf = (text: string, file = 'f.835') => impactOfAnalysis(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS, file);

/** A Medicare claim paid `paid` after a 2% cut of `seq` (both decimals), balanced, with a CO-45. */
const medicareClaim = (id: string, paid: string, seq: string, plan = 'MB'): ClaimSpec => {
  const charge = '200';
  const co45 = ((20000 - Math.round(Number(paid) * 100) - Math.round(Number(seq) * 100)) / 100).toFixed(2);
  return { id, charge, paid, plan, lines: [{ proc: '99213', charge, paid, date: '20240102', cas: [`CO*45*${co45}**253*${seq}`] }] };
};

describe('sequestration impact: one file', () => {
  test('one entry per transaction: month from BPR16, payer from N1*PR, Medicare base and CO-253 in cents', () => {
    const f = impactOf(
      remit({
        paymentDate: '20240315',
        payer: 'MEDICARE B',
        payerId: '12345',
        amount: '176.40',
        claims: [medicareClaim('A', '98', '2'), medicareClaim('B', '78.40', '1.60')],
      }),
    );
    assert.deepEqual(f.entries, [
      {
        month: '2024-03',
        payerName: 'MEDICARE B',
        payerId: '12345',
        claims: 2,
        medicareClaims: 2,
        paidCents: 17640,
        medicarePaidCents: 17640,
        co253Cents: 360,
        medicareCo253Cents: 360,
        deviating: 0,
        deviationCents: 0,
      },
    ]);
  });

  test('without BPR16 the month comes from DTM*405', () => {
    const f = impactOf(remit({ productionDate: '20231130', amount: '98', claims: [medicareClaim('A', '98', '2')] }));
    assert.equal(f.entries[0].month, '2023-11');
  });

  test('CO-253 on a commercial claim counts in co253 but not in the Medicare share', () => {
    const f = impactOf(
      remit({ paymentDate: '20240315', amount: '196', claims: [medicareClaim('A', '98', '2'), medicareClaim('B', '98', '2', '12')] }),
    );
    const e = f.entries[0];
    assert.equal(e.co253Cents, 400);
    assert.equal(e.medicareCo253Cents, 200);
    assert.equal(e.medicarePaidCents, 9800);
    assert.equal(e.medicareClaims, 1);
  });

  test('lines off the expected rate are the co253-amount findings, with their difference', () => {
    const f = impactOf(readFileSync('examples/needs-attention.835', 'utf8'));
    assert.equal(f.entries[0].deviating, 1);
    assert.equal(f.entries[0].deviationCents, 680); // 10.00 taken on 160.00, 3.20 expected
  });
});

describe('sequestration impact: many files', () => {
  const files = [
    remit({ paymentDate: '20240115', payer: 'MEDICARE B', payerId: '1', amount: '98', claims: [medicareClaim('A', '98', '2')] }),
    remit({ paymentDate: '20240131', payer: 'MEDICARE B', payerId: '1', amount: '78.40', claims: [medicareClaim('B', '78.40', '1.60')] }),
    remit({ paymentDate: '20240201', payer: 'MEDICARE A', payerId: '2', amount: '49', claims: [medicareClaim('C', '49', '1', 'MA')] }),
    remit({ payer: 'MEDICARE A', payerId: '2', paymentDate: '20240210', amount: '98', claims: [medicareClaim('D', '98', '2', 'MA')] }),
  ];
  const acc = new ImpactAccumulator();
  files.forEach((text, i) => acc.add(impactOf(text, `f${i}.835`)));

  test('by month: files, claims, paid, CO-253 and share', () => {
    assert.deepEqual(
      acc.rows('month').map((r) => [r.key, r.files, r.claims, r.paidCents, r.co253Cents, r.share]),
      [
        ['2024-01', 2, 2, 17640, 360, 360 / 18000],
        ['2024-02', 2, 2, 14700, 300, 300 / 15000],
      ],
    );
  });

  test('by payer: name and id', () => {
    assert.deepEqual(
      acc.rows('payer').map((r) => [r.label, r.files, r.paidCents, r.co253Cents]),
      [
        ['MEDICARE A (2)', 2, 14700, 300],
        ['MEDICARE B (1)', 2, 17640, 360],
      ],
    );
  });

  test('the total adds every file', () => {
    const t = acc.total();
    assert.equal(acc.fileCount, 4);
    assert.equal(t.files, 4);
    assert.equal(t.paidCents, 32340);
    assert.equal(t.co253Cents, 660);
    assert.equal(t.share, 660 / 33000);
  });

  test('CSV: RFC 4180 with plain decimals and the total last', () => {
    const csv = impactCsv(acc.rows('month'), 'month', acc.total());
    const lines = csv.split('\r\n');
    assert.equal(
      lines[0],
      'month,files,transactions,claims,medicare_claims,paid,medicare_paid,co253,medicare_co253,co253_share_percent,deviating_lines,deviation',
    );
    assert.equal(lines[1], '2024-01,2,2,2,2,176.40,176.40,3.60,3.60,2.00,0,0.00');
    assert.equal(lines[3], 'Total,4,4,4,4,323.40,323.40,6.60,6.60,2.00,0,0.00');
    assert.equal(lines[4], '');
  });

  test('a payer name with a comma is quoted', () => {
    const a = new ImpactAccumulator();
    a.add(impactOf(remit({ paymentDate: '20240115', payer: 'ACME, "WEST"', amount: '98', claims: [medicareClaim('A', '98', '2')] })));
    assert.match(impactCsv(a.rows('payer'), 'payer'), /\r\n"ACME, ""WEST""",1,/);
  });

  test('a file that could not be read is a problem, not a row', () => {
    const a = new ImpactAccumulator();
    a.add({ file: 'gone.835', entries: [], problem: 'cannot read (ENOENT)' });
    assert.deepEqual(a.rows('month'), []);
    assert.deepEqual(a.problems, ['gone.835: cannot read (ENOENT)']);
  });
});
