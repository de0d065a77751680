import type { Settings } from '../settings';
import type { Finding } from '../x12/finding';
import type { Model } from '../x835/types';

/** What a rule sees: the model of one document and the user's settings. */
export interface RuleContext {
  readonly model: Model;
  readonly settings: Settings;
}

/**
 * A validation rule: one file each under `rules/`. `id` names the rule; the findings it returns carry
 * their own codes (a rule may emit several related codes, e.g. the envelope rule).
 */
export interface Rule {
  readonly id: string;
  check(ctx: RuleContext): Finding[];
  /**
   * Optional: the same findings as `check`, computed in steps so the language server stays responsive
   * on a 50 MB file. Yield every few thousand items (claims, segments); the caller pauses only when its
   * time slice is spent, so a yield costs next to nothing. Returns the findings.
   */
  checkInSlices?(ctx: RuleContext): Generator<void, Finding[], void>;
}
