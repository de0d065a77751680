import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repeatsRule } from '../../../server/src/rules/elements/repeats';
import { CLAIM, expectNone, expectOne, HEADER, interchange, runRule, st } from './ruleHarness';

const file = (header: string[], claims: string[]) => interchange(st([...header, ...claims]));

describe('segment-repeat: maximum repeats of the guide', () => {
  test('a normal 835 has nothing to report', () => expectNone(repeatsRule, file(HEADER, CLAIM)));

  test('a second TRN in the header', () => {
    expectOne(
      repeatsRule,
      file([...HEADER.slice(0, 2), '|TRN|*1*EFT0002*1512345678', ...HEADER.slice(2)], CLAIM),
      'segment-repeat',
      'warning',
    );
  });

  test('a second BPR in the header', () => {
    expectOne(repeatsRule, file([HEADER[0], `|BPR|${HEADER[0].slice(3)}`, ...HEADER.slice(1)], CLAIM), 'segment-repeat', 'warning');
  });

  test('CAS at most 99 per claim line: the 100th is reported, once', () => {
    const cas = Array.from({ length: 101 }, (_, i) => (i === 99 ? '|CAS|*CO*45*0' : 'CAS*CO*45*0'));
    const f = expectOne(repeatsRule, file(HEADER, [...CLAIM.slice(0, 5), ...cas]), 'segment-repeat', 'warning');
    assert.match(f.message, /at most 99/);
  });

  test('99 CAS on a line and 99 more on the next line are fine', () => {
    const cas = Array.from({ length: 99 }, () => 'CAS*CO*45*0');
    expectNone(repeatsRule, file(HEADER, [...CLAIM.slice(0, 3), 'SVC*HC:1*1*1', ...cas, 'SVC*HC:2*1*1', ...cas]));
  });

  test('MOA at most one per claim, counted again for the next claim', () => {
    expectOne(repeatsRule, file(HEADER, ['LX*1', 'CLP*A*1*1*1**MB*X', 'MOA***MA01', '|MOA|***MA02']), 'segment-repeat', 'warning');
    expectNone(repeatsRule, file(HEADER, ['LX*1', 'CLP*A*1*1*1**MB*X', 'MOA***MA01', 'CLP*B*1*1*1**MB*X', 'MOA***MA02']));
  });

  test('per-qualifier caps: one NM1*QC per claim, one DTM*472 per line', () => {
    expectOne(
      repeatsRule,
      file(HEADER, ['LX*1', 'CLP*A*1*1*1**MB*X', 'NM1*QC*1*DOE', 'NM1*IL*1*DOE', '|NM1|*QC*1*ROE']),
      'segment-repeat',
      'warning',
    );
    expectOne(
      repeatsRule,
      file(HEADER, ['LX*1', 'CLP*A*1*1*1**MB*X', 'SVC*HC:1*1*1', 'DTM*472*20240101', '|DTM|*472*20240102']),
      'segment-repeat',
      'warning',
    );
    expectNone(repeatsRule, file(HEADER, ['LX*1', 'CLP*A*1*1*1**MB*X', 'SVC*HC:1*1*1', 'DTM*150*20240101', 'DTM*151*20240102']));
  });

  test('a second payer loop in one transaction set', () => {
    const f = runRule(repeatsRule, file([...HEADER, 'N1*PR*OTHER PAYER'], CLAIM).replace(/\|/g, ''));
    assert.deepEqual(
      f.map((x) => x.code),
      ['segment-repeat'],
    );
    assert.match(f[0].message, /payer loop/);
  });

  test('segments of another transaction set are counted afresh', () => {
    expectNone(repeatsRule, interchange(st([...HEADER, ...CLAIM]), st([...HEADER, ...CLAIM], '0002')));
  });
});
