import { sequestrationFacts } from '../engine/claimPass';
import { steppedRule } from '../engine/shared';

/**
 * The reassuring half of the product: each CO-253 on a Medicare fee-for-service claim that matches the
 * rate in force for its date (within a cent) is said to be expected and not actionable. A CO-253 with no
 * date to check against is still Medicare sequestration, said with that caveat. The words are in
 * co253ExpectedFinding.ts: the pass that judges every CO-253 once (co253Facts.ts) makes them as it goes.
 */
export const co253SequestrationRule = steppedRule('co253-sequestration', function* (ctx) {
  const { expected } = yield* sequestrationFacts(ctx);
  return expected.slice();
});
