import { formatPeriod } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import { formatCents } from '../x835/values';
import { describeDate, describeSource, medicareSequestrations, tripletRange } from './co253Common';
import type { Rule } from './types';

/**
 * A CO-253 on a Medicare fee-for-service claim whose date falls where no sequestration was in force:
 * the suspension (2020-05-01 .. 2022-03-31), before it began (2013-04-01), or a gap in a user's table.
 * Medicare should have taken nothing: the whole amount is recoverable.
 */
export const co253SuspendedPeriodRule: Rule = {
  id: 'co253-suspended-period',
  check({ model, settings }) {
    const out: Finding[] = [];
    for (const { adj, check } of medicareSequestrations(model, settings)) {
      const lookup = check.lookup;
      if (!check.date || lookup.status === 'in-force') continue;
      const amount = formatCents(check.observed);
      const ask = `Medicare should not have taken it: ask the payer to reprocess and pay back ${amount}.`;
      let why: string;
      if (lookup.status === 'suspended') why = `sequestration was suspended for ${formatPeriod(lookup.period)} (${describeSource(lookup)})`;
      else if (lookup.status === 'before') why = `sequestration only applies from ${lookup.source === 'table' ? '2013-04-01 (Budget Control Act of 2011)' : `the first period of ${describeSource(lookup)}`}`;
      else why = `no period of ${describeSource(lookup)} covers it`;
      out.push({ code: 'co253-suspended-period', ...tripletRange(model.tokens, adj), message: `CO-253 of ${amount} for ${describeDate(check)}, but ${why}. ${ask}` });
    }
    return out;
  },
};
