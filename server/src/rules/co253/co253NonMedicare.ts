import { formatRate } from '../../codes/sequestration';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { payerKind } from '../../x835/payerType';
import type { CasColumns } from '../../x835/records';
import { expectedSequestration, type RateOf } from '../../x835/sequestrationCheck';
import { formatCents } from '../../x835/values';
import type { Verdicts } from '../../x835/verdicts';
import { verdictNote, verdictSeverity } from './co253Common';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts, verdictsOf } from '../engine/claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from '../engine/shared';

/**
 * CO-253 on a claim that is not Medicare fee-for-service (CLP06 other than MA/MB). Commercial payers
 * and Medicaid have no statutory basis for it: recoverable. A Medicare Advantage plan (see `payerKind`)
 * may pass the federal cut on only if the provider's contract says so: verify the contract (work, with
 * nothing recoverable until the contract says otherwise). The triplets are those the claim pass gave
 * this finding (co253Facts.ts).
 */
export const co253NonMedicareRule = steppedRule('co253-non-medicare', function* (ctx) {
  const { nonMedicareRows, rateOf } = yield* sequestrationFacts(ctx);
  const verdicts = yield* verdictsOf(ctx);
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  yield* eachInSteps(nonMedicareRows, ADJUSTMENTS_PER_STEP, (row) => report(t, ctx.model.store.cas, verdicts, row, rateOf, out));
  return out;
});

function report(t: SegmentTable, cas: CasColumns, verdicts: Verdicts, row: number, rateOf: RateOf, out: Finding[]): void {
  const adj = cas.at(row);
  const kind = payerKind(adj.claim);
  const check = expectedSequestration(adj, undefined, t, rateOf);
  const share = check && Number.isFinite(check.observedRate) ? ` (${formatRate(check.observedRate)} of ${formatCents(check.base)})` : '';
  const what = `${adj.group}-253 of ${formatCents(adj.amount)}${share} on a claim filed as CLP06 "${adj.claim.filingIndicator}"`;
  const range = tripletRange(t, adj);
  const message =
    kind === 'medicare-advantage'
      ? `${what}, a Medicare Advantage plan: passing the federal sequestration cut on is allowed only if your contract says so. Verify the contract (and its rate): if it allows it, post as a contractual adjustment; if not, ask the plan to refund ${formatCents(adj.amount)}.`
      : `${what}, ${kind === 'medicaid' ? 'Medicaid' : 'not Medicare'}: sequestration is a Medicare fee-for-service cut, and this payer has no law behind it. Recoverable: unless your contract allows the cut, ask the payer to refund ${formatCents(adj.amount)}.`;
  out.push({
    code: 'co253-non-medicare',
    start: range.start,
    end: range.end,
    message: message + verdictNote(verdicts, row),
    severity: verdictSeverity(verdicts, row),
  });
}
