import type { Finding } from '../x12/finding';
import type { ServiceLine } from '../x835/types';
import { blank, casRelated, equation, sumAmounts } from './balanceSupport';
import { elementRange, relatedAt } from './ranges';
import type { Rule } from './types';

/**
 * Service line balancing (005010X221A1): SVC02 charge - every line-level CAS amount = SVC03 payment,
 * exactly, in cents. Reversals (CLP02 22) carry negated amounts and balance the same way. A claim
 * without service lines has nothing to check here (claim-balance covers it).
 */
export const serviceBalanceRule: Rule = {
  id: 'service-balance',
  check({ model }) {
    const t = model.tokens;
    const out: Finding[] = [];
    for (const claim of model.claims) {
      for (let n = 0; n < claim.lines.length; n++) {
        const line = claim.lines[n];
        if (blank(t, line.seg, 2) || blank(t, line.seg, 3)) continue;
        const adjusted = sumAmounts(line.adjustments);
        if (Number.isNaN(line.charge) || Number.isNaN(line.paid) || Number.isNaN(adjusted)) continue;
        if (line.charge - adjusted === line.paid) continue;
        out.push({
          code: 'service-balance', ...elementRange(t, line.seg, 3),
          message: `Service line ${n + 1}${label(line)} of claim ${claim.id || '(no CLP01)'} does not balance: ${equation('charged', line.charge, 'adjustments', adjusted, 'paid', line.paid)}.`,
          related: [relatedAt(elementRange(t, line.seg, 2), `SVC02 charge ${t.element(line.seg, 2)}`), ...casRelated(t, line.adjustments)],
        });
      }
    }
    return out;
  },
};

function label(line: ServiceLine): string {
  const p = line.procedure;
  const code = [p.qualifier, p.code].filter(Boolean).join(':');
  return code ? ` (${code})` : '';
}
