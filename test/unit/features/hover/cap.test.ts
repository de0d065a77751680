import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hover } from '../../../../server/src/features/hover';
import { HOVER_MAX, QUOTE_MAX } from '../../../../server/src/features/quote';
import { DEFAULT_SETTINGS } from '../../../../server/src/settings';
import { analyseMarked } from '../../../helpers/analyse';
import { medicareFile } from '../../../helpers/fragments';

/**
 * A hover quotes values, and a value may be megabytes long: a 400 KB element once gave a 400 KB hover,
 * a 10 MB one 10.5 MB. What is quoted is capped; the hover says how long the value was.
 */
const markdownAt = (src: string): string => {
  const { a, at } = analyseMarked(src);
  const h = hover(a, at[0], DEFAULT_SETTINGS);
  return (h?.contents as { value: string } | undefined)?.value ?? '';
};

describe('hover quotes are capped', () => {
  const big = 'X'.repeat(400_000);

  test('a 400 KB element: the hover quotes its start and says its length', () => {
    const md = markdownAt(medicareFile().replace('NM1*QC*1*DOE*', `NM1*QC*1*|${big}*`));
    assert.ok(md.length < 2000, `${md.length} characters`);
    assert.ok(md.includes('X'.repeat(QUOTE_MAX)));
    assert.ok(!md.includes('X'.repeat(QUOTE_MAX + 1)));
    assert.match(md, /400,000 characters/);
  });

  test('an amount, a date, a code, a composite and an unknown element: each quote is capped', () => {
    for (const src of [
      medicareFile().replace('CLP*PCN001*1*200*', `CLP*PCN001*1*|2${'0'.repeat(400_000)}*`),
      medicareFile().replace('DTM*472*20240102', `DTM*472*|2${'0'.repeat(400_000)}`),
      medicareFile().replace('CLP*PCN001*1*', `CLP*PCN001*|${big}*`),
      medicareFile().replace('SVC*HC:99213*', `SVC*HC:|${big}*`),
      medicareFile().replace('SVC*HC:99213*200*78.4**1', `SVC*HC:99213*200*78.4**1*|${big}`),
    ]) {
      const md = markdownAt(src);
      assert.ok(md.length < 2000, `${md.length} characters: ${md.slice(0, 200)}`);
    }
  });

  test('on a segment id that repeats several huge values (a claim and its patient), the hover stays bounded', () => {
    const md = markdownAt(medicareFile().replace('CLP*PCN001*', `|CLP*${big}*`).replace('NM1*QC*1*DOE*JANE', `NM1*QC*1*${big}*${big}`));
    assert.ok(md.length <= HOVER_MAX + 200, `${md.length} characters`);
  });
});
