import { formatPeriod, formatRate } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { formatCents } from '../x835/values';
import { amountOnBase, describeDate, describeSource, rateTexts, tripletRange, type MedicareSequestration } from './co253Common';
import { sequestrationFacts } from './claimPass';
import { unknownRateOf } from './co253UnknownRateFact';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from './shared';

/**
 * A CO-253 on a Medicare fee-for-service claim that is not the rate in force for its date, beyond one
 * cent: expected = round(rate x (paid + CO-253)). Silent when every CO-253 of the file agrees on one
 * unknown rate: then the table is out of date, and co253-unknown-rate says so once.
 */
export const co253AmountRule = steppedRule('co253-amount', function* (ctx) {
  const { deviating: judged } = yield* sequestrationFacts(ctx);
  if (!judged.length || (yield* unknownRateOf(ctx))) return [];
  const t = ctx.model.tokens;
  const rateText = rateTexts();
  const out: Finding[] = [];
  yield* eachInSteps(judged, ADJUSTMENTS_PER_STEP, (adj) => report(t, adj, rateText, out));
  return out;
});

function report(t: SegmentTable, { adj, check }: MedicareSequestration, rateText: (rate: number) => string, out: Finding[]): void {
  const lookup = check.lookup;
  const period = lookup.period ? ` (${formatPeriod(lookup.period)}, ${describeSource(lookup)})` : '';
  const observedRate = Number.isFinite(check.observedRate) ? formatRate(check.observedRate) : 'an undefined share';
  const direction = check.difference > 0 ? 'taken in excess: ask the payer to reprocess and refund it' : 'less than expected: usually harmless, but check the base the payer used';
  const range = tripletRange(t, adj);
  out.push({
    code: 'co253-amount', start: range.start, end: range.end,
    message: `CO-253 is ${observedRate} of the Medicare payment (${amountOnBase(check)}), but the rate for ${describeDate(check)} is ${rateText(check.rate)}${period}: expected ${formatCents(check.expected)}, difference ${formatCents(check.difference)} ${direction}.`,
  });
}
