import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { transactionBalanceRule } from '../../../server/src/rules/money/transactionBalance';
import { CLAIM, expectNone, expectOne, HEADER, interchange, relatedTexts, st } from './ruleHarness';

const withPayment = (amount: string, extra: string[] = []) =>
  interchange(st([HEADER[0].replace('BPR*I*78.40', `BPR*I*${amount}`), ...HEADER.slice(1), ...CLAIM, ...extra]));

describe('transaction-balance: BPR02 = sum CLP04 - sum PLB', () => {
  test('BPR02 78.40 for one claim paid 78.40 has nothing to report', () => expectNone(transactionBalanceRule, withPayment('78.40')));

  test('BPR02 80.00: on BPR02, with the numbers', () => {
    const f = expectOne(transactionBalanceRule, withPayment('|80.00|'), 'transaction-balance', 'warning');
    assert.match(f.message, /78\.40 - provider adjustments \(PLB\) 0\.00 = 78\.40, but BPR02 is 80\.00 \(off by 1\.60\)/);
  });

  test('PLB amounts: positive withheld, negative paid out; related points at each PLB pair', () => {
    expectNone(transactionBalanceRule, withPayment('68.40', ['PLB*1234567893*20241231*WO:ICN1*10']));
    expectNone(transactionBalanceRule, withPayment('79.67', ['PLB*1234567893*20241231*L6*-1.27']));
    const src = withPayment('|68.40|', ['PLB*1234567893*20241231*WO:ICN1*10*L6*-1']);
    const f = expectOne(transactionBalanceRule, src, 'transaction-balance', 'warning');
    assert.deepEqual(relatedTexts(src, f), ['WO:ICN1*10', 'L6*-1']);
  });

  test('a notification-only remit (BPR02 0) with denied claims balances', () => {
    expectNone(
      transactionBalanceRule,
      interchange(st(['BPR*H*0*C*NON************20240105', ...HEADER.slice(1), 'LX*1', 'CLP*C1*4*100*0**MC*X', 'CAS*CO*16*100'])),
    );
  });

  test('an unreadable CLP04 skips the check (element-format reports it)', () => {
    expectNone(transactionBalanceRule, interchange(st([...HEADER, ...CLAIM.map((s) => s.replace('*78.4*20*MB', '*7B.4*20*MB'))])));
  });
});
