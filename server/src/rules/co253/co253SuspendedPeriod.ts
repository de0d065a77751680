import { formatPeriod } from '../../codes/sequestration';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { formatCents } from '../../x835/values';
import type { Verdicts } from '../../x835/verdicts';
import { describeDate, describeSource, verdictNote, verdictSeverity, type MedicareSequestration } from './co253Common';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts, verdictsOf } from '../engine/claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from '../engine/shared';

/**
 * A CO-253 on a Medicare fee-for-service claim whose date falls where no sequestration was in force:
 * the suspension (2020-05-01 .. 2022-03-31), before it began (2013-04-01), or a gap in a user's table.
 * Medicare should have taken nothing: the whole amount is recoverable.
 */
export const co253SuspendedPeriodRule = steppedRule('co253-suspended-period', function* (ctx) {
  const { outOfPeriod } = yield* sequestrationFacts(ctx);
  const verdicts = yield* verdictsOf(ctx);
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  yield* eachInSteps(outOfPeriod, ADJUSTMENTS_PER_STEP, (m) => report(t, m, verdicts, out));
  return out;
});

function report(t: SegmentTable, { row, adj, check }: MedicareSequestration, verdicts: Verdicts, out: Finding[]): void {
  const lookup = check.lookup;
  if (!check.date || lookup.status === 'in-force') return;
  const amount = formatCents(check.observed);
  const ask = `Medicare should not have taken it: recoverable, ask the payer to reprocess and pay back ${amount}.${verdictNote(verdicts, row)}`;
  let why: string;
  if (lookup.status === 'suspended') why = `sequestration was suspended for ${formatPeriod(lookup.period)} (${describeSource(lookup)})`;
  else if (lookup.status === 'before')
    why = `sequestration only applies from ${lookup.source === 'table' ? '2013-04-01 (Budget Control Act of 2011)' : `the first period of ${describeSource(lookup)}`}`;
  else why = `no period of ${describeSource(lookup)} covers it`;
  const range = tripletRange(t, adj);
  out.push({
    code: 'co253-suspended-period',
    start: range.start,
    end: range.end,
    severity: verdictSeverity(verdicts, row),
    message: `${adj.group.trim().toUpperCase()}-${adj.reason.trim()} of ${amount} for ${describeDate(check)}, but ${why}. ${ask}`,
  });
}
