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
}
