import type { Finding } from '../x12/finding';
import type { Adjustment, Claim } from '../x835/types';
import { formatCents } from '../x835/values';
import { sequestrationTriplets, tripletRange } from './co253Common';
import { MAX_RELATED, relatedAt } from './ranges';
import type { Rule } from './types';

/**
 * Sequestration taken at claim level and again on service lines of the same claim. Medicare reports it
 * once: on the lines (Part B, DME, outpatient) or on the claim (Part A inpatient). Reported once per
 * claim, on the claim-level triplet, with the line-level ones as related locations.
 */
export const co253DuplicateRule: Rule = {
  id: 'co253-duplicate',
  check({ model }) {
    const out: Finding[] = [];
    const co253 = sequestrationTriplets(model).filter((a) => a.group.trim().toUpperCase() === 'CO');
    const linesByClaim = new Map<Claim, Adjustment[]>();
    for (const a of co253) {
      if (a.level !== 'line') continue;
      const list = linesByClaim.get(a.claim);
      if (list) list.push(a); else linesByClaim.set(a.claim, [a]);
    }
    for (const claimLevel of co253) {
      const lines = claimLevel.level === 'claim' ? linesByClaim.get(claimLevel.claim) : undefined;
      if (!lines) continue;
      const lineTotal = lines.reduce((s, a) => s + a.amount, 0);
      out.push({
        code: 'co253-duplicate', ...tripletRange(model.tokens, claimLevel),
        message: `Sequestration taken twice on claim ${claimLevel.claim.id}: ${formatCents(claimLevel.amount)} at claim level and ${formatCents(lineTotal)} on ${lines.length} service line${lines.length > 1 ? 's' : ''}. It belongs at one level only: ask the payer to reprocess and refund the double cut.`,
        related: lines.slice(0, MAX_RELATED).map((a) => relatedAt(tripletRange(model.tokens, a), `line-level CO-253 of ${formatCents(a.amount)}`)),
      });
    }
    return out;
  },
};
