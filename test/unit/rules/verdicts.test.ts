import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { describeAdjustment } from '../../../server/src/features/adjustmentText';
import { casShades } from '../../../server/src/features/casShades';
import { codeLenses } from '../../../server/src/features/codeLens';
import { claimSummary } from '../../../server/src/features/hover/claim';
import { navigate } from '../../../server/src/features/navigation';
import { documentSymbols } from '../../../server/src/features/symbols';
import { adjustmentsCsv } from '../../../server/src/report/exportCsv';
import { impactOfAnalysis } from '../../../server/src/report/impact';
import { summarize } from '../../../server/src/report/summary';
import { effectiveSeverity } from '../../../server/src/rules/engine/severity';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit, type ClaimSpec } from '../report/remits';

/**
 * Issue 14, "What we saw": each case a new user met, and what every view now says of it. The verdict of a
 * triplet is judged once (x835/verdicts.ts); these tests read it through the views, with their words.
 */

const analysed = (text: string): Analysis => analyze(text, DEFAULT_SETTINGS);
const EXAMPLE = readFileSync('examples/needs-attention.835', 'utf8');

/** The row of the first triplet with this group and reason on claim `id`. */
function rowOf(a: Analysis, id: string, code: string): number {
  const cas = a.model.cas;
  for (let r = 0; r < cas.length; r++) {
    if (`${cas.groupOf(r)}-${cas.reasonOf(r)}` === code && a.model.store.claimAt(cas.claim[r]).id === id) return r;
  }
  throw new Error(`no ${code} on ${id}`);
}

const hover = (a: Analysis, row: number) => describeAdjustment(a, a.model.cas.at(row), DEFAULT_SETTINGS);
const claimLens = (a: Analysis, id: string) => {
  const claim = a.model.claims.find((c) => c.id === id)!;
  return codeLenses(a).find(
    (l) =>
      l.range.start.line === a.lines.positionAt(a.tokens.segStart[claim.seg]).line &&
      a.tokens.id(claim.seg) === 'CLP' &&
      l.command!.title.startsWith('Paid'),
  )!.command!.title;
};
/** Each triplet's verdict as the CSV says it: "class,actionable,recoverable_amount,finding". */
const csvRecords = (a: Analysis) => {
  const [head, ...rows] = adjustmentsCsv(a, 'f.835')
    .trim()
    .split('\r\n')
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, '')));
  const at = ['class', 'actionable', 'recoverable_amount', 'finding'].map((c) => head.indexOf(c));
  return rows.map((f) => at.map((i) => f[i]).join(','));
};
const findingsAt = (a: Analysis, row: number) => {
  const t = a.tokens;
  const start = t.elementStartOffset(a.model.cas.seg[row], 2 + 3 * a.model.cas.triplet[row]);
  return a.findings.filter((f) => f.start === start);
};
const severity = (f: { code: string; severity?: 'error' | 'warning' | 'information' | 'hint' }) =>
  effectiveSeverity(f as never, DEFAULT_SETTINGS);

/** Alt+N from the top: the rows it stops on. */
function altN(a: Analysis): number[] {
  const cas = a.model.cas;
  const out: number[] = [];
  let at = { line: 0, character: 0 };
  for (;;) {
    const next = navigate(a, at, 'nextActionable', DEFAULT_SETTINGS);
    if (!next) return out;
    const seg = a.tokens.segmentAt(a.lines.offsetAt(next.end));
    const k = a.tokens.elementAt(seg, a.lines.offsetAt(next.end));
    out.push(cas.rowOf(seg, Math.floor((k - 3) / 3)));
    at = next.end;
  }
}

/** One Part B line: paid, CAS, date, CLP06; balanced around the CAS amounts given. */
const line = (id: string, paid: string, date: string, cas: string[], plan = 'MB', status = '1'): ClaimSpec => {
  const adjusted = cas
    .flatMap((c) => c.split('*').filter((_, i) => i % 3 === 2 && i > 0))
    .reduce((s, x) => s + Math.round(Number(x) * 100), 0);
  const charge = ((Math.round(Number(paid) * 100) + adjusted) / 100).toFixed(2);
  return { id, status, charge, paid, plan, lines: [{ proc: '99213', charge, paid, date, cas }] };
};

describe('verdicts: the CO-253 taken in excess (line 14) and the commercial CO-253 (line 31) of needs-attention.835', () => {
  const a = analysed(EXAMPLE);
  const excess = rowOf(a, 'PCN2001', 'CO-253');
  const commercial = rowOf(a, 'PCN2004', 'CO-253');

  test('the hover says actionable, and what to recover', () => {
    assert.match(hover(a, excess), /— \*\*actionable\*\*/);
    assert.match(
      hover(a, excess),
      /\*\*Recoverable: 6\.80\.\*\* The amount is off the rate by 6\.80, taken in excess: ask the payer to reprocess and refund it\./,
    );
    assert.match(hover(a, commercial), /\*\*Recoverable: 5\.00\.\*\* The claim is not Medicare fee-for-service \(CLP06 "12"\)/);
  });

  test('the claim code lens counts them and the money to recover', () => {
    assert.match(claimLens(a, 'PCN2001'), / · Recoverable adjustments \$10\.00 · 1 to work · \$6\.80 to recover$/);
    assert.match(claimLens(a, 'PCN2004'), / · Recoverable adjustments \$5\.00 · 1 to work · \$5\.00 to recover$/);
    assert.doesNotMatch(claimLens(a, 'PCN2001'), /Sequestration/);
  });

  test('Alt+N stops on both, with the PR-253 and the denial, in file order', () => {
    assert.deepEqual(altN(a), [excess, rowOf(a, 'PCN2002', 'PR-253'), rowOf(a, 'PCN2003', 'CO-16'), commercial]);
  });

  test('the CSV says actionable=yes with the cents to recover and the finding', () => {
    const records = csvRecords(a);
    assert.equal(records[excess], 'recoverable,yes,6.80,co253-amount');
    assert.equal(records[commercial], 'recoverable,yes,5.00,co253-non-medicare');
  });

  test('the CAS shading draws attention to them; a correct sequestration stays muted', () => {
    const all = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
    const shades = casShades(a, [all]).map((s) => `${s.range.start.line + 1} ${s.shade} ${s.label}`);
    assert.deepEqual(shades, [
      '14 attention contractual, to recover',
      '19 muted contractual, sequestration',
      '20 attention needs work',
      '25 attention needs work',
      '31 attention contractual, to recover',
    ]);
  });

  test('the BPR lens and the summary agree on the Medicare share (5.22%), counting Medicare fee-for-service only', () => {
    const bpr = codeLenses(a)[0].command!.title;
    // The class total is the cut at the rate; the share is of every CO-253 Medicare took, as in the summary and impact.
    assert.match(bpr, / · Sequestration \$1\.02 · Medicare CO-253 \$11\.02 \(5\.22% of Medicare payments before the cut\) · /);
    assert.equal(summarize(a, DEFAULT_SETTINGS).sequestration.share, 1102 / 21102);
    assert.equal(((100 * 1102) / 21102).toFixed(2), '5.22');
    assert.match(bpr, / · 4 to work · \$11\.80 to recover$/);
  });
});

describe('verdicts: CO-253 in the suspended period (service date 2020-05-01)', () => {
  const a = analysed(remit({ amount: '98', claims: [line('S1', '98', '20200501', ['CO*45*100**253*2'])] }));
  const row = rowOf(a, 'S1', 'CO-253');

  test('the summary never says every CO-253 is at the rate; it counts the line off the table', () => {
    const s = summarize(a, DEFAULT_SETTINGS);
    assert.ok(!s.sequestration.notes.some((n) => /at the rate/.test(n.text)), s.sequestration.notes.map((n) => n.text).join('\n'));
    assert.match(s.sequestration.notes[1].text, /1 Medicare CO-253 line off the rate table/);
    assert.equal(s.toRecoverCents, 200);
  });

  test('era835 impact counts it off the rate, all of it', () => {
    const [e] = impactOfAnalysis(a, DEFAULT_SETTINGS, 'f').entries;
    assert.deepEqual([e.deviating, e.deviationCents], [1, 200]);
  });

  test('the CSV says actionable=yes, 2.00 to recover', () => {
    assert.equal(csvRecords(a)[row], 'recoverable,yes,2.00,co253-suspended-period');
  });

  test('the diagnostic is a Warning asking for the money back', () => {
    const [f] = findingsAt(a, row);
    assert.equal(f.code, 'co253-suspended-period');
    assert.equal(severity(f), 'warning');
    assert.match(f.message, /recoverable, ask the payer to reprocess and pay back 2\.00/);
  });
});

describe('verdicts: PR-253', () => {
  test('is never patient responsibility: needs work on Medicare, recoverable on a commercial claim', () => {
    const a = analysed(
      remit({
        amount: '196',
        claims: [
          { ...line('P1', '98', '20240226', ['CO*45*100', 'PR*253*2']), patient: '2' },
          { ...line('P2', '98', '20240226', ['CO*45*100', 'PR*253*2'], '12'), patient: '2' },
        ],
      }),
    );
    const s = summarize(a, DEFAULT_SETTINGS);
    assert.equal(s.totals.patientResponsibility, 0);
    assert.deepEqual(
      s.worklist.map((w) => [w.claimId, w.cls, w.recoverableCents]),
      [
        ['P1', 'needsWork', 0],
        ['P2', 'recoverable', 200],
      ],
    );
    const records = csvRecords(a);
    assert.equal(records[rowOf(a, 'P1', 'PR-253')], 'needs_work,yes,0.00,co253-group');
    assert.equal(records[rowOf(a, 'P2', 'PR-253')], 'recoverable,yes,2.00,co253-group');
    assert.match(
      findingsAt(a, rowOf(a, 'P1', 'PR-253'))[0].message,
      /^PR-253: sequestration of 2\.00 pushed to the patient\. Medicare does not allow it: do not bill the patient/,
    );
    assert.match(
      findingsAt(a, rowOf(a, 'P2', 'PR-253'))[0].message,
      /no law allows this cut and the patient never owes it\. Do not bill the patient; ask the payer to refund 2\.00/,
    );
  });
});

describe('verdicts: CO-253 of a payer that is not Medicare fee-for-service', () => {
  const a = analysed(
    remit({
      amount: '294',
      claims: [
        line('M1', '98', '20240226', ['CO*45*100**253*2']),
        line('C1', '98', '20240226', ['CO*45*100**253*2'], '12'),
        line('D1', '98', '20240226', ['CO*45*100**253*2'], 'MC'),
      ],
    }),
  );

  test('is not sequestration in the totals and the waterfall, and is on the worklist', () => {
    const s = summarize(a, DEFAULT_SETTINGS);
    assert.equal(s.totals.sequestration, 200);
    assert.equal(s.totals.recoverable, 400);
    assert.deepEqual(
      s.worklist.map((w) => [w.claimId, w.finding, w.recoverableCents]),
      [
        ['C1', 'co253-non-medicare', 200],
        ['D1', 'co253-non-medicare', 200],
      ],
    );
    assert.match(claimSummary(a, a.model.claims[1], undefined), /\| Recoverable: CO-253 \$2\.00 \| −\$2\.00 \|/);
    assert.doesNotMatch(claimSummary(a, a.model.claims[1], undefined), /Sequestration/);
  });

  test('says recoverable (Medicaid named), never "appeal"', () => {
    const [c] = findingsAt(a, rowOf(a, 'C1', 'CO-253'));
    const [d] = findingsAt(a, rowOf(a, 'D1', 'CO-253'));
    assert.match(
      c.message,
      /not Medicare: sequestration is a Medicare fee-for-service cut, and this payer has no law behind it\. Recoverable: unless your contract allows the cut, ask the payer to refund 2\.00\./,
    );
    assert.match(d.message, /, Medicaid: sequestration is a Medicare fee-for-service cut/);
    assert.doesNotMatch(c.message + d.message, /appeal/);
  });

  test('the sequestration section gives it its own line; with no Medicare claim it says so', () => {
    assert.match(
      summarize(a, DEFAULT_SETTINGS).sequestration.notes.at(-1)!.text,
      /not Medicare \(commercial, Medicaid\): \$4\.00 recoverable/,
    );
    const none = summarize(
      analysed(remit({ amount: '98', claims: [line('C1', '98', '20240226', ['CO*45*100**253*2'], '12')] })),
      DEFAULT_SETTINGS,
    );
    assert.match(
      none.sequestration.notes[0].text,
      /^No Medicare fee-for-service claims \(CLP06 MA or MB\) in this file: no sequestration is expected here\.$/,
    );
  });

  test('Medicare Advantage (CLP06 16 or HM, without the word in the payer name) is "verify the contract"', () => {
    for (const plan of ['16', 'HM']) {
      const m = analysed(
        remit({ payer: 'ACME HEALTH PLAN', amount: '98', claims: [line('A1', '98', '20240226', ['CO*45*100**253*2'], plan)] }),
      );
      const s = summarize(m, DEFAULT_SETTINGS);
      assert.deepEqual(
        s.worklist.map((w) => [w.cls, w.recoverableCents]),
        [['needsWork', 0]],
        plan,
      );
      assert.match(
        s.worklist[0].action,
        /^Verify the contract: a Medicare Advantage plan may pass the cut on only if your contract says so\.$/,
      );
      assert.match(
        s.sequestration.notes.at(-1)!.text,
        /Medicare Advantage plans: \$2\.00, allowed only if your contract says so: verify the contract/,
      );
    }
  });
});

describe('verdicts: reversals (CLP02 22) undo their original', () => {
  test('the reversal of a CO-253 taken in the suspension is never "pay back -1.60": it is the undoing, not work', () => {
    const a = analysed(remit({ amount: '-78.40', claims: [line('R1', '-78.40', '20210310', ['CO*45*-100**253*-1.60'], 'MB', '22')] }));
    const row = rowOf(a, 'R1', 'CO-253');
    const found = findingsAt(a, row);
    assert.deepEqual(
      found.map((f) => [f.code, severity(f)]),
      [['co253-reversal', 'information']],
    );
    assert.match(
      found[0].message,
      /^Reverses the CO-253 of 1\.60 of claim R1's original payment \(taken when no sequestration was in force\): the payer takes the whole payment back, this amount included\. Nothing to claim/,
    );
    assert.doesNotMatch(found[0].message, /-1\.60|pay back/);
    assert.equal(a.verdicts.classOf(row), 'recoverable', 'it sits where its original sat, with negated money');
    assert.equal(summarize(a, DEFAULT_SETTINGS).toWork, 0);
    assert.equal(csvRecords(a)[row], 'recoverable,no,0.00,co253-reversal');
  });

  test('the reversal of an original off the rate gets no co253-amount; with its correction it says the net effect', () => {
    const a = analysed(
      remit({
        amount: '20',
        claims: [line('R2', '-90', '20240226', ['CO*45*-100**253*-10'], 'MB', '22'), line('R2', '98', '20240226', ['CO*45*100**253*2'])],
      }),
    );
    const found = findingsAt(a, rowOf(a, 'R2', 'CO-253'));
    assert.deepEqual(
      found.map((f) => f.code),
      ['co253-reversal'],
    );
    assert.match(
      found[0].message,
      /\(taken off the rate in force\).* Corrected by claim R2 later in this file \(CO-253 2\.00\): net effect -8\.00\.$/,
    );
    assert.match(hover(a, rowOf(a, 'R2', 'CO-253')), /\*\*Reversal, nothing to claim\.\*\*/);
  });

  test('an original reversed in the same file is no longer work: its finding turns Information', () => {
    const a = analysed(
      remit({
        amount: '98',
        claims: [
          line('O1', '98', '20210310', ['CO*45*100**253*2']),
          line('O1', '-98', '20210310', ['CO*45*-100**253*-2'], 'MB', '22'),
          line('O1', '100', '20210310', ['CO*45*100']),
        ],
      }),
    );
    const original = findingsAt(a, 0 + rowOf(a, 'O1', 'CO-253'));
    assert.deepEqual(
      original.map((f) => [f.code, severity(f)]),
      [['co253-suspended-period', 'information']],
    );
    assert.match(original[0].message, /A reversal later in this file undoes this payment: nothing to claim here\.$/);
    assert.equal(summarize(a, DEFAULT_SETTINGS).toWork, 0);
    assert.match(claimLens(a, 'O1'), /0 to work$/);
  });
});

describe('verdicts: CO-223, expired rates, denials', () => {
  test('CO-223 of 2013 is checked against the rate table like CO-253', () => {
    const a = analysed(remit({ amount: '97', claims: [line('T1', '97', '20130601', ['CO*45*100**223*3'])] }));
    const [f] = findingsAt(a, rowOf(a, 'T1', 'CO-223'));
    assert.equal(f.code, 'co253-amount');
    assert.match(
      f.message,
      /^CO-223 is 3% of the Medicare payment \(3\.00 on 100\.00\), but the rate for 2013-06-01 .* is 2%.*expected 2\.00, difference 1\.00 taken in excess: recoverable/,
    );
    assert.equal(summarize(a, DEFAULT_SETTINGS).toRecoverCents, 100);
  });

  test('1% kept after 2022-06-30 on every line is that period applied after its end, not a new law', () => {
    const a = analysed(remit({ amount: '297', claims: ['E1', 'E2', 'E3'].map((id) => line(id, '99', '20220801', ['CO*45*100**253*1'])) }));
    const codes = a.findings.filter((f) => f.code.startsWith('co253')).map((f) => f.code);
    assert.deepEqual(codes, ['co253-amount', 'co253-amount', 'co253-amount']);
    assert.match(
      a.findings.find((f) => f.code === 'co253-amount')!.message,
      /1% is the rate of 2022-04-01 to 2022-06-30, applied after its end: not a new rate\./,
    );
  });

  test('2% in the 1% quarter on every line is recoverable, the difference each', () => {
    const a = analysed(remit({ amount: '294', claims: ['Q1', 'Q2', 'Q3'].map((id) => line(id, '98', '20220515', ['CO*45*100**253*2'])) }));
    const s = summarize(a, DEFAULT_SETTINGS);
    assert.deepEqual(
      s.worklist.map((w) => w.recoverableCents),
      [100, 100, 100],
    );
    assert.ok(!a.findings.some((f) => f.code === 'co253-unknown-rate'));
  });

  test('a rate no period has (4% on every line) still says the table may be out of date, and is not work', () => {
    const a = analysed(remit({ amount: '288', claims: ['N1', 'N2', 'N3'].map((id) => line(id, '96', '20240226', ['CO*45*100**253*4'])) }));
    assert.deepEqual(
      a.findings.filter((f) => f.code.startsWith('co253')).map((f) => f.code),
      ['co253-unknown-rate'],
    );
    assert.equal(summarize(a, DEFAULT_SETTINGS).toWork, 0);
  });

  test('a denial that needs work (CO-16, $180) is a Warning, and the Outline marks its claim', () => {
    const a = analysed(EXAMPLE);
    const [f] = findingsAt(a, rowOf(a, 'PCN2003', 'CO-16'));
    assert.deepEqual([f.code, severity(f)], ['adjustment-actionable', 'warning']);
    const claims = documentSymbols(a, DEFAULT_SETTINGS)[0].children![0].children!.filter((c) => c.name.startsWith('PCN'));
    assert.deepEqual(
      claims.map((c) => c.name.replace(/ · (SAMPLE|EXAMPLE), \w+ · paid \$[\d.]+/, '')),
      [
        'PCN2001 · ⚠ 1 to work · $6.80 to recover',
        'PCN2002 · ⚠ 1 to work',
        'PCN2003 · ⚠ 1 to work',
        'PCN2004 · ⚠ 1 to work · $5.00 to recover',
      ],
    );
  });
});
