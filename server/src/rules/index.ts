import type { Finding } from '../x12/finding';
import { claimBalanceRule } from './money/claimBalance';
import { elementsRule } from './elements/elements';
import { envelopeRule } from './envelope/envelope';
import { envelopeVersionRule } from './envelope/envelopeVersion';
import { isaFieldsRule } from './envelope/isaFields';
import { patientResponsibilityRule } from './money/patientResponsibility';
import { repeatsRule } from './elements/repeats';
import { requiredSegmentsRule } from './elements/requiredSegments';
import { serviceBalanceRule } from './money/serviceBalance';
import { transactionBalanceRule } from './money/transactionBalance';
import { adjustmentActionableRule } from './money/adjustmentActionable';
import { co253AmountRule } from './co253/co253Amount';
import { co253DuplicateRule } from './co253/co253Duplicate';
import { co253GroupRule } from './co253/co253Group';
import { co253NonMedicareRule } from './co253/co253NonMedicare';
import { co253ReversalRule } from './co253/co253Reversal';
import { co253SequestrationRule } from './co253/co253Sequestration';
import { co253SuspendedPeriodRule } from './co253/co253SuspendedPeriod';
import { co253UnknownRateRule } from './co253/co253UnknownRate';
import { drain, ruleContext, type Steps } from './engine/shared';
import type { Rule, RuleContext } from './engine/types';

/** Every rule, in the order findings are reported. Each lives in its own file. */
export const ALL_RULES: readonly Rule[] = [
  envelopeRule,
  isaFieldsRule,
  envelopeVersionRule,
  requiredSegmentsRule,
  repeatsRule,
  elementsRule,
  serviceBalanceRule,
  claimBalanceRule,
  patientResponsibilityRule,
  transactionBalanceRule,
  co253SequestrationRule,
  co253AmountRule,
  co253UnknownRateRule,
  co253SuspendedPeriodRule,
  co253NonMedicareRule,
  co253GroupRule,
  co253DuplicateRule,
  co253ReversalRule,
  adjustmentActionableRule,
];

/** Runs every rule at once (the analysis runs them in slices through `ruleSteps`, the same runner). */
export function runRules(context: RuleContext): Finding[] {
  // Facts several rules read are computed once per run: a context without its store gets one.
  const ctx = context.shared ? context : ruleContext(context.model, context.settings);
  const out: Finding[] = [];
  for (const rule of ALL_RULES) drain(ruleSteps(rule, ctx, out));
  return out;
}

/**
 * The one rule runner: runs `rule` into `out`, yielding between its slices (a rule without slices runs
 * in one), and returns what it found. A rule that throws on some input must not take the others down: its
 * failure becomes one finding on the first segment, so it is seen and reported, never silent.
 */
export function* ruleSteps(rule: Rule, ctx: RuleContext, out: Finding[]): Steps<readonly Finding[]> {
  try {
    const found = rule.checkInSlices ? yield* rule.checkInSlices(ctx) : rule.check(ctx);
    // A loop, not push(...): a 50 MB file can yield more findings than a call may take arguments.
    for (const f of found) out.push(f);
    return found;
  } catch (e) {
    const failure = ruleFailure(rule, e);
    out.push(failure);
    return [failure];
  }
}

/** The finding that says a rule threw on this file (one, on the first character, so it is seen). */
export function ruleFailure(rule: Rule, e: unknown): Finding {
  return {
    code: 'internal-error',
    start: 0,
    end: 0,
    severity: 'error',
    message: `Rule ${rule.id} failed on this file: ${(e as Error)?.message ?? e}. Please report it with a redacted sample (era835 redact).`,
  };
}
