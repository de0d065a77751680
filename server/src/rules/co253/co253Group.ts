import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { payerKind } from '../../x835/payerType';
import type { CasColumns } from '../../x835/records';
import { formatCents } from '../../x835/values';
import type { Verdicts } from '../../x835/verdicts';
import { verdictNote, verdictSeverity } from './co253Common';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts, verdictsOf } from '../engine/claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from '../engine/shared';

/**
 * Reason 253 under a group other than CO. PR moves the cut to the patient, which is never right: Medicare
 * does not allow it (the provider absorbs sequestration), and a payer with no law behind the cut had no
 * business taking it at all (then the amount is recoverable). OA, PI and the retired CR hide it from
 * contractual posting. The triplets are those the claim pass gave this finding (co253Facts.ts).
 */
export const co253GroupRule = steppedRule('co253-group', function* (ctx) {
  const { groupRows } = yield* sequestrationFacts(ctx);
  const verdicts = yield* verdictsOf(ctx);
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  yield* eachInSteps(groupRows, ADJUSTMENTS_PER_STEP, (row) => report(t, ctx.model.store.cas, verdicts, row, out));
  return out;
});

function report(t: SegmentTable, cas: CasColumns, verdicts: Verdicts, row: number, out: Finding[]): void {
  const adj = cas.at(row);
  const group = adj.group.trim().toUpperCase();
  const amount = formatCents(adj.amount);
  const kind = payerKind(adj.claim);
  let message: string;
  if (group === 'PR') {
    const payer =
      kind === 'medicare-ffs'
        ? 'Medicare does not allow it: do not bill the patient; ask the payer to correct the group to CO.'
        : kind === 'medicare-advantage'
          ? 'A Medicare Advantage plan may pass the federal cut on to you only if your contract says so, never to the patient: do not bill the patient; ask the plan to correct the group and check the contract.'
          : `The claim is not Medicare (CLP06 "${adj.claim.filingIndicator}"): no law allows this cut and the patient never owes it. Do not bill the patient; ask the payer to refund ${amount}.`;
    message = `PR-253: sequestration of ${amount} pushed to the patient. ${payer}`;
  } else {
    message = `${group || '(no group)'}-253: sequestration of ${amount} under group ${group || '(empty)'}; it belongs under CO (contractual obligation). Post it as a contractual adjustment and ask the payer to correct the group.`;
  }
  const range = tripletRange(t, adj);
  out.push({
    code: 'co253-group',
    start: range.start,
    end: range.end,
    message: message + verdictNote(verdicts, row),
    severity: verdictSeverity(verdicts, row),
  });
}
