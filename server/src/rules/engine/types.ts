import type { Settings } from '../../settings';
import type { Finding } from '../../x12/finding';
import type { Model } from '../../x835/types';
import type { SharedFacts } from './shared';

/** What a rule sees: the model of one document, the user's settings, and the facts of this run. */
export interface RuleContext {
  readonly model: Model;
  readonly settings: Settings;
  /**
   * Facts several rules read (e.g. every Medicare sequestration check), computed once per run by the
   * first rule that asks: see `shared.ts`. `ruleContext()` makes one; when it is absent (a rule run
   * alone, as in unit tests) each rule computes the facts it needs for itself.
   */
  readonly shared?: SharedFacts;
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
   * time slice is spent, so a yield costs next to nothing. Returns the findings. `steppedRule` (shared.ts)
   * makes both from one generator, so they cannot disagree.
   */
  checkInSlices?(ctx: RuleContext): Generator<void, Finding[], void>;
}
