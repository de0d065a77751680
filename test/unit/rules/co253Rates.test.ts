import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatRate, rateFor, SEQUESTRATION_PERIODS } from '../../../server/src/codes/sequestration';
import { withPeriods } from './co253Fixtures';

describe('sequestration rate table', () => {
  test('the four periods of the built-in table, edge dates included', () => {
    const cases: Array<[number, string, number]> = [
      [20130331, 'before', 0],
      [20130401, 'in-force', 0.02],
      [20200430, 'in-force', 0.02],
      [20200501, 'suspended', 0],
      [20220331, 'suspended', 0],
      [20220401, 'in-force', 0.01],
      [20220630, 'in-force', 0.01],
      [20220701, 'in-force', 0.02],
      [20311231, 'in-force', 0.02],
    ];
    for (const [date, status, rate] of cases) {
      const r = rateFor(date);
      assert.deepEqual([r.status, r.rate, r.source], [status, rate, 'table'], String(date));
    }
    assert.equal(rateFor(20210101).period, SEQUESTRATION_PERIODS[1]);
    assert.equal(rateFor(undefined).status, 'uncovered');
  });

  test('the setting replaces the table; unusable periods are ignored; a gap is uncovered', () => {
    const s = withPeriods([
      { from: '2013-04-01', to: '2019-12-31', rate: 0.02 },
      { from: '2021-01-01', rate: 0.04 },
      { from: 'soon', rate: 0.5 },
      { from: '2020-01-01', rate: 2 },
    ]);
    assert.deepEqual([rateFor(20240101, s).rate, rateFor(20240101, s).source], [0.04, 'setting']);
    assert.equal(rateFor(20200601, s).status, 'uncovered');
    assert.equal(rateFor(20100101, s).status, 'before');
    // A setting with no usable period falls back to the table.
    assert.equal(rateFor(20240101, withPeriods([{ from: 'x', rate: 0.02 }])).source, 'table');
  });

  test('rates read as people write them', () => {
    assert.deepEqual([0.02, 0.01, 0.0625, 0.005].map(formatRate), ['2%', '1%', '6.25%', '0.5%']);
  });
});
