import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { patientResponsibilityRule } from '../../../server/src/rules/money/patientResponsibility';
import { CLAIM, expectNone, expectOne, HEADER, interchange, relatedTexts, st } from './ruleHarness';

const file = (claim: string[]) => interchange(st([...HEADER, ...claim]));

describe('patient-responsibility: CLP05 = sum of PR adjustments', () => {
  test('CLP05 20.00 with PR-2 20.00 has nothing to report', () => expectNone(patientResponsibilityRule, file(CLAIM)));

  test('CLP05 25.00 with PR adjustments of 20.00: on CLP05, related to the PR CAS', () => {
    const src = file(CLAIM.map((s) => s.replace('*78.4*20*MB', '*78.4*|25|*MB')));
    const f = expectOne(patientResponsibilityRule, src, 'patient-responsibility', 'warning');
    assert.match(f.message, /25\.00.*20\.00 \(off by 5\.00\)/);
    assert.deepEqual(relatedTexts(src, f), ['2*20']);
  });

  test('claim-level and line-level PR add up, over several triplets', () => {
    expectNone(
      patientResponsibilityRule,
      file(['LX*1', 'CLP*C1*2*751.5*310*220*12*X', 'CAS*PR*1*150', 'SVC*HC:1*751.5*310', 'CAS*PR*2*70']),
    );
    expectNone(patientResponsibilityRule, file(['LX*1', 'CLP*C1*2*751.5*310*220*12*X', 'SVC*HC:1*751.5*310', 'CAS*PR*1*150.00**2*70.00']));
  });

  test('an empty CLP05 counts as 0.00', () => {
    expectNone(patientResponsibilityRule, file(['LX*1', 'CLP*C1*1*100*55**12*X', 'SVC*HC:1*100*55', 'CAS*CO*45*45']));
    const f = expectOne(
      patientResponsibilityRule,
      file(['LX*1', 'CLP*C1*1*100*55*||*12*X', 'SVC*HC:1*100*55', 'CAS*PR*1*45']),
      'patient-responsibility',
      'warning',
    );
    assert.match(f.message, /CLP05 is empty/);
  });
});
