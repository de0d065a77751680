import { claimBalancing } from '../engine/claimPass';
import { steppedRule } from '../engine/shared';

/**
 * Service line balancing (005010X221A1): SVC02 charge - every line-level CAS amount = SVC03 payment,
 * exactly, in cents. Reversals (CLP02 22) carry negated amounts and balance the same way. A claim
 * without service lines has nothing to check here (claim-balance covers it). The check is
 * `checkServiceLine` in claimWalk.ts: one walk over the claims (claimPass.ts) serves the three claim balancing rules.
 */
export const serviceBalanceRule = steppedRule('service-balance', function* (ctx) {
  return (yield* claimBalancing(ctx)).serviceBalance.slice();
});
