import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { centsAt } from '../../../server/src/x12/scan';
import { parseCents, parseDateAt } from '../../../server/src/x835/values';

/** The calendar's own answer (JavaScript's Date), independent of our digit arithmetic. */
function calendarOracle(s: string): number | undefined {
  if (!/^\d{8}$/.test(s)) return undefined;
  const [y, m, d] = [Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? Number(s) : undefined;
}

/** Text around the value, so offsets are exercised, not just whole strings. */
const framed = (s: string) => ({ text: `*${s}~`, start: 1, end: 1 + s.length });

describe('numbers and dates read by offset', () => {
  test('amounts: the same as parseCents', () => {
    for (const s of [
      '78.4',
      '200',
      '-1.25',
      '+3',
      '.5',
      '5.',
      '-.',
      '.',
      '',
      '-',
      '1,000',
      '12.345',
      '12.355',
      '-0.004',
      '0001',
      '1e5',
      '99999999999999.99',
      '999999999999999999',
      ' 5',
    ]) {
      const { text, start, end } = framed(s);
      assert.equal(centsAt(text, start, end), parseCents(s), JSON.stringify(s));
    }
  });

  test('dates: the same as the calendar', () => {
    for (const s of [
      '20240131',
      '20240230',
      '20240229',
      '20230229',
      '20000229',
      '19000229',
      '2024013',
      '2024013a',
      '20241301',
      '20240100',
    ]) {
      const { text, start, end } = framed(s);
      assert.equal(parseDateAt(text, start, end), calendarOracle(s), s);
    }
  });

  test('on any text', () => {
    const numberish = fc.stringMatching(/^[-+]?\d{0,20}(\.\d{0,5})?[a-z,]?$/);
    fc.assert(
      fc.property(fc.oneof(numberish, fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}[01]\d[0-3]\d$/)), (s) => {
        const { text, start, end } = framed(s);
        assert.equal(centsAt(text, start, end), parseCents(s));
        assert.equal(parseDateAt(text, start, end), calendarOracle(s));
      }),
      { numRuns: 3000 },
    );
  });
});
