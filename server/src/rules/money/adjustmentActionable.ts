import { actionableFindings } from '../engine/claimPass';
import { steppedRule } from '../engine/shared';

/**
 * The analyst's worklist: one Information finding per CAS triplet whose reason usually needs work
 * (a denial, missing information). The message starts with group-reason and amount so a list of them
 * reads like a worklist (actionableFinding.ts). Reversals (CLP02 = 22) are skipped: they undo an earlier
 * payment, and the corrected claim that follows carries the adjustments to work. The triplets are
 * found by the walk over every claim (claimPass.ts), which makes an object only of a triplet whose
 * reason is of the denial category, on a claim that is not a reversal.
 */
export const adjustmentActionableRule = steppedRule('adjustment-actionable', function* (ctx) {
  return (yield* actionableFindings(ctx)).slice();
});
