import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCents, parseDate, parseDateAt } from '../../../server/src/x835/values';

describe('formatCents', () => {
  test('whole cents with thousands separators, negative with a leading minus', () => {
    assert.equal(formatCents(0), '0.00');
    assert.equal(formatCents(5), '0.05');
    assert.equal(formatCents(240), '2.40');
    assert.equal(formatCents(100000), '1,000.00');
    assert.equal(formatCents(123456789), '1,234,567.89');
    assert.equal(formatCents(-100005), '-1,000.05');
    assert.equal(formatCents(100000000001), '1,000,000,000.01');
  });

  test('what is not a finite number is "?"', () => {
    assert.equal(formatCents(NaN), '?');
    assert.equal(formatCents(-Infinity), '?');
  });
});

describe('parseDateAt', () => {
  test('reads a CCYYMMDD date inside a text like parseDate reads it alone', () => {
    for (const v of ['20240131', '20240229', '20230229', '20241301', '20240100', '2024013', '202401311', '2024-131', '']) {
      assert.equal(parseDateAt(`DTM*472*${v}~`, 8, 8 + v.length), parseDate(v), v);
    }
    assert.equal(parseDateAt('x20240131x', 1, 9), 20240131);
  });
});
