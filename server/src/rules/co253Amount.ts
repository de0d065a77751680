import { formatPeriod, formatRate } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import { formatCents } from '../x835/values';
import { amountOnBase, describeDate, describeSource, medicareSequestrations, tripletRange, unknownConsistentRate } from './co253Common';
import type { Rule } from './types';

/**
 * A CO-253 on a Medicare fee-for-service claim that is not the rate in force for its date, beyond one
 * cent: expected = round(rate x (paid + CO-253)). Silent when every CO-253 of the file agrees on one
 * unknown rate: then the table is out of date, and co253-unknown-rate says so once.
 */
export const co253AmountRule: Rule = {
  id: 'co253-amount',
  check({ model, settings }) {
    const judged = medicareSequestrations(model, settings).filter((m) => m.check.lookup.status === 'in-force' && !m.check.withinTolerance);
    if (!judged.length || unknownConsistentRate(model, settings)) return [];
    const out: Finding[] = [];
    for (const { adj, check } of judged) {
      const lookup = check.lookup;
      const period = lookup.period ? ` (${formatPeriod(lookup.period)}, ${describeSource(lookup)})` : '';
      const observedRate = Number.isFinite(check.observedRate) ? formatRate(check.observedRate) : 'an undefined share';
      const direction = check.difference > 0 ? 'taken in excess: ask the payer to reprocess and refund it' : 'less than expected: usually harmless, but check the base the payer used';
      out.push({
        code: 'co253-amount', ...tripletRange(model.tokens, adj),
        message: `CO-253 is ${observedRate} of the Medicare payment (${amountOnBase(check)}), but the rate for ${describeDate(check)} is ${formatRate(check.rate)}${period}: expected ${formatCents(check.expected)}, difference ${formatCents(check.difference)} ${direction}.`,
      });
    }
    return out;
  },
};
