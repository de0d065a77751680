import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimBalanceRule } from '../../../server/src/rules/money/claimBalance';
import { CLAIM, expectNone, expectOne, HEADER, interchange, relatedTexts, st } from './ruleHarness';

const file = (claim: string[]) => interchange(st([...HEADER, ...claim]));

describe('claim-balance: CLP03 - claim CAS - line CAS = CLP04', () => {
  test('a balanced claim has nothing to report', () => expectNone(claimBalanceRule, file(CLAIM)));

  test('CLP04 80.00 where 200.00 - 121.60 = 78.40: on CLP04, related to CLP03 and every CAS', () => {
    const src = file(CLAIM.map((s) => s.replace('CLP*PCN001*1*200*78.4', 'CLP*PCN001*1*200*|80|')));
    const f = expectOne(claimBalanceRule, src, 'claim-balance', 'warning');
    assert.match(f.message, /charged 200\.00 - adjustments 121\.60 = 78\.40, but paid is 80\.00 \(off by 1\.60\)/);
    assert.deepEqual(relatedTexts(src, f), ['200', '45*100**253*1.6', '2*20']);
  });

  test('claim-level and line-level adjustments both count', () => {
    expectNone(claimBalanceRule, file(['LX*1', 'CLP*C1*1*800*450*300*12*X', 'CAS*CO*A2*50', 'SVC*HC:99211*800*500', 'CAS*PR*1*300']));
    const f = expectOne(
      claimBalanceRule,
      file(['LX*1', 'CLP*C1*1*800*|500|*300*12*X', 'CAS*CO*A2*50', 'SVC*HC:99211*800*500', 'CAS*PR*1*300']),
      'claim-balance',
      'warning',
    );
    assert.match(f.message, /adjustments 350\.00 = 450\.00/);
  });

  test('a claim without service lines balances with claim-level CAS only', () => {
    expectNone(claimBalanceRule, file(['LX*1', 'CLP*666123*1*211366.97*138018.40**MA*X*11*1', 'CAS*CO*45*73348.57']));
    expectOne(
      claimBalanceRule,
      file(['LX*1', 'CLP*666123*1*211366.97*|138018.41|**MA*X*11*1', 'CAS*CO*45*73348.57']),
      'claim-balance',
      'warning',
    );
  });

  test('a reversal (CLP02 22, negated amounts) balances', () => {
    expectNone(
      claimBalanceRule,
      file(['LX*1', 'CLP*PCN1*22*-200*-78.4*-20*MB*X', 'SVC*HC:99213*-200*-78.4', 'CAS*CO*45*-100**253*-1.6', 'CAS*PR*2*-20']),
    );
  });

  test('when the lines charge less than CLP03 the message suggests a missing line', () => {
    const f = expectOne(
      claimBalanceRule,
      file(['LX*1', 'CLP*C1*1*300*|80|**12*X', 'SVC*HC:99211*200*80', 'CAS*CO*45*120']),
      'claim-balance',
      'warning',
    );
    assert.match(f.message, /lines charge 200\.00 in total/);
  });
});
