import type { Finding } from '../x12/finding';
import type { Rule, RuleContext } from './types';

/** Every rule, in the order findings are reported. Each lives in its own file. */
export const ALL_RULES: readonly Rule[] = [];

/**
 * Runs every rule. A rule that throws on some input must not take the others down: its failure
 * becomes one finding on the first segment, so it is seen and reported, never silent.
 */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of ALL_RULES) {
    try {
      out.push(...rule.check(ctx));
    } catch (e) {
      out.push({ code: 'internal-error', start: 0, end: 0, severity: 'error', message: `Rule ${rule.id} failed on this file: ${(e as Error)?.message ?? e}. Please report it with a redacted sample (era835 redact).` });
    }
  }
  return out;
}
