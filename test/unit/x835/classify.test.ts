import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, type Analysis } from '../../../server/src/analysis';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { applyRate, classify, expectedSequestration } from '../../../server/src/x835/classify';
import type { Adjustment } from '../../../server/src/x835/types';
import { isa } from '../../helpers/fragments';

/** A one-claim 835 built from `body` (CLP onwards), analysed. */
function analysed(body: string[]): Analysis {
  const segs = [
    isa().slice(0, -1),
    'GS*HP*S*R*20240105*1200*1*X*005010X221A1',
    'ST*835*0001',
    'BPR*I*0*C*NON************20240105',
    'TRN*1*T*1',
    'N1*PR*PAYER',
    'N1*PE*CLINIC*XX*1234567893',
    'LX*1',
    ...body,
    'SE*1*0001',
    'GE*1*1',
    'IEA*1*000000001',
  ];
  return analyze(segs.join('~') + '~', DEFAULT_SETTINGS);
}

const adjustments = (body: string[]): Adjustment[] => analysed(body).model.cas.all();

const line = (clp06: string, date: string, cas: string, paid = '117.6', extra: string[] = []) =>
  adjustments([
    `CLP*PCN1*1*200*${paid}*0*${clp06}*P1*11*1`,
    'NM1*QC*1*DOE*JANE',
    ...extra,
    `SVC*HC:99213*200*${paid}**1`,
    `DTM*${date}`,
    cas,
  ]);

describe('classify', () => {
  test('group and reason category decide the class', () => {
    const adj = line('MB', '472*20240226', 'CAS*CO*45*60**16*10**253*2.4*1*23*5');
    const got = adj.map((a) => [`${a.group}-${a.reason}`, classify(a).cls, classify(a).actionable]);
    assert.deepEqual(got, [
      ['CO-45', 'contractual', false],
      ['CO-16', 'actionable', true],
      ['CO-253', 'sequestration', false],
      ['CO-23', 'other', false],
    ]);
    const [pr2, pr253, oa23] = line('MB', '472*20240226', 'CAS*PR*2*20**253*1').concat(line('MB', '472*20240226', 'CAS*OA*23*5'));
    assert.deepEqual([classify(pr2).cls, classify(pr2).actionable], ['patientResponsibility', false]);
    assert.deepEqual([classify(pr253).cls, classify(pr253).actionable], ['patientResponsibility', true]);
    assert.equal(classify(oa23).cls, 'other');
    assert.ok(classify(pr2).why.length > 0);
  });

  test('CO-223 is sequestration on Medicare claims of April 2013 to January 2014 only', () => {
    assert.equal(classify(line('MB', '472*20130615', 'CAS*CO*223*2.4')[0]).cls, 'sequestration');
    assert.equal(classify(line('MA', '472*20140131', 'CAS*CO*223*2.4')[0]).cls, 'sequestration');
    assert.notEqual(classify(line('MB', '472*20150615', 'CAS*CO*223*2.4')[0]).cls, 'sequestration');
    assert.notEqual(classify(line('12', '472*20130615', 'CAS*CO*223*2.4')[0]).cls, 'sequestration');
  });

  test('an unknown reason is other, never thrown on', () => {
    assert.equal(classify(line('MB', '472*20240226', 'CAS*CO*ZZZ9*1')[0]).cls, 'other');
  });
});

describe('expectedSequestration', () => {
  test('line level: DTM*472, 2% of paid + CO-253', () => {
    const s = expectedSequestration(line('MB', '472*20240226', 'CAS*CO*45*80**253*2.4')[1], DEFAULT_SETTINGS)!;
    assert.deepEqual(
      [s.date, s.rate, s.paid, s.base, s.expected, s.observed, s.difference, s.withinTolerance],
      [{ date: 20240226, source: '472' }, 0.02, 11760, 12000, 240, 240, 0, true],
    );
    assert.equal(s.observedRate, 0.02);
  });

  test('the date falls back from 472 to 150 to the claim 232; claim level uses 233 then 232', () => {
    const a = analysed(['CLP*P*1*200*98*0*MB*P1*11*1', 'SVC*HC:99213*200*98**1', 'DTM*150*20220601', 'CAS*CO*253*2']);
    assert.deepEqual(expectedSequestration(a.model.cas.all()[0], DEFAULT_SETTINGS, a.tokens)!.date, { date: 20220601, source: '150' });
    // Without the tokens, a DTM*150/151 pair is recognised by its end date.
    const pair = adjustments([
      'CLP*P*1*200*98*0*MB*P1*11*1',
      'SVC*HC:99213*200*98**1',
      'DTM*150*20220601',
      'DTM*151*20220630',
      'CAS*CO*253*2',
    ]);
    assert.deepEqual(expectedSequestration(pair[0], DEFAULT_SETTINGS)!.date, { date: 20220601, source: '150' });
    const from232 = adjustments(['CLP*P*1*200*98*0*MB*P1*11*1', 'DTM*232*20220501', 'SVC*HC:99213*200*98**1', 'CAS*CO*253*2']);
    assert.deepEqual(expectedSequestration(from232[0], DEFAULT_SETTINGS)!.date, { date: 20220501, source: '232' });
    const partA = adjustments(['CLP*P*1*5000*980*0*MA*P1*11*1', 'CAS*CO*253*20', 'DTM*232*20220620', 'DTM*233*20220705']);
    const s = expectedSequestration(partA[0], DEFAULT_SETTINGS)!;
    assert.deepEqual([s.date, s.rate, s.paid, s.expected], [{ date: 20220705, source: '233' }, 0.02, 98000, 2000]);
  });

  test('several CO-253 on one line are summed; a reversal works by sign', () => {
    const two = line('MB', '472*20240226', 'CAS*CO*253*1.2**253*1.2');
    assert.deepEqual(
      [expectedSequestration(two[0], DEFAULT_SETTINGS)!.observed, expectedSequestration(two[0], DEFAULT_SETTINGS)!.expected],
      [240, 240],
    );
    const rev = line('MB', '472*20240226', 'CAS*CO*45*-80**253*-2.4', '-117.6');
    const s = expectedSequestration(rev[1], DEFAULT_SETTINGS)!;
    assert.deepEqual([s.base, s.expected, s.difference, s.withinTolerance], [-12000, -240, 0, true]);
  });

  test('rounding is half up on the cent, exactly', () => {
    assert.deepEqual(
      [applyRate(0.02, 2525), applyRate(0.02, 2524), applyRate(0.02, -2525), applyRate(0.01, 50), applyRate(0, 999)],
      [51, 50, -51, 1, 0],
    );
  });
});
