import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { payerKind } from '../x835/payerType';
import type { Adjustment } from '../x835/types';
import { formatCents } from '../x835/values';
import { tripletRange } from './co253Common';
import { sequestrationFacts } from './claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from './shared';

/**
 * Reason 253 under a group other than CO. PR moves the cut to the patient, which Medicare does not allow
 * (the provider absorbs sequestration); OA, PI and the retired CR hide it from contractual posting.
 */
export const co253GroupRule = steppedRule('co253-group', function* (ctx) {
  const { notCo } = yield* sequestrationFacts(ctx);
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  yield* eachInSteps(notCo, ADJUSTMENTS_PER_STEP, (adj) => report(t, adj, out));
  return out;
});

function report(t: SegmentTable, adj: Adjustment, out: Finding[]): void {
  const group = adj.group.trim().toUpperCase();
  if (group === 'CO') return;
  const amount = formatCents(adj.amount);
  const payer = payerKind(adj.claim) === 'medicare-ffs' ? 'Medicare does not allow it' : 'sequestration is the provider\'s write-off, never the patient\'s';
  const message = group === 'PR'
    ? `PR-253: sequestration of ${amount} pushed to the patient. ${payer}: do not bill the patient; ask the payer to correct the group to CO.`
    : `${group || '(no group)'}-253: sequestration of ${amount} under group ${group || '(empty)'}; it belongs under CO (contractual obligation). Post it as a contractual adjustment and ask the payer to correct the group.`;
  const range = tripletRange(t, adj);
  out.push({ code: 'co253-group', start: range.start, end: range.end, message });
}
