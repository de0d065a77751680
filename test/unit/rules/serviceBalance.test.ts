import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serviceBalanceRule } from '../../../server/src/rules/money/serviceBalance';
import { CLAIM, expectNone, expectOne, HEADER, interchange, relatedTexts, st } from './ruleHarness';

const file = (claim: string[]) => interchange(st([...HEADER, ...claim]));

describe('service-balance: SVC02 - line CAS = SVC03', () => {
  test('a balanced line has nothing to report', () => expectNone(serviceBalanceRule, file(CLAIM)));

  test('a line paid 80.00 where 200.00 - 121.60 = 78.40: on SVC03, with the exact numbers', () => {
    const src = file(CLAIM.map((s) => s.replace('SVC*HC:99213*200*78.4', 'SVC*HC:99213*200*|80|')));
    const f = expectOne(serviceBalanceRule, src, 'service-balance', 'warning');
    assert.match(f.message, /charged 200\.00 - adjustments 121\.60 = 78\.40, but paid is 80\.00 \(off by 1\.60\)/);
    assert.deepEqual(relatedTexts(src, f), ['200', '45*100**253*1.6', '2*20']);
  });

  test('a reversal (negated amounts) balances the same way', () => {
    expectNone(
      serviceBalanceRule,
      file(['LX*1', 'CLP*PCN1*22*-200*-78.4*-20*MB*X', 'SVC*HC:99213*-200*-78.4', 'CAS*CO*45*-100**253*-1.6', 'CAS*PR*2*-20']),
    );
  });

  test('a negative adjustment increases the payment', () => {
    expectNone(serviceBalanceRule, file(['LX*1', 'CLP*PCN1*2*541*34**12*X', 'SVC*HC:55669*541*34', 'CAS*OA*23*516', 'CAS*OA*94*-9']));
  });

  test("an unreadable amount is element-format's finding, not a balance", () => {
    expectNone(serviceBalanceRule, file(CLAIM.map((s) => s.replace('*100**253', '*1OO**253'))));
  });

  test('a claim without service lines has no service balance', () => {
    expectNone(serviceBalanceRule, file(['LX*1', 'CLP*PCN1*1*200*150**MA*X', 'CAS*CO*45*50']));
  });
});
