import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brief, remit, run, withPeriods } from './co253Fixtures';

/** One Part B claim with one line; `cas` is the line's CAS, `date` its DTM*472. */
function partB(opts: { paid: string; cas: string; date: string; clp06?: string; status?: string; charge?: string }): string[] {
  const charge = opts.charge ?? '200';
  return [
    `CLP*PCN1*${opts.status ?? '1'}*${charge}*${opts.paid}*0*${opts.clp06 ?? 'MB'}*PAYER1*11*1`,
    'NM1*QC*1*DOE*JANE****MI*ABC123',
    `SVC*HC:99213*${charge}*${opts.paid}**1`,
    `DTM*472*${opts.date}`,
    opts.cas,
  ];
}

describe('co253 rules', () => {
  test('Medicare Part B at 2% is Information only: expected, post as contractual', () => {
    const { text, at } = remit(partB({ paid: '117.6', date: '20240226', cas: 'CAS*CO*45*80**|253*2.4|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-sequestration@${at[0]}-${at[1]}`]);
    assert.equal(findings[0].severity, undefined);
    assert.match(findings[0].message, /2% of the Medicare payment \(2\.40 on 120\.00\)/);
    assert.match(findings[0].message, /do not appeal or rebill/);
  });

  test('one cent off is rounding, two cents off is co253-amount', () => {
    // 2% of 81.63 = 1.6326 -> 1.63; 1.64 is within a cent, 1.65 is not.
    assert.deepEqual(
      run(remit(partB({ paid: '80', date: '20240226', cas: 'CAS*CO*45*118.36**253*1.64' })).text).findings.map((f) => f.code),
      ['co253-sequestration'],
    );
    const { text, at } = remit(partB({ paid: '80', date: '20240226', cas: 'CAS*CO*45*118.35**|253*1.65|' }));
    assert.deepEqual(run(text).findings.map(brief), [`co253-amount@${at[0]}-${at[1]}`]);
  });

  test('April to June 2022 is 1%: 1% is fine, 2% is co253-amount with the observed rate and the difference', () => {
    assert.deepEqual(
      run(remit(partB({ paid: '99', date: '20220515', cas: 'CAS*CO*45*100**253*1' })).text).findings.map((f) => f.code),
      ['co253-sequestration'],
    );
    const { text, at } = remit(partB({ paid: '98', date: '20220515', cas: 'CAS*CO*45*100**|253*2|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-amount@${at[0]}-${at[1]}`]);
    assert.match(findings[0].message, /2% of the Medicare payment \(2\.00 on 100\.00\)/);
    assert.match(findings[0].message, /is 1%/);
    assert.match(findings[0].message, /expected 1\.00, difference 1\.00/);
  });

  test('a service date in the suspension (May 2020 - March 2022) is co253-suspended-period', () => {
    const { text, at } = remit(partB({ paid: '98', date: '20210310', cas: 'CAS*CO*45*100**|253*2|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-suspended-period@${at[0]}-${at[1]}`]);
    assert.match(findings[0].message, /suspended for 2020-05-01 to 2022-03-31/);
  });

  test('a service date before 2013-04-01 is co253-suspended-period (not yet in force)', () => {
    const { text, at } = remit(partB({ paid: '98', date: '20130315', cas: 'CAS*CO*45*100**|253*2|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-suspended-period@${at[0]}-${at[1]}`]);
    assert.match(findings[0].message, /from 2013-04-01/);
  });

  test('a commercial claim (CLP06 12) with CO-253 is a co253-non-medicare Warning, and nothing else', () => {
    const { text, at } = remit(partB({ paid: '98', date: '20240226', clp06: '12', cas: 'CAS*CO*45*100**|253*2|' }), 'ACME HEALTH PLAN');
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-non-medicare@${at[0]}-${at[1]}`]);
    assert.equal(findings[0].severity, undefined);
  });

  test('Medicare Advantage (CLP06 16 or HM, whatever the payer is called) is work: verify the contract', () => {
    for (const [clp06, payer] of [
      ['16', 'ACME HEALTH PLAN'],
      ['HM', 'ACME HEALTH PLAN'],
      ['HM', 'ACME MEDICARE ADVANTAGE'],
    ]) {
      const { text, at } = remit(partB({ paid: '98', date: '20240226', clp06, cas: 'CAS*CO*45*100**|253*2|' }), payer);
      const { findings } = run(text);
      assert.deepEqual(findings.map(brief), [`co253-non-medicare@${at[0]}-${at[1]}`], clp06);
      assert.equal(findings[0].severity, undefined, 'a Warning, as work');
      assert.match(
        findings[0].message,
        /Medicare Advantage plan: passing the federal sequestration cut on is allowed only if your contract says so\. Verify the contract/,
      );
      assert.doesNotMatch(findings[0].message, /no law behind it/);
    }
  });

  test('PR-253 on a Medicare claim is co253-group: pushed to the patient', () => {
    const { text, at } = remit(partB({ paid: '98', date: '20240226', cas: 'CAS*PR*|253*2|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-group@${at[0]}-${at[1]}`]);
    assert.match(findings[0].message, /patient/);
  });

  test('OA-253 is co253-group too', () => {
    const { text, at } = remit(partB({ paid: '98', date: '20240226', cas: 'CAS*OA*|253*2|' }));
    assert.deepEqual(run(text).findings.map(brief), [`co253-group@${at[0]}-${at[1]}`]);
  });

  test('253 in the third triplet of a CAS: the range is exactly its reason and amount (not the quantity)', () => {
    const { text, at } = remit(partB({ paid: '117.6', date: '20240226', cas: 'CAS*CO*45*70*1*59*10**|253*2.4|*1' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-sequestration@${at[0]}-${at[1]}`]);
    assert.equal(text.slice(findings[0].start, findings[0].end), '253*2.4');
  });

  test('claim-level 253 (Part A) takes its rate from DTM*233, not DTM*232', () => {
    // 232 is in the 1% quarter, 233 in the 2% period: 20.00 on 1000.00 is right only at 2%.
    const { text, at } = remit([
      'CLP*PCNA*1*5000*980*0*MA*PAYERA*11*1',
      'CAS*CO*45*4000**|253*20|',
      'NM1*QC*1*DOE*JANE****MI*ABC123',
      'DTM*232*20220620',
      'DTM*233*20220705',
    ]);
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-sequestration@${at[0]}-${at[1]}`]);
  });

  test('a reversal (CLP02 22, negative amounts) works by sign', () => {
    const { text, at } = remit(partB({ status: '22', charge: '-200', paid: '-117.6', date: '20240226', cas: 'CAS*CO*45*-80**|253*-2.4|' }));
    const { findings } = run(text);
    assert.deepEqual(findings.map(brief), [`co253-sequestration@${at[0]}-${at[1]}`]);
    assert.match(findings[0].message, /-2\.40 on -120\.00/);
  });

  test('sequestration at claim level and at line level of the same claim is co253-duplicate, on the claim-level triplet', () => {
    const { text, at } = remit([
      'CLP*PCN1*1*200*115.2*0*MB*PAYER1*11*1',
      'CAS*CO*|253*2.4|',
      'NM1*QC*1*DOE*JANE****MI*ABC123',
      'SVC*HC:99213*200*117.6**1',
      'DTM*472*20240226',
      'CAS*CO*45*80**|253*2.4|',
    ]);
    const dup = run(text).findings.filter((f) => f.code === 'co253-duplicate');
    assert.deepEqual(dup.map(brief), [`co253-duplicate@${at[0]}-${at[1]}`]);
    assert.deepEqual(
      dup[0].related?.map((r) => [r.start, r.end]),
      [[at[2], at[3]]],
    );
  });

  test('a settings override replaces the table', () => {
    const body = partB({ paid: '97', date: '20240226', cas: 'CAS*CO*45*100**253*3' });
    assert.deepEqual(
      run(remit(body).text).findings.map((f) => f.code),
      ['co253-amount'],
    );
    const settings = withPeriods([{ from: '2013-04-01', rate: 0.03 }]);
    const { findings } = run(remit(body).text, settings);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['co253-sequestration'],
    );
    assert.match(findings[0].message, /3% of the Medicare payment/);
  });

  test('a zero CO-253 is harmless noise: no finding', () => {
    assert.deepEqual(run(remit(partB({ paid: '0', date: '20210310', cas: 'CAS*CO*45*200**253*0' })).text).findings, []);
  });
});

describe('co253-unknown-rate', () => {
  const claim = (n: number, paid: string, seq: string) => [
    `CLP*PCN${n}*1*200*${paid}*0*MB*PAYER${n}*11*1`,
    'NM1*QC*1*DOE*JANE****MI*ABC123',
    `SVC*HC:99213*200*${paid}**1`,
    'DTM*472*20260105',
    `CAS*CO*45*80**${n === 1 ? '|' : ''}253*${seq}${n === 1 ? '|' : ''}`,
  ];
  // 4% of 120.00 = 4.80, of 50.00 = 2.00, of 81.63 = 3.27 (3.2652).
  const file = remit([...claim(1, '115.2', '4.8'), ...claim(2, '48', '2'), ...claim(3, '78.36', '3.27')]);

  test('a file that consistently applies 4% gets one co253-unknown-rate and no co253-amount', () => {
    const { findings } = run(file.text);
    assert.deepEqual(findings.map(brief), [`co253-unknown-rate@${file.at[0]}-${file.at[1]}`]);
    assert.match(findings[0].message, /All 3 CO-253 adjustments in this file apply 4%/);
    assert.equal(findings[0].related?.length, 2);
  });

  test('pasting the suggested setting makes the same file Information only', () => {
    const json = /(\[\{.*\}\])$/.exec(run(file.text).findings[0].message)?.[1];
    assert.ok(json);
    const periods = JSON.parse(json);
    assert.deepEqual(periods.at(-1), { from: '2026-01-05', rate: 0.04 });
    assert.deepEqual(periods.at(-2), { from: '2022-07-01', to: '2026-01-04', rate: 0.02 });
    assert.deepEqual(
      run(file.text, withPeriods(periods)).findings.map((f) => f.code),
      ['co253-sequestration', 'co253-sequestration', 'co253-sequestration'],
    );
  });

  test('two CO-253s are not enough to call a rate consistent: each is co253-amount', () => {
    const two = remit([...claim(1, '115.2', '4.8'), ...claim(2, '48', '2')]);
    assert.deepEqual(
      run(two.text).findings.map((f) => f.code),
      ['co253-amount', 'co253-amount'],
    );
  });

  test('rates that disagree are each co253-amount', () => {
    const mixed = remit([...claim(1, '115.2', '4.8'), ...claim(2, '48', '2'), ...claim(3, '78.36', '5')]);
    assert.deepEqual(
      run(mixed.text).findings.map((f) => f.code),
      ['co253-amount', 'co253-amount', 'co253-amount'],
    );
  });
});
