import { claimBalancing } from '../engine/claimPass';
import { steppedRule } from '../engine/shared';

/**
 * CLP05 patient responsibility = the sum of PR-group adjustments of the claim, claim level and line
 * level together, exactly in cents. An absent CLP05 counts as 0 (the guide sends it only when there is
 * a patient share). The finding points at CLP05 with every PR adjustment as related information. The
 * check is `checkPatientResponsibility` in claimWalk.ts: one walk over the claims serves the three
 * claim balancing rules.
 */
export const patientResponsibilityRule = steppedRule('patient-responsibility', function* (ctx) {
  return (yield* claimBalancing(ctx)).patientResponsibility.slice();
});
