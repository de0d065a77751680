import { formatRate } from '../codes/sequestration';
import type { Finding } from '../x12/finding';
import { payerKind } from '../x835/payerType';
import { expectedSequestration } from '../x835/sequestrationCheck';
import { formatCents } from '../x835/values';
import { sequestrationTriplets, tripletRange } from './co253Common';
import type { Rule } from './types';

/**
 * Sequestration (reason 253) on a claim that is not Medicare fee-for-service (CLP06 other than MA/MB).
 * Commercial, Medicaid and other payers have no statutory basis for it: a Warning. A Medicare Advantage
 * plan (see `payerKind`) may pass the federal cut on by contract: the same code as Information.
 */
export const co253NonMedicareRule: Rule = {
  id: 'co253-non-medicare',
  check({ model, settings }) {
    const out: Finding[] = [];
    for (const adj of sequestrationTriplets(model)) {
      const kind = payerKind(adj.claim);
      if (kind === 'medicare-ffs') continue;
      const check = expectedSequestration(adj, settings, model.tokens);
      const share = check && Number.isFinite(check.observedRate) ? ` (${formatRate(check.observedRate)} of ${formatCents(check.base)})` : '';
      const what = `${adj.group}-253 of ${formatCents(adj.amount)}${share} on a claim filed as CLP06 "${adj.claim.filingIndicator}"`;
      if (kind === 'medicare-advantage') {
        out.push({
          code: 'co253-non-medicare', ...tripletRange(model.tokens, adj), severity: 'information',
          message: `${what}, a Medicare Advantage plan: the plan passes the federal sequestration cut on only if its contract with you says so. Check the contract (and its rate); if it allows it, post as a contractual adjustment.`,
        });
      } else {
        out.push({
          code: 'co253-non-medicare', ...tripletRange(model.tokens, adj),
          message: `${what}, not Medicare fee-for-service (MA or MB): sequestration is a Medicare cut, and this payer has no law behind it. Check the contract; if it does not allow it, appeal for ${formatCents(adj.amount)}.`,
        });
      }
    }
    return out;
  },
};
