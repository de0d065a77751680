import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeAdjustment } from '../../../server/src/features/adjustmentText';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit, run, withPeriods } from './co253Fixtures';

/** The hover text of every triplet of a one-line Part B claim. */
function texts(cas: string, date = '472*20240226', paid = '117.6', clp06 = 'MB', settings = DEFAULT_SETTINGS): string[] {
  const { text } = remit([`CLP*PCN1*1*200*${paid}*0*${clp06}*P1*11*1`, `SVC*HC:99213*200*${paid}**1`, `DTM*${date}`, cas]);
  const { analysis } = run(text, settings);
  return analysis.model.cas.all().map((adj) => describeAdjustment(analysis, adj, settings));
}

describe('describeAdjustment (hover text for a CAS triplet)', () => {
  test('reads the triplet as one sentence: group, reason, amount, verdict', () => {
    const [co45, co16] = texts('CAS*CO*45*100**16*10');
    assert.match(co45, /^\*\*CO-45\*\* · Contractual obligation, reason 45: .+, \$100\.00 — not actionable/);
    assert.match(co16, /CO-16.+\$10\.00 — \*\*actionable\*\*: /);
  });

  test('a correct CO-253: rate, period and date used, expected vs reported, posting advice', () => {
    const co253 = texts('CAS*CO*45*80**253*2.4')[1];
    assert.match(co253, /not actionable/);
    assert.match(co253, /rate \*\*2%\*\* for 2024-02-26 \(DTM\*472, line service date\): in force from 2022-07-01/);
    assert.match(co253, /2% × \(SVC03 paid 117\.60 \+ 2\.40\) = \*\*2\.40\*\*; reported 2\.40 \(2%\): matches/);
    assert.match(co253, /Post as a contractual adjustment/);
  });

  test('a CO-253 in the suspension says so and what to ask for', () => {
    const co253 = texts('CAS*CO*45*100**253*2', '472*20210310', '98')[1];
    assert.match(co253, /\*\*actionable\*\*/);
    assert.match(co253, /suspended 2020-05-01 to 2022-03-31/);
    assert.match(co253, /pay back 2\.00/);
  });

  test('the date comes from DTM*150 when the line has a service period, and the setting names itself', () => {
    const co253 = texts('CAS*CO*253*3', '150*20240101', '97', 'MB', withPeriods([{ from: '2013-04-01', rate: 0.03 }]))[0];
    assert.match(co253, /DTM\*150, line service period start/);
    assert.match(co253, /your `era835\.sequestration\.periods`/);
    assert.match(co253, /matches/);
  });

  test('CO-223 on a Medicare line of 2013 is explained as sequestration', () => {
    const co223 = texts('CAS*CO*223*2.4', '472*20130601')[0];
    assert.match(co223, /Medicare sequestration reported as CO-223/);
    assert.match(co223, /rate \*\*2%\*\*/);
  });

  test('PR-253 and commercial CO-253 need work', () => {
    assert.match(texts('CAS*PR*253*2', '472*20240226', '98')[0], /grouped PR, pushed to the patient/);
    assert.match(texts('CAS*CO*253*2', '472*20240226', '98', '12')[0], /not Medicare fee-for-service/);
  });
});
