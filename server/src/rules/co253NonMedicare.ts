import { formatRate } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { payerKind } from '../x835/payerType';
import { expectedSequestration, type RateOf } from '../x835/sequestrationCheck';
import type { Adjustment } from '../x835/types';
import { formatCents } from '../x835/values';
import { tripletRange } from './co253Common';
import { sequestrationFacts } from './claimPass';
import { ADJUSTMENTS_PER_STEP, eachInSteps, steppedRule } from './shared';

/**
 * Sequestration (reason 253) on a claim that is not Medicare fee-for-service (CLP06 other than MA/MB).
 * Commercial, Medicaid and other payers have no statutory basis for it: a Warning. A Medicare Advantage
 * plan (see `payerKind`) may pass the federal cut on by contract: the same code as Information.
 */
export const co253NonMedicareRule = steppedRule('co253-non-medicare', function* (ctx) {
  const { notMedicareFfs, rateOf } = yield* sequestrationFacts(ctx);
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  yield* eachInSteps(notMedicareFfs, ADJUSTMENTS_PER_STEP, (adj) => report(t, adj, rateOf, out));
  return out;
});

function report(t: SegmentTable, adj: Adjustment, rateOf: RateOf, out: Finding[]): void {
  const kind = payerKind(adj.claim);
  if (kind === 'medicare-ffs') return;
  const check = expectedSequestration(adj, undefined, t, rateOf);
  const share = check && Number.isFinite(check.observedRate) ? ` (${formatRate(check.observedRate)} of ${formatCents(check.base)})` : '';
  const what = `${adj.group}-253 of ${formatCents(adj.amount)}${share} on a claim filed as CLP06 "${adj.claim.filingIndicator}"`;
  const range = tripletRange(t, adj);
  if (kind === 'medicare-advantage') {
    out.push({
      code: 'co253-non-medicare', start: range.start, end: range.end, severity: 'information',
      message: `${what}, a Medicare Advantage plan: the plan passes the federal sequestration cut on only if its contract with you says so. Check the contract (and its rate); if it allows it, post as a contractual adjustment.`,
    });
  } else {
    out.push({
      code: 'co253-non-medicare', start: range.start, end: range.end,
      message: `${what}, not Medicare fee-for-service (MA or MB): sequestration is a Medicare cut, and this payer has no law behind it. Check the contract; if it does not allow it, appeal for ${formatCents(adj.amount)}.`,
    });
  }
}
