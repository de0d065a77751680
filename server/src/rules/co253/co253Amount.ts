import { activePeriods, formatPeriod, formatRate } from '../../codes/sequestration';
import type { SequestrationPeriod } from '../../settings';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { applyRate, TOLERANCE_CENTS } from '../../x835/sequestrationCheck';
import { formatCents, parseIsoDate } from '../../x835/values';
import { Why, type Verdicts } from '../../x835/verdicts';
import { amountOnBase, describeDate, describeSource, verdictNote, verdictSeverity, type MedicareSequestration } from './co253Common';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts, verdictsOf } from '../engine/claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from '../engine/shared';

/**
 * A CO-253 on a Medicare fee-for-service claim that is not the rate in force for its date, beyond one
 * cent: expected = round(rate x (paid + CO-253)). Taken in excess, the difference is recoverable (a
 * Warning: work); less than the rate costs nothing (Information). A rate the table has for other dates
 * (1% after 2022-06-30) is said to be that period's rate applied outside it. Silent when every CO-253
 * of the file agrees on one rate the table does not know: then the table is out of date, and
 * co253-unknown-rate says so once (the claim pass gives those triplets that finding instead).
 */
export const co253AmountRule = steppedRule('co253-amount', function* (ctx) {
  const { deviating: judged } = yield* sequestrationFacts(ctx);
  if (!judged.length) return [];
  const verdicts = yield* verdictsOf(ctx);
  const t = ctx.model.tokens;
  const periods = activePeriods(ctx.settings).periods;
  const out: Finding[] = [];
  yield* eachInSteps(judged, ADJUSTMENTS_PER_STEP, (m) => {
    if (verdicts.why[m.row] === Why.Amount) report(t, m, verdicts, periods, out);
  });
  return out;
});

function report(
  t: SegmentTable,
  { row, adj, check }: MedicareSequestration,
  verdicts: Verdicts,
  periods: readonly SequestrationPeriod[],
  out: Finding[],
): void {
  const lookup = check.lookup;
  const period = lookup.period ? ` (${formatPeriod(lookup.period)}, ${describeSource(lookup)})` : '';
  const observedRate = Number.isFinite(check.observedRate) ? formatRate(check.observedRate) : 'an undefined share';
  const direction =
    check.difference > 0
      ? 'taken in excess: recoverable, ask the payer to reprocess and refund it'
      : 'less than expected: nothing to recover (the payer may correct it later), but check the base the payer used';
  const range = tripletRange(t, adj);
  out.push({
    code: 'co253-amount',
    start: range.start,
    end: range.end,
    severity: verdictSeverity(verdicts, row),
    message: `${adj.group.trim().toUpperCase()}-${adj.reason.trim()} is ${observedRate} of the Medicare payment (${amountOnBase(check)}), but the rate for ${describeDate(check)} is ${formatRate(check.rate)}${period}: expected ${formatCents(check.expected)}, difference ${formatCents(check.difference)} ${direction}.${appliedLate(check, periods)}${verdictNote(verdicts, row)}`,
  });
}

/**
 * " 1% is the rate of 2022-04-01 to 2022-06-30, applied after its end." when the amount is the rate of a
 * period of the table that does not cover the date (a payer still applying an old rate); else ''.
 */
function appliedLate(check: MedicareSequestration['check'], periods: readonly SequestrationPeriod[]): string {
  const date = check.date?.date;
  if (date === undefined) return '';
  for (const p of periods) {
    if (p.rate <= 0 || p.rate === check.rate || Math.abs(check.observed - applyRate(p.rate, check.base)) > TOLERANCE_CENTS) continue;
    const from = parseIsoDate(p.from);
    const to = p.to ? parseIsoDate(p.to) : undefined;
    if (from === undefined) continue;
    const when = to !== undefined && date > to ? 'applied after its end' : date < from ? 'applied before its start' : undefined;
    if (when) return ` ${formatRate(p.rate)} is the rate of ${formatPeriod(p)}, ${when}: not a new rate.`;
  }
  return '';
}
