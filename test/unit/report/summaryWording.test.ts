import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { summaryBody } from '../../../client/src/summary/summaryHtml';
import { analyze } from '../../../server/src/analysis';
import { summaryText } from '../../../server/src/cli/summaryText';
import { remittanceReportHtml } from '../../../server/src/report/html/remittanceReport';
import { summarize } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

/**
 * Issue 14: the summaries show the money to ask for (the verdicts' recoverable cents), and the whole
 * amounts of the recoverable adjustments only under a label that says so; classes in words, never the
 * internal keys. The kept case has CO-253 3.00 and 2.02 where 2.00 was due: 5.02 of recoverable
 * adjustments, 1.02 to recover; 1.50 (under the rate) is not work.
 */
const file = 'medicare-amounts-around-the-rate.835';
const a = analyze(readFileSync(join(__dirname, '../../fixtures/verdicts', file), 'utf8'), DEFAULT_SETTINGS);
const s = summarize(a, DEFAULT_SETTINGS);

describe('summary wording: what to recover, classes in words', () => {
  test('the figures behind the words', () => {
    assert.equal(s.totals.recoverable, 502);
    assert.equal(s.toRecoverCents, 102);
  });

  test('era835 summary: to recover shown, the whole amounts labelled, no internal class key', () => {
    const text = summaryText(s, file).join('\n');
    assert.match(text, /Recoverable adjustments \(whole amounts\) +\$5\.02/);
    assert.match(text, /of which to recover +\$1\.02/);
    assert.doesNotMatch(text, /^\s*Recoverable +\$/m, 'a bare "Recoverable" total would read as money to ask for');
    assert.doesNotMatch(text, /needsWork|patientResponsibility/);
    assert.match(text, /CO-253 .*recoverable, needs work/);
  });

  test('summary view: the to-recover row, and the class row says it is whole amounts', () => {
    const html = summaryBody(s, file);
    assert.match(
      html,
      /<th scope="row">Recoverable adjustments \(whole amounts\)<\/th><td class="num" data-total="recoverable" data-cents="502">/,
    );
    assert.match(
      html,
      /<th scope="row">To recover \(ask the payer for this\)<\/th><td class="num" data-total="toRecover" data-cents="102">\$1\.02</,
    );
    assert.doesNotMatch(html, />Recoverable</);
    assert.doesNotMatch(html, /needsWork|\(needs work\)/);
  });

  test('printable report: to recover per adjustment and in the payment totals', () => {
    const html = remittanceReportHtml(a, file);
    assert.match(html, /<b>\$1\.00 to recover<\/b>/);
    assert.match(html, /<b>\$0\.02 to recover<\/b>/);
    assert.match(html, /To recover \(ask the payer for this\)<\/th><td class="num">\$1\.02</);
    assert.doesNotMatch(html, />Recoverable</);
  });
});
