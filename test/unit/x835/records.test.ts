import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate835Text } from '../../../bench/generator';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { buildModel, ModelBuilder } from '../../../server/src/x835/builder';
import { SEG_ID_NAMES, segIdOfName } from '../../../server/src/x835/segmentIds';
import type { Adjustment, Model, Remark } from '../../../server/src/x835/types';
import { isa, medicareFile } from '../../helpers/fragments';

/**
 * The 835 model as features see it (x835/records.ts): claims and service lines are handles over typed
 * columns (one object per claim or line, whatever way it is reached), CAS triplets and remark codes are
 * rows in document order, and every value reads what the text says.
 */

const model = (text: string) => buildModel(tokenize(text));
const head = (control = '0001') =>
  `GS*HP*S*R*20240105*1200*1*X*005010X221A1~ST*835*${control}~BPR*I*10*C*CHK************20240105~TRN*1*CHK1*1512345678~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~`;
/** One transaction holding `body` (LX and what follows), in a whole interchange. The model does not check SE01. */
const file = (body: string) => `${isa()}${head()}${body}SE*1*0001~GE*1*1~IEA*1*000000001~`;
/** A segment with the given elements set and the others empty: `segment('MIA', { 1: '0', 20: 'N1' })`. */
const segment = (id: string, elements: Record<number, string>) => {
  const last = Math.max(...Object.keys(elements).map(Number));
  return [id, ...Array.from({ length: last }, (_, k) => elements[k + 1] ?? '')].join('*') + '~';
};
/** A triplet as [level, group, reason, amount]. */
const row = (a: Adjustment) => [a.level, a.group, a.reason, a.amount];
const remark = (m: Model, r: Remark) => `${m.tokens.id(r.seg)}${String(r.elem).padStart(2, '0')} ${r.qualifier} ${r.code}`;

describe('835 model: a claim or a line is one object however it is reached', () => {
  const twoTransactions = () => {
    const tx = (control: string, claims: string) =>
      `ST*835*${control}~BPR*I*10*C*CHK************20240105~TRN*1*CHK${control}*1512345678~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~${claims}SE*1*${control}~`;
    return model(
      isa() +
        'GS*HP*S*R*20240105*1200*1*X*005010X221A1~' +
        tx('0001', 'CLP*A*1*10*10**MB~SVC*HC:1*10*10~CLP*B*1*20*20**MB~SVC*HC:2*20*20~') +
        tx('0002', 'CLP*C*1*30*30**MB~SVC*HC:3*10*10~SVC*HC:4*20*20~CAS*CO*45*0~') +
        'GE*2*1~IEA*1*000000001~',
    );
  };

  test('model.claims gives the same handle on every access, and the transactions hold those handles', () => {
    const m = twoTransactions();
    assert.deepEqual(
      m.claims.map((c) => c.id),
      ['A', 'B', 'C'],
    );
    for (let i = 0; i < 3; i++) assert.equal(m.claims[i], m.claims[i], `claim ${i}`);
    assert.deepEqual(
      m.transactions.map((t) => t.claims.map((c) => c.id)),
      [['A', 'B'], ['C']],
    );
    assert.equal(m.transactions[0].claims[0], m.claims[0]);
    assert.equal(m.transactions[0].claims[1], m.claims[1]);
    assert.equal(m.transactions[1].claims[0], m.claims[2]);
    assert.equal(m.claims[2].transaction, m.transactions[1]);
    assert.equal(m.claims[1].transaction, m.transactions[0]);
  });

  test("claim.lines[n] is the line of its triplets, and the line's claim is the claim", () => {
    const m = twoTransactions();
    const claim = m.claims[2];
    const line = claim.lines[1];
    assert.equal(claim.lines[1], line, 'the same line on each access');
    const [adj] = line.adjustments;
    assert.equal(adj.line, line);
    assert.equal(adj.claim, claim);
    assert.equal(line.claim, claim);
    assert.equal(claim.lines[0].claim, claim);
    assert.equal(m.cas.at(0).line, line);
  });

  test('handles first made through a triplet are the ones the claims give later', () => {
    const m = twoTransactions();
    const adj = m.cas.at(0);
    assert.equal(adj.line?.procedure.code, '4');
    assert.equal(m.claims[2], adj.claim);
    assert.equal(m.claims[2].lines[1], adj.line);
    assert.equal(m.transactions[1].claims[0], adj.claim);
  });

  test('built in slices, the model is the same as built at once', () => {
    const text = file('LX*1~CLP*A*1*10*10**MB~MOA***MA01~SVC*HC:1*10*10~CAS*CO*45*1**253*2~LQ*HE*M15~CLP*B*2*5*0**MB~CAS*OA*23*5~');
    const whole = model(text);
    const b = new ModelBuilder(tokenize(text));
    while (!b.step(3));
    const sliced = b.finish();
    const shape = (m: Model) =>
      m.claims.map((c) => [
        c.id,
        c.status,
        c.remarks.map((r) => remark(m, r)),
        c.adjustments.map(row),
        c.lines.map((l) => [l.procedure.code, l.adjustments.map(row), l.remarks.map((r) => remark(m, r))]),
      ]);
    assert.deepEqual(shape(sliced), shape(whole));
    assert.equal(sliced.cas.length, 3);
  });
});

describe('835 model: values read through the handles are what the text says', () => {
  test('claim: CLP elements, amounts in cents, statement and received dates', () => {
    const m = model(
      file('LX*1~CLP*PCN-7*4*1234.56*1000.5*34*12*PAYER CN 9*11*1~NM1*QC*1*DOE~DTM*050*20240110~DTM*232*20240101~DTM*233*20240103~'),
    );
    const c = m.claims[0];
    assert.deepEqual(
      [c.id, c.status, c.charge, c.paid, c.patientResponsibility, c.filingIndicator, c.payerControlNumber, c.facilityType, c.frequency],
      ['PCN-7', '4', 123456, 100050, 3400, '12', 'PAYER CN 9', '11', '1'],
    );
    assert.deepEqual([c.statementFrom, c.statementTo, c.received], [20240101, 20240103, 20240110]);
    assert.equal(c.seg, 8, 'ISA GS ST BPR TRN N1 N1 LX, then the CLP');
  });

  test('an amount that cannot be read is NaN; an absent one is 0; an absent date undefined', () => {
    const m = model(file('LX*1~CLP*A*1*12X~SVC*HC:1*X*~CAS*CO*45*ABC~DTM*472*20241345~'));
    const c = m.claims[0];
    assert.ok(Number.isNaN(c.charge), 'CLP03 12X');
    assert.deepEqual([c.paid, c.patientResponsibility, c.status, c.filingIndicator], [0, 0, '1', '']);
    assert.ok(Number.isNaN(c.lines[0].charge), 'SVC02 X');
    assert.equal(c.lines[0].paid, 0);
    assert.ok(Number.isNaN(c.lines[0].adjustments[0].amount), 'CAS03 ABC');
    assert.deepEqual([c.statementFrom, c.statementTo, c.received, c.lines[0].serviceDate], [undefined, undefined, undefined, undefined]);
  });

  test('patient, insured and corrected patient: the first NM1 of each kind in the claim loop', () => {
    const m = model(
      file(
        'LX*1~CLP*A*1*10*10**MB~NM1*QC*1*DOE*JANE*Q***MI*ABC123~NM1*IL*1*ROE*JOHN****MI*XYZ9~NM1*74*1*DOE*JAYNE~' +
          'NM1*QC*1*OTHER~NM1*IL*1*OTHER~NM1*74*1*OTHER~' +
          'CLP*B*1*10*10**MB~SVC*HC:1*10*10~NM1*QC*1*IN A LINE~',
      ),
    );
    const [a, b] = m.claims;
    assert.deepEqual(a.patient, { seg: 9, entity: 'QC', last: 'DOE', first: 'JANE', middle: 'Q', idQualifier: 'MI', id: 'ABC123' });
    assert.deepEqual([a.insured?.last, a.insured?.first, a.insured?.id, a.insured?.seg], ['ROE', 'JOHN', 'XYZ9', 10]);
    assert.deepEqual([a.correctedPatient?.first, a.correctedPatient?.seg], ['JAYNE', 11]);
    assert.deepEqual(
      [b.patient, b.insured, b.correctedPatient],
      [undefined, undefined, undefined],
      "an NM1 in a service line is not the claim's",
    );
  });

  test('service line: procedure with modifiers, revenue code, units paid, submitted procedure', () => {
    const m = model(file('LX*1~CLP*A*1*210*83.4**MB~SVC*HC:99213:25:59:::OFFICE VISIT*200*78.4*0450*1.5*HC:99214*2~SVC*HC:36415*10*5~'));
    const [one, two] = m.claims[0].lines;
    assert.deepEqual(one.procedure, { qualifier: 'HC', code: '99213', modifiers: ['25', '59'], description: 'OFFICE VISIT' });
    assert.deepEqual([one.charge, one.paid, one.revenueCode, one.unitsPaid], [20000, 7840, '0450', 1.5]);
    assert.deepEqual(one.submittedProcedure, { qualifier: 'HC', code: '99214', modifiers: [], description: '' });
    assert.deepEqual(two.procedure, { qualifier: 'HC', code: '36415', modifiers: [], description: '' });
    assert.deepEqual([two.revenueCode, two.unitsPaid, two.submittedProcedure], ['', undefined, undefined]);
  });

  test('service date: DTM*472 wins over DTM*150 whichever comes first; DTM*151 is the end', () => {
    const line = (dates: string) => `SVC*HC:1*1*1~${dates}`;
    const m = model(
      file(
        'LX*1~CLP*A*1*4*4**MB~' +
          line('DTM*150*20240101~DTM*151*20240105~DTM*472*20240103~') +
          line('DTM*472*20240103~DTM*150*20240101~') +
          line('DTM*150*20240101~DTM*151*20240105~') +
          line(''),
      ),
    );
    assert.deepEqual(
      m.claims[0].lines.map((l) => [l.serviceDate, l.serviceDateEnd]),
      [
        [20240103, 20240105],
        [20240103, undefined],
        [20240101, 20240105],
        [undefined, undefined],
      ],
    );
  });

  test('allowed amount: AMT*B6 of the line, the last one; undefined without one', () => {
    const m = model(
      file(
        'LX*1~CLP*A*1*3*3**MB~AMT*B6*99~' +
          'SVC*HC:1*1*1~AMT*B6*50~AMT*KH*1~AMT*B6*60.25~' +
          'SVC*HC:2*1*1~AMT*KH*1~' +
          'SVC*HC:3*1*1~AMT*B6*0~',
      ),
    );
    assert.deepEqual(
      m.claims[0].lines.map((l) => l.allowed),
      [6025, undefined, 0],
    );
  });

  test('line control number: REF*6R of the line, the last one; undefined without one', () => {
    const m = model(file('LX*1~CLP*A*1*2*2**MB~REF*6R*ON THE CLAIM~SVC*HC:1*1*1~REF*6R*LN1~REF*LU*X~REF*6R*LN2~SVC*HC:2*1*1~REF*LU*X~'));
    assert.deepEqual(
      m.claims[0].lines.map((l) => l.controlNumber),
      ['LN2', undefined],
    );
  });
});

describe('835 model: CAS triplets', () => {
  test("rows in document order: the claim-level ones, then each line's, each consecutive", () => {
    const m = model(
      file(
        'LX*1~CLP*A*1*100*80**MB~CAS*CO*45*10~CAS*OA*23*1~NM1*QC*1*DOE~SVC*HC:1*60*50~CAS*CO*45*5**253*1~SVC*HC:2*40*30~DTM*472*20240102~CAS*PR*2*3~',
      ),
    );
    const c = m.claims[0];
    assert.deepEqual(
      Array.from({ length: m.cas.length }, (_, i) => row(m.cas.at(i))),
      [
        ['claim', 'CO', '45', 1000],
        ['claim', 'OA', '23', 100],
        ['line', 'CO', '45', 500],
        ['line', 'CO', '253', 100],
        ['line', 'PR', '2', 300],
      ],
    );
    assert.deepEqual(Array.from(m.cas.claim.subarray(0, m.cas.length)), [0, 0, 0, 0, 0]);
    assert.deepEqual(Array.from(m.cas.line.subarray(0, m.cas.length)), [-1, -1, 0, 0, 1], 'the line as its position in the claim');
    assert.deepEqual(c.adjustments.map(row), [
      ['claim', 'CO', '45', 1000],
      ['claim', 'OA', '23', 100],
    ]);
    assert.deepEqual(
      c.lines.map((l) => l.adjustments.map(row)),
      [
        [
          ['line', 'CO', '45', 500],
          ['line', 'CO', '253', 100],
        ],
        [['line', 'PR', '2', 300]],
      ],
    );
    assert.deepEqual(
      c.adjustments.map((a) => a.line),
      [undefined, undefined],
    );
    assert.deepEqual([m.cas.groupOf(4), m.cas.reasonOf(4)], ['PR', '2']);
  });

  test('triplet number, reason element and quantity; empty triplets are skipped', () => {
    const m = model(file('LX*1~CLP*A*1*100*80**MB~CAS*CO*45*100*2****253*1.6*3~CAS*PR*1~CAS*OA*23*5***~'));
    const list = m.claims[0].adjustments;
    assert.deepEqual(
      list.map((a) => [a.group, a.reason, a.amount, a.triplet, a.reasonElem, a.quantity]),
      [
        ['CO', '45', 10000, 0, 2, 2],
        ['CO', '253', 160, 2, 8, 3],
        ['PR', '1', 0, 0, 2, undefined],
        ['OA', '23', 500, 0, 2, undefined],
      ],
    );
    assert.deepEqual(
      list.map((a) => a.seg),
      [9, 9, 10, 11],
    );
  });

  test('a CAS of a line of the second claim of the second transaction points at that claim and line', () => {
    const tx = (control: string, claims: string) =>
      `ST*835*${control}~BPR*I*10*C*CHK************20240105~TRN*1*CHK${control}*1512345678~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~LX*1~${claims}SE*1*${control}~`;
    const m = model(
      isa() +
        'GS*HP*S*R*20240105*1200*1*X*005010X221A1~' +
        tx('0001', 'CLP*A*1*10*10**MB~CAS*CO*45*1~SVC*HC:1*10*10~CAS*CO*45*2~CLP*B*1*10*10**MB~SVC*HC:2*10*10~CAS*CO*45*3~') +
        tx(
          '0002',
          'CLP*C*1*10*10**MB~SVC*HC:3*10*10~CAS*CO*45*4~CLP*D*1*10*10**MB~CAS*OA*23*5~SVC*HC:4*10*10~SVC*HC:5*10*10~CAS*PR*2*6~CAS*PR*3*7**1*8~',
        ) +
        'GE*2*1~IEA*1*000000001~',
    );
    assert.equal(m.cas.length, 8);
    const seg = m.tokens.count - 4; // the last CAS
    const first = m.cas.firstAfter(seg - 1);
    const adj = m.cas.at(first);
    const d = m.claims[3];
    assert.deepEqual([adj.seg, adj.group, adj.reason, adj.amount, adj.level], [seg, 'PR', '3', 700, 'line']);
    assert.equal(adj.claim, d);
    assert.equal(adj.claim, m.transactions[1].claims[1]);
    assert.equal(adj.line, d.lines[1]);
    assert.equal(d.transaction, m.transactions[1]);
    assert.deepEqual(d.adjustments.map(row), [['claim', 'OA', '23', 500]]);
    assert.deepEqual(
      d.lines.map((l) => l.adjustments.map((a) => a.amount)),
      [[], [600, 700, 800]],
    );
    assert.deepEqual(
      m.claims.map((c) => [c.adjustments.length, c.lines.map((l) => l.adjustments.length)]),
      [
        [1, [1]],
        [0, [1]],
        [0, [1]],
        [1, [0, 3]],
      ],
    );
  });
});

describe('835 model: remark codes', () => {
  test('LQ codes belong to their line, in order', () => {
    const m = model(file('LX*1~CLP*A*1*2*2**MB~SVC*HC:1*1*1~LQ*HE*M15~LQ*RX*N130~SVC*HC:2*1*1~'));
    const [one, two] = m.claims[0].lines;
    assert.deepEqual(one.remarks, [
      { seg: 10, elem: 2, qualifier: 'HE', code: 'M15' },
      { seg: 11, elem: 2, qualifier: 'RX', code: 'N130' },
    ]);
    assert.deepEqual(two.remarks, []);
    assert.deepEqual(m.claims[0].remarks, []);
  });

  test('MIA and MOA codes belong to the claim, with their element positions (MIA05, MIA20-24, MOA03-07)', () => {
    const mia = segment('MIA', { 1: '0', 4: '12', 5: 'MA01', 20: 'N20', 22: 'N22', 24: 'N24' });
    const moa = segment('MOA', { 1: '0.5', 2: '10', 3: 'MA02', 5: 'N5', 7: 'N7' });
    const m = model(file(`LX*1~CLP*A*1*2*2**MA~${mia}${moa}SVC*HC:1*1*1~LQ*HE*M15~`));
    assert.deepEqual(
      m.claims[0].remarks.map((r) => remark(m, r)),
      ['MIA05 MIA MA01', 'MIA20 MIA N20', 'MIA22 MIA N22', 'MIA24 MIA N24', 'MOA03 MOA MA02', 'MOA05 MOA N5', 'MOA07 MOA N7'],
    );
    assert.deepEqual(
      m.claims[0].remarks.map((r) => r.seg),
      [9, 9, 9, 9, 10, 10, 10],
    );
    assert.deepEqual(
      m.claims[0].lines[0].remarks.map((r) => remark(m, r)),
      ['LQ02 HE M15'],
    );
    assert.deepEqual(m.findings, []);
  });

  test("an MOA after a line's LQ is reported out of place and still counts as the claim's, not the line's", () => {
    const m = model(file('LX*1~CLP*A*1*1*1**MB~MOA***MA01~SVC*HC:1*1*1~LQ*HE*M15~MOA***N1~CLP*B*1*1*1**MB~MOA***N2~'));
    const moa = 12;
    assert.equal(m.tokens.id(moa), 'MOA');
    assert.deepEqual(
      m.findings.map((f) => [f.code, f.start, f.end]),
      [['segment-out-of-place', m.tokens.segStart[moa], m.tokens.segStart[moa] + 3]],
    );
    assert.match(m.findings[0].message, /^MOA is not allowed in loop 2110/);
    assert.deepEqual(
      m.claims[0].remarks.map((r) => remark(m, r)),
      ['MOA03 MOA MA01', 'MOA03 MOA N1'],
    );
    assert.deepEqual(
      m.claims[0].lines[0].remarks.map((r) => remark(m, r)),
      ['LQ02 HE M15'],
    );
    assert.deepEqual(
      m.claims[1].remarks.map((r) => remark(m, r)),
      ['MOA03 MOA N2'],
      "the next claim's own",
    );
  });

  test("an MOA in a line before its LQ does not become one of the line's remark codes", () => {
    const m = model(file('LX*1~CLP*A*1*1*1**MB~SVC*HC:1*1*1~MOA***N1~LQ*HE*M15~'));
    assert.deepEqual(
      m.findings.map((f) => f.code),
      ['segment-out-of-place'],
    );
    assert.deepEqual(
      m.claims[0].lines[0].remarks.map((r) => remark(m, r)),
      ['LQ02 HE M15'],
    );
    assert.deepEqual(
      m.claims[0].remarks.map((r) => remark(m, r)),
      ['MOA03 MOA N1'],
    );
  });
});

describe('835 model: segment ids', () => {
  test('every id of the 835 maps to its SegId', () => {
    const m = model(
      isa() +
        'TA1*000000001*240105*1200*A*000~GS*HP*S*R*20240105*1200*1*X*005010X221A1~' +
        'ST*835*0001~BPR*I*10*C*CHK************20240105~TRN*1*CHK1*1512345678~CUR*PE*USD~REF*EV*1~DTM*405*20240104~' +
        'N1*PR*PAYER~N3*X~N4*C*ST*1~REF*2U*1~PER*BL*X~N1*PE*CLINIC*XX*1234567893~N3*Y~N4*C*ST*1~REF*TJ*1~RDM*BM*X~' +
        'LX*1~TS3*1*11*20241231*1*10~TS2*1~CLP*A*1*10*10**MB~CAS*CO*45*0~NM1*QC*1*DOE~MIA*0~MOA***MA01~REF*EA*1~DTM*050*20240101~PER*CX*X~AMT*AU*10~QTY*CA*1~' +
        'SVC*HC:1*10*10~DTM*472*20240101~CAS*CO*45*0~REF*6R*1~AMT*B6*10~QTY*ZK*1~LQ*HE*M15~PLB*1*20241231*WO:1*0~SE*1*0001~GE*1*1~IEA*1*000000001~',
    );
    const seen = new Set<string>();
    for (let i = 0; i < m.tokens.count; i++) {
      const id = m.tokens.id(i);
      assert.equal(SEG_ID_NAMES[m.segIds[i]], id, `segment ${i}`);
      seen.add(id);
    }
    assert.deepEqual([...seen].sort(), SEG_ID_NAMES.slice(1).sort(), 'the fragment holds every id');
    SEG_ID_NAMES.forEach((name, k) => {
      if (k > 0) assert.equal(segIdOfName(name), k, name);
    });
  });

  test('ids are read the same with segments on their own lines (CR LF)', () => {
    const m = model(medicareFile({ nl: '\r\n' }));
    assert.deepEqual(
      Array.from(m.segIds, (s) => SEG_ID_NAMES[s]),
      Array.from({ length: m.tokens.count }, (_, i) => m.tokens.id(i)),
    );
    assert.ok(!m.segIds.includes(0));
  });

  test('lowercase, unknown and too long ids are Other (0)', () => {
    const odd = ['isa', 'clp', 'Lq', 'ZZZ', 'N1X', 'SVCX', 'N', '1A', 'CL P'];
    const m = model(file(`LX*1~CLP*A*1*1*1**MB~${odd.map((id) => `${id}*1~`).join('')}`));
    const at = m.tokens.count - 3 - odd.length;
    assert.deepEqual(
      odd.map((_, k) => m.tokens.id(at + k)),
      odd,
    );
    assert.deepEqual(
      Array.from(m.segIds.subarray(at, at + odd.length)),
      odd.map(() => 0),
    );
    for (const id of ['isa', 'Clp', '', 'ISA ', 'CLPX', 'ZZ']) assert.equal(segIdOfName(id), 0, id);
  });
});

describe('835 model: a generated remittance', () => {
  /** Claims, service lines, CAS triplets and LQ codes, counted in the text itself. */
  function countedInText(text: string) {
    const n = { claims: 0, lines: 0, triplets: 0, lq: 0 };
    for (const s of text.split(/~\n?/)) {
      const e = s.split('*');
      if (e[0] === 'CLP') n.claims++;
      else if (e[0] === 'SVC') n.lines++;
      else if (e[0] === 'LQ') n.lq++;
      else if (e[0] === 'CAS') for (let k = 2; k < e.length; k += 3) if ((e[k] ?? '') !== '' || (e[k + 1] ?? '') !== '') n.triplets++;
    }
    return n;
  }

  /** Every typed array of a column set (they must all be resized together). */
  const columnsOf = (set: object) => Object.entries(set).filter(([, v]) => ArrayBuffer.isView(v)) as [string, { length: number }][];

  for (const oneLine of [false, true]) {
    test(`claim, line and triplet counts match the text; columns trimmed to their rows (${oneLine ? 'one line' : 'a segment per line'})`, () => {
      const text = generate835Text({ bytes: 150_000, oneLine, seed: 11 });
      const m = model(text);
      const n = countedInText(text);
      assert.ok(n.claims > 100 && n.triplets > n.claims, `a fixture of some size: ${JSON.stringify(n)}`);
      assert.deepEqual(m.findings, []);
      assert.equal(m.claims.length, n.claims);
      assert.equal(m.store.lines.length, n.lines);
      assert.equal(m.cas.length, n.triplets);
      assert.equal(m.store.lineRemarks.length, n.lq);
      assert.equal(m.store.claimRemarks.length, 0, 'generated claims have no MOA/MIA');
      assert.equal(
        m.claims.reduce((s, c) => s + c.lines.length, 0),
        n.lines,
      );
      assert.equal(
        m.claims.reduce((s, c) => s + c.adjustments.length + c.lines.reduce((t, l) => t + l.adjustments.length, 0), 0),
        n.triplets,
      );
      assert.equal(
        m.transactions.reduce((s, t) => s + t.claims.length, 0),
        n.claims,
      );
      for (let i = 1; i < m.cas.length; i++) assert.ok(m.cas.seg[i - 1] <= m.cas.seg[i], `triplet ${i} in document order`);
      const store = m.store;
      for (const [name, set] of [
        ['claims', store.claims],
        ['lines', store.lines],
        ['cas', store.cas],
        ['lineRemarks', store.lineRemarks],
      ] as const) {
        assert.ok(set.seg.length * 3 <= set.length * 4, `${name}: capacity ${set.seg.length} for ${set.length} rows`);
        for (const [column, a] of columnsOf(set)) assert.equal(a.length, set.seg.length, `${name}.${column}`);
      }
    });
  }

  test('columns grow past their first estimate and keep every row', () => {
    // Far denser than a real remittance (a claim, a line, six triplets and a remark in ~70 characters),
    // so every column outgrows the size the store guesses from the text length.
    const claims = 400;
    let body = 'LX*1~';
    for (let k = 0; k < claims; k++) body += `CLP*C${k}*1*1*1**MB~SVC*HC:${k}*1*1~CAS*CO*1*1**2*1**3*1**4*1**5*1**6*${k}~LQ*HE*M${k}~`;
    const m = model(file(body));
    assert.equal(m.claims.length, claims);
    assert.equal(m.cas.length, claims * 6);
    assert.equal(m.store.lineRemarks.length, claims);
    assert.deepEqual([m.cas.at(5).triplet, m.cas.at(5).reasonElem], [5, 17], 'the sixth triplet of a CAS');
    m.claims.forEach((c, k) => {
      assert.equal(c.id, `C${k}`);
      const [line] = c.lines;
      assert.equal(line.procedure.code, String(k));
      assert.deepEqual(
        line.adjustments.map((a) => `${a.reason}:${a.amount}`),
        ['1:100', '2:100', '3:100', '4:100', '5:100', `6:${k * 100}`],
      );
      assert.deepEqual(
        line.remarks.map((r) => r.code),
        [`M${k}`],
      );
      assert.equal(m.cas.at(k * 6 + 5).line, line);
    });
  });
});
