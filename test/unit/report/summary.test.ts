import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { summarize, type Range } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { medicareFile } from '../../helpers/fragments';
import { remit } from './remits';

const summaryOf = (text: string) => summarize(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
const textAt = (text: string, r: Range) => {
  const lines = text.split('\n');
  assert.equal(r.start.line, r.end.line, 'a single-line range');
  return lines[r.start.line].slice(r.start.character, r.end.character);
};

describe('remittance summary: totals by class', () => {
  test('a Medicare Part B claim: paid, CO-45, CO-253 and PR-2 in exact cents', () => {
    const s = summaryOf(medicareFile());
    assert.deepEqual(s.totals, {
      charged: 20000,
      paid: 7840,
      contractual: 10000,
      sequestration: 160,
      patientResponsibility: 2000,
      denied: 0,
      recoverable: 0,
      other: 0,
      providerAdjustments: 0,
      payments: 7840,
    });
    assert.deepEqual(s.moneyFlow, {
      charged: 20000,
      paid: 7840,
      contractual: 10000,
      sequestration: 160,
      patient: 2000,
      denied: 0,
      recoverable: 0,
      other: 0,
      unexplained: 0,
    });
    assert.equal(s.toWork, 0);
    assert.deepEqual(s.worklist, []);
  });

  test('the payment block: payer, payee, amount, method, date, trace, claims by status', () => {
    const [tx] = summaryOf(medicareFile()).transactions;
    assert.equal(tx.payer.name, 'MEDICARE PART B CONTRACTOR');
    assert.deepEqual(tx.payee, { name: 'CLINIC', idQualifier: 'XX', id: '1234567893' });
    assert.equal(tx.amountCents, 7840);
    assert.equal(tx.method, 'ACH');
    assert.equal(tx.paymentDate, '2024-01-05');
    assert.equal(tx.productionDate, '2024-01-04');
    assert.equal(tx.traceNumber, 'EFT0001');
    assert.deepEqual(
      tx.claimsByStatus.map((c) => [c.status, c.count]),
      [['1', 1]],
    );
    assert.equal(tx.differenceCents, 0);
  });

  test('reversal and correction net out; PLB is reported apart from the claims', () => {
    const text = remit({
      amount: '90',
      plb: 'WO:X1*10',
      claims: [
        {
          id: 'A',
          status: '22',
          charge: '-100',
          paid: '-80',
          lines: [{ proc: '99213', charge: '-100', paid: '-80', date: '20240102', cas: ['CO*45*-20'] }],
        },
        {
          id: 'A',
          status: '1',
          charge: '100',
          paid: '100',
          lines: [{ proc: '99213', charge: '100', paid: '100', date: '20240102', cas: [] }],
        },
        { id: 'B', charge: '100', paid: '80', lines: [{ proc: '99213', charge: '100', paid: '80', date: '20240102', cas: ['CO*45*20'] }] },
      ],
    });
    const s = summaryOf(text);
    assert.equal(s.totals.charged, 10000);
    assert.equal(s.totals.paid, 10000);
    assert.equal(s.totals.contractual, 0);
    assert.equal(s.totals.providerAdjustments, 1000);
    assert.equal(s.transactions[0].expectedCents, 9000);
    assert.equal(s.transactions[0].differenceCents, 0);
    assert.deepEqual(
      s.claimsByStatus.map((c) => [c.status, c.count]),
      [
        ['1', 2],
        ['22', 1],
      ],
    );
  });
});

describe('remittance summary: adjustments by group and reason', () => {
  test('rows by group-reason with count, cents, class, category and our words', () => {
    const text = remit({
      amount: '150',
      claims: [
        {
          id: 'A',
          charge: '200',
          paid: '98',
          lines: [{ proc: '99213', charge: '200', paid: '98', date: '20240102', cas: ['CO*45*100**253*2'] }],
        },
        {
          id: 'B',
          charge: '100',
          paid: '52',
          patient: '0',
          lines: [{ proc: '99214', charge: '100', paid: '52', date: '20240103', cas: ['CO*45*46.94**253*1.06'] }],
        },
      ],
    });
    const s = summaryOf(text);
    const rows = s.byReason.map((r) => [r.key, r.count, r.cents, r.cls, r.category]);
    assert.deepEqual(rows, [
      ['CO-45', 2, 14694, 'contractual', 'contractual'],
      ['CO-253', 2, 306, 'sequestration', 'sequestration'],
    ]);
    assert.ok(s.byReason[1].text.length > 0 && s.byReason[1].why.length > 0);
  });
});

describe('remittance summary: worklist', () => {
  const text = readFileSync('examples/needs-attention.835', 'utf8');
  const s = summaryOf(text);

  test('every triplet that needs work, in document order, with what to do, what to recover and where it is', () => {
    assert.equal(s.toWork, 4);
    assert.equal(s.toWorkCents, 1000 + 1000 + 18000 + 500);
    assert.equal(s.toRecoverCents, 680 + 500);
    assert.deepEqual(
      s.worklist.map((w) => [w.claimId, w.patient, `${w.group}-${w.reason}`, w.cents, w.cls, w.finding, w.recoverableCents]),
      [
        ['PCN2001', 'SAMPLE, CARLA', 'CO-253', 1000, 'recoverable', 'co253-amount', 680],
        ['PCN2002', 'EXAMPLE, DMITRI', 'PR-253', 1000, 'needsWork', 'co253-group', 0],
        ['PCN2003', 'SAMPLE, ELENA', 'CO-16', 18000, 'needsWork', 'adjustment-actionable', 0],
        ['PCN2004', 'EXAMPLE, FARID', 'CO-253', 500, 'recoverable', 'co253-non-medicare', 500],
      ],
    );
    assert.equal(textAt(text, s.worklist[1].range), '253*10');
    assert.equal(textAt(text, s.worklist[2].range), '16*180');
    assert.match(s.worklist[0].explanation, /above the rate/);
    assert.match(s.worklist[0].action, /refund the excess/);
    assert.match(s.worklist[1].explanation, /group/i, 'PR-253 needs work because of its group');
    assert.match(s.worklist[1].action, /Do not bill the patient/);
    assert.ok(s.worklist[2].action.length > 0, 'a denial says what to do');
    assert.equal(s.worklist[2].procedure, 'HC:80053');
    assert.equal(s.worklist[2].serviceDate, '2024-04-04');
    assert.match(s.worklist[3].action, /no law behind it/);
  });

  test('balance status per rule, from the findings', () => {
    const status = Object.fromEntries(s.balance.map((b) => [b.code, [b.status, b.findings]]));
    assert.deepEqual(status, {
      'service-balance': ['ok', 0],
      'claim-balance': ['ok', 0],
      'patient-responsibility': ['ok', 0],
      'transaction-balance': ['problems', 1],
    });
    const tb = s.balance.find((b) => b.code === 'transaction-balance')!;
    assert.equal(textAt(text, tb.items[0].range), '240.00');
    assert.equal(s.transactions[0].differenceCents, -500);
  });

  test('where the charged money went adds up to the charges when claims balance', () => {
    const f = s.moneyFlow;
    // PR-253 is never the patient's; the CO-253 off the rate and the commercial one are recoverable.
    assert.deepEqual(f, {
      charged: 67000,
      paid: 24500,
      contractual: 21898,
      sequestration: 102,
      patient: 0,
      denied: 19000,
      recoverable: 1500,
      other: 0,
      unexplained: 0,
    });
    assert.equal(f.paid + f.contractual + f.sequestration + f.patient + f.denied + f.recoverable + f.other, f.charged);
  });

  test('sequestration: Medicare share, the line off the expected rate, and the commercial CO-253 on its own line', () => {
    assert.deepEqual(
      { ...s.sequestration, share: undefined, notes: undefined },
      {
        medicareClaims: 2,
        medicarePaidCents: 20000,
        medicareCo253Cents: 1102,
        co253Cents: 1602,
        share: undefined,
        deviating: 1,
        deviationCents: 680,
        otherRecoverableCents: 500,
        otherToVerifyCents: 0,
        notes: undefined,
      },
    );
    assert.equal(s.sequestration.share, 1102 / 21102);
    assert.deepEqual(
      s.sequestration.notes.map((n) => n.tone),
      ['info', 'warn', 'warn'],
    );
    assert.match(s.sequestration.notes[1].text, /1 Medicare CO-253 line off the rate table .*: \$6\.80 more than expected/);
    assert.match(s.sequestration.notes[2].text, /not Medicare \(commercial, Medicaid\): \$5\.00 recoverable/);
    assert.ok(!s.sequestration.notes.some((n) => /Every .*CO-253 is at the rate/.test(n.text)), 'never reassures when a line is off');
  });
});

describe('remittance summary: an unbalanced claim', () => {
  test('the remainder shows as unexplained and claim-balance counts it', () => {
    const text = remit({
      amount: '80',
      claims: [
        { id: 'A', charge: '100', paid: '80', lines: [{ proc: '99213', charge: '100', paid: '80', date: '20240102', cas: ['CO*45*15'] }] },
      ],
    });
    const s = summaryOf(text);
    assert.equal(s.moneyFlow.unexplained, 500);
    assert.deepEqual(
      s.balance.filter((b) => b.status === 'problems').map((b) => b.code),
      ['service-balance', 'claim-balance'],
    );
  });
});

describe('remittance summary: examples/medicare-part-b.835', () => {
  test('totals, reasons and sequestration share in exact cents', () => {
    const s = summaryOf(readFileSync('examples/medicare-part-b.835', 'utf8'));
    assert.equal(s.claimCount, 2);
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
    assert.deepEqual(
      s.byReason.map((r) => [r.key, r.count, r.cents]),
      [
        ['CO-45', 2, 13837],
        ['CO-253', 2, 403],
        ['PR-2', 1, 3000],
      ],
    );
    assert.ok(s.balance.every((b) => b.status === 'ok'));
    assert.equal(s.sequestration.deviating, 0);
    assert.deepEqual(
      s.claims.map((c) => [c.id, c.paidCents]),
      [
        ['PCN1001', 11760],
        ['PCN1002', 8000],
      ],
    );
  });
});
