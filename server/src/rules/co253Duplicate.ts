import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import type { Adjustment, Claim } from '../x835/types';
import { formatCents } from '../x835/values';
import { isCo, sequestrationFacts, tripletRange } from './co253Common';
import { MAX_RELATED, relatedAt } from './ranges';
import { ADJUSTMENTS_PER_STEP, inSteps, steppedRule } from './shared';

/**
 * Sequestration taken at claim level and again on service lines of the same claim. Medicare reports it
 * once: on the lines (Part B, DME, outpatient) or on the claim (Part A inpatient). Reported once per
 * claim, on the claim-level triplet, with the line-level ones as related locations.
 */
export const co253DuplicateRule = steppedRule('co253-duplicate', function* (ctx) {
  const t = ctx.model.tokens;
  const out: Finding[] = [];
  // The claim-level CO-253s (Part A: few), then the line-level ones of their claims only.
  const { triplets, claimLevelCo } = yield* sequestrationFacts(ctx);
  if (!claimLevelCo.length) return out;
  const claims = new Set<Claim>();
  for (const a of claimLevelCo) claims.add(a.claim);
  const linesByClaim = new Map<Claim, Adjustment[]>();
  // Consecutive triplets mostly share their claim: it is looked up once.
  let lastClaim: Claim | undefined;
  let lastHas = false;
  yield* inSteps(triplets.length, ADJUSTMENTS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const a = triplets[i];
      if (a.level !== 'line') continue;
      if (a.claim !== lastClaim) {
        lastClaim = a.claim;
        lastHas = claims.has(a.claim);
      }
      if (!lastHas || !isCo(a)) continue;
      const list = linesByClaim.get(a.claim);
      if (list) list.push(a); else linesByClaim.set(a.claim, [a]);
    }
  });
  for (const a of claimLevelCo) {
    const lines = linesByClaim.get(a.claim);
    if (lines) report(t, a, lines, out);
  }
  return out;
});

function report(t: SegmentTable, claimLevel: Adjustment, lines: readonly Adjustment[], out: Finding[]): void {
  const lineTotal = lines.reduce((s, a) => s + a.amount, 0);
  out.push({
    code: 'co253-duplicate', ...tripletRange(t, claimLevel),
    message: `Sequestration taken twice on claim ${claimLevel.claim.id}: ${formatCents(claimLevel.amount)} at claim level and ${formatCents(lineTotal)} on ${lines.length} service line${lines.length > 1 ? 's' : ''}. It belongs at one level only: ask the payer to reprocess and refund the double cut.`,
    related: lines.slice(0, MAX_RELATED).map((a) => relatedAt(tripletRange(t, a), `line-level CO-253 of ${formatCents(a.amount)}`)),
  });
}
