import type { Finding } from '../x12/finding';
import { payerKind } from '../x835/payerType';
import { formatCents } from '../x835/values';
import { sequestrationTriplets, tripletRange } from './co253Common';
import type { Rule } from './types';

/**
 * Reason 253 under a group other than CO. PR moves the cut to the patient, which Medicare does not allow
 * (the provider absorbs sequestration); OA, PI and the retired CR hide it from contractual posting.
 */
export const co253GroupRule: Rule = {
  id: 'co253-group',
  check({ model }) {
    const out: Finding[] = [];
    for (const adj of sequestrationTriplets(model)) {
      const group = adj.group.trim().toUpperCase();
      if (group === 'CO') continue;
      const amount = formatCents(adj.amount);
      const payer = payerKind(adj.claim) === 'medicare-ffs' ? 'Medicare does not allow it' : 'sequestration is the provider\'s write-off, never the patient\'s';
      const message = group === 'PR'
        ? `PR-253: sequestration of ${amount} pushed to the patient. ${payer}: do not bill the patient; ask the payer to correct the group to CO.`
        : `${group || '(no group)'}-253: sequestration of ${amount} under group ${group || '(empty)'}; it belongs under CO (contractual obligation). Post it as a contractual adjustment and ask the payer to correct the group.`;
      out.push({ code: 'co253-group', ...tripletRange(model.tokens, adj), message });
    }
    return out;
  },
};
