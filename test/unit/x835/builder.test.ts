import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenize } from '../../../server/src/x12/tokenizer';
import { buildModel } from '../../../server/src/x835/builder';
import { LOOP_LABELS, type Loop, type Model } from '../../../server/src/x835/types';
import { isa } from '../../helpers/fragments';

const model = (text: string) => buildModel(tokenize(text));
/** Each segment as "ID@loop", the loop tree in one line per segment. */
const loops = (m: Model) => Array.from({ length: m.tokens.count }, (_, i) => `${m.tokens.id(i)}@${LOOP_LABELS[m.segLoop[i] as Loop].id}`);
const codes = (m: Model) => m.findings.map((f) => f.code);
const head = (control = '0001') =>
  `GS*HP*S*R*20240105*1200*1*X*005010X221A1~ST*835*${control}~BPR*I*10*C*CHK************20240105~TRN*1*CHK1*1512345678~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~`;

describe('835 loop tree', () => {
  test('header, payer, payee, header number, claim, service line, summary, trailers', () => {
    const m = model(
      isa() +
        head() +
        'LX*1~CLP*A*1*10*10**MB~NM1*QC*1*DOE*JO~SVC*HC:99213*10*10~DTM*472*20240102~CAS*CO*45*0~PLB*123*20241231*WO:A*0~SE*12*0001~GE*1*1~IEA*1*000000001~',
    );
    assert.deepEqual(loops(m), [
      'ISA@ISA',
      'GS@GS',
      'ST@Header',
      'BPR@Header',
      'TRN@Header',
      'N1@1000A',
      'N1@1000B',
      'LX@2000',
      'CLP@2100',
      'NM1@2100',
      'SVC@2110',
      'DTM@2110',
      'CAS@2110',
      'PLB@Summary',
      'SE@SE',
      'GE@GE',
      'IEA@IEA',
    ]);
    assert.deepEqual(codes(m), []);
    const c = m.claims[0];
    assert.equal(c.patient?.last, 'DOE');
    assert.equal(c.lines[0].serviceDate, 20240102);
    assert.equal(c.lines[0].adjustments[0].level, 'line');
    assert.equal(m.providerAdjustments[0].reference, 'A');
    assert.equal(m.transactions[0].payment?.amount, 1000);
  });

  test('several interchanges, groups and transactions in one file', () => {
    const one =
      isa('*', '^', ':', '~', '000000001') +
      head('0001') +
      'SE*6*0001~' +
      `ST*835*0002~BPR*I*0*C*NON************20240105~TRN*1*X*1~N1*PR*P~N1*PE*Q*XX*1~SE*6*0002~GE*2*1~IEA*1*000000001~`;
    const two = isa('|', '^', '>', '~', '000000002') + head('0003').replace(/\*/g, '|') + 'SE|6|0003~GE|1|1~IEA|1|000000002~';
    const m = model(one + two);
    assert.equal(m.interchanges.length, 2);
    assert.deepEqual(
      m.interchanges.map((i) => i.groups.map((g) => g.transactions.map((t) => t.controlNumber))),
      [[['0001', '0002']], [['0003']]],
    );
    assert.equal(m.transactions[2].payer?.name, 'PAYER');
  });

  test('a claim without service lines keeps its claim-level adjustments', () => {
    const m = model(isa() + head() + 'LX*1~CLP*A*1*100*80**MA~CAS*CO*45*20~DTM*232*20240101~DTM*233*20240103~SE*9*0001~');
    const c = m.claims[0];
    assert.equal(c.lines.length, 0);
    assert.deepEqual(
      c.adjustments.map((a) => [a.level, a.group, a.reason, a.amount]),
      [['claim', 'CO', '45', 2000]],
    );
    assert.deepEqual([c.statementFrom, c.statementTo], [20240101, 20240103]);
  });

  test('service lines without dates, and a claim without claim dates', () => {
    const m = model(isa() + head() + 'LX*1~CLP*A*1*10*10**MB~SVC*HC:1*5*5~SVC*HC:2*5*5~SE*9*0001~');
    assert.deepEqual(
      m.claims[0].lines.map((l) => [l.procedure.code, l.serviceDate]),
      [
        ['1', undefined],
        ['2', undefined],
      ],
    );
    assert.equal(m.claims[0].statementFrom, undefined);
  });

  test('PLB only: a transaction with no claims', () => {
    const m = model(isa() + head() + 'PLB*123*20241231*L6:CLM1*-2.5*WO:CLM2*10~SE*7*0001~');
    assert.equal(m.claims.length, 0);
    assert.deepEqual(
      m.providerAdjustments.map((p) => [p.reason, p.reference, p.amount, p.elem]),
      [
        ['L6', 'CLM1', -250, 3],
        ['WO', 'CLM2', 1000, 5],
      ],
    );
  });

  test('out-of-place and unknown segments are kept in the tree and reported', () => {
    const m = model(isa() + head() + 'LX*1~CLP*A*1*10*10**MB~SVC*HC:1*10*10~N1*PR*X~ZZZ*1~NM1*QC*1*DOE~SE*10*0001~');
    assert.deepEqual(loops(m).slice(8, 13), ['CLP@2100', 'SVC@2110', 'N1@2110', 'ZZZ@2110', 'NM1@2110']);
    assert.deepEqual(codes(m), ['segment-out-of-place', 'segment-unknown', 'segment-out-of-place']);
  });

  test('a CLP before any LX is flagged; a file that ends without SE keeps its last claim whole', () => {
    const m = model(isa() + head() + 'CLP*A*1*10*10**MB~SVC*HC:1*10*10~CAS*CO*45*0~');
    assert.deepEqual(codes(m), ['segment-out-of-place']);
    assert.equal(m.claims[0].lastSeg, m.tokens.count - 1);
    assert.equal(m.claims[0].lines[0].lastSeg, m.tokens.count - 1);
  });

  test('a transaction set that is not an 835 is said once and read for syntax only', () => {
    const m = model(isa() + 'GS*HC*S*R*20240105*1200*1*X*005010X222A1~ST*837*0001~BHT*0019*00*1~CLM*A*10~SE*4*0001~');
    assert.deepEqual(codes(m), ['not-835']);
    assert.match(m.findings[0].message, /837 \(claim\)/);
    assert.equal(m.claims.length, 0);
  });

  test('reversal and correction amounts keep their signs, in cents', () => {
    const m = model(isa() + head() + 'LX*1~CLP*A*22*-100*-80**MB~CAS*CO*45*-20~CLP*A*1*100*75**MB~CAS*CO*45*25~SE*10*0001~');
    assert.deepEqual(
      m.claims.map((c) => [c.status, c.charge, c.paid, c.adjustments[0].amount]),
      [
        ['22', -10000, -8000, -2000],
        ['1', 10000, 7500, 2500],
      ],
    );
  });
});
