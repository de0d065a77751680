import { formatRate } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import { amountOnBase, medicareSequestrations, tripletRange } from './co253Common';
import type { Rule } from './types';

/**
 * The reassuring half of the product: each CO-253 on a Medicare fee-for-service claim that matches the
 * rate in force for its date (within a cent) is said to be expected and not actionable. A CO-253 with no
 * date to check against is still Medicare sequestration, said with that caveat.
 */
export const co253SequestrationRule: Rule = {
  id: 'co253-sequestration',
  check({ model, settings }) {
    const out: Finding[] = [];
    for (const { adj, check } of medicareSequestrations(model, settings)) {
      const range = tripletRange(model.tokens, adj);
      if (!check.date) {
        out.push({ code: 'co253-sequestration', ...range, message: `Medicare sequestration (${amountOnBase(check)}): no service or statement date to check the rate against. Normally expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.` });
      } else if (check.lookup.status === 'in-force' && check.withinTolerance) {
        const reversal = check.observed < 0 ? ' This reverses an earlier sequestration.' : '';
        out.push({ code: 'co253-sequestration', ...range, message: `Medicare sequestration: ${formatRate(check.rate)} of the Medicare payment (${amountOnBase(check)}). Expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.${reversal}` });
      }
    }
    return out;
  },
};
