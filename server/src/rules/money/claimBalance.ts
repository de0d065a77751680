import { claimBalancing } from '../engine/claimPass';
import { steppedRule } from '../engine/shared';

/**
 * Claim balancing (005010X221A1): CLP03 charge - claim-level CAS - every line-level CAS = CLP04
 * payment, exactly, in cents. Applies with or without service lines (institutional claims often have
 * none: then only claim-level CAS count). Reversals (CLP02 22) are negated and balance the same way.
 * The finding points at CLP04, with every CAS that fed the sum as related information. The check is
 * `checkClaimBalance` in claimWalk.ts: one walk over the claims serves the three claim balancing rules.
 */
export const claimBalanceRule = steppedRule('claim-balance', function* (ctx) {
  return (yield* claimBalancing(ctx)).claimBalance.slice();
});
