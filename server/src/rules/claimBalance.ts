import type { Finding } from '../x12/finding';
import type { Claim } from '../x835/types';
import { formatCents } from '../x835/values';
import { blank, casRelated, equation, sumAmounts } from './balanceSupport';
import { elementRange, MAX_RELATED, relatedAt } from './ranges';
import type { Rule } from './types';

/**
 * Claim balancing (005010X221A1): CLP03 charge - claim-level CAS - every line-level CAS = CLP04
 * payment, exactly, in cents. Applies with or without service lines (institutional claims often have
 * none: then only claim-level CAS count). Reversals (CLP02 22) are negated and balance the same way.
 * The finding points at CLP04, with every CAS that fed the sum as related information.
 */
export const claimBalanceRule: Rule = {
  id: 'claim-balance',
  check({ model }) {
    const t = model.tokens;
    const out: Finding[] = [];
    for (const claim of model.claims) {
      if (blank(t, claim.seg, 3) || blank(t, claim.seg, 4)) continue;
      let adjusted = sumAmounts(claim.adjustments);
      for (const line of claim.lines) adjusted += sumAmounts(line.adjustments);
      if (Number.isNaN(claim.charge) || Number.isNaN(claim.paid) || Number.isNaN(adjusted)) continue;
      if (claim.charge - adjusted === claim.paid) continue;
      const related = [relatedAt(elementRange(t, claim.seg, 3), `CLP03 charge ${t.element(claim.seg, 3)}`), ...casRelated(t, claim.adjustments, 'claim-level')];
      for (const line of claim.lines) {
        if (related.length >= MAX_RELATED) break;
        related.push(...casRelated(t, line.adjustments, 'line-level'));
      }
      out.push({
        code: 'claim-balance', ...elementRange(t, claim.seg, 4),
        message: `Claim ${claim.id || '(no CLP01)'} does not balance: ${equation('charged', claim.charge, 'adjustments', adjusted, 'paid', claim.paid)}.${lineChargeNote(claim)}`,
        related: related.slice(0, MAX_RELATED),
      });
    }
    return out;
  },
};

/**
 * When every line is reported, the lines' charges add up to CLP03 (the guide's derived rule). If they
 * do not, the likely cause is a service line missing from the remit: worth saying beside the imbalance.
 */
function lineChargeNote(claim: Claim): string {
  if (!claim.lines.length) return '';
  let lines = 0;
  for (const l of claim.lines) lines += l.charge;
  if (Number.isNaN(lines) || lines === claim.charge) return '';
  return ` The service lines charge ${formatCents(lines)} in total, not ${formatCents(claim.charge)}: a line may be missing from the remit.`;
}
