import { sequestrationFacts } from '../engine/claimPass';
import type { UnknownRate } from './co253UnknownRateCheck';
import type { Steps } from '../engine/shared';
import type { RuleContext } from '../engine/types';

export { UNKNOWN_RATE_MIN, type UnknownRate } from './co253UnknownRateCheck';

/**
 * The unknown rate every judged CO-253 of this run agrees on, if any: decided once by the claim pass
 * at the end of its walk (co253Facts.ts, with `unknownRateAmong`), since it turns the verdicts of every
 * off-rate CO-253 from recoverable into "the table is out of date".
 */
export function* unknownRateOf(ctx: RuleContext): Steps<UnknownRate | undefined> {
  return (yield* sequestrationFacts(ctx)).unknownRate;
}
