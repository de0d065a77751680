import type { Settings } from '../../settings';
import type { Finding } from '../../x12/finding';
import type { Model } from '../../x835/types';
import type { Rule, RuleContext } from './types';

/**
 * Work in steps, and facts shared by the rules of one run.
 *
 * A rule that is linear in the file is written once, as a generator that yields between chunks of
 * claims or segments (`steppedRule`): the command line and the tests drain it at once (`check`), the
 * language server resumes it between requests (`checkInSlices`). The findings are the same by
 * construction. Keep the per-item work in plain functions called per chunk: V8 optimises those fully,
 * while a loop inside a generator body stays in its slower tiers.
 */

/** A computation that yields between chunks of work and returns a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Chunk sizes: each chunk takes well under a millisecond on a 50 MB file. */
export const SEGMENTS_PER_STEP = 4096;
export const CLAIMS_PER_STEP = 1024;
export const ADJUSTMENTS_PER_STEP = 4096;
/** Interchanges, groups or transaction sets: each is a handful of checks (a transaction's also sums its claims). */
export const ENVELOPES_PER_STEP = 64;

/** Runs steps to the end, without pausing. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Calls `work(from, to)` on consecutive chunks of `0..count`, yielding between chunks. */
export function* inSteps(count: number, perStep: number, work: (from: number, to: number) => void): Steps<void> {
  for (let from = 0; from < count; from += perStep) {
    if (from > 0) yield;
    work(from, Math.min(count, from + perStep));
  }
}

/** Calls `visit` on every item, in chunks of `perStep`, yielding between chunks. */
export function eachInSteps<T>(items: readonly T[], perStep: number, visit: (item: T) => void): Steps<void> {
  return inSteps(items.length, perStep, (from, to) => {
    for (let i = from; i < to; i++) visit(items[i]);
  });
}

/** A rule whose `check` and `checkInSlices` are the same generator, drained or resumed. */
export function steppedRule(id: string, steps: (ctx: RuleContext) => Steps<Finding[]>): Rule {
  return { id, check: (ctx) => drain(steps(ctx)), checkInSlices: steps };
}

/** A fact several rules read: its name (for debugging) and how to compute it, in steps. */
export interface Fact<T> {
  readonly name: string;
  compute(ctx: RuleContext): Steps<T>;
}

/**
 * The facts of one run, each computed once by the first rule that asks. One store per run (made by
 * `ruleContext`), never a module-level cache: a new document version or new settings mean a new run.
 */
export class SharedFacts {
  private readonly values = new Map<Fact<unknown>, unknown>();

  *get<T>(fact: Fact<T>, ctx: RuleContext): Steps<T> {
    if (this.values.has(fact)) return this.values.get(fact) as T;
    const value = yield* fact.compute(ctx);
    this.values.set(fact, value);
    return value;
  }

  /** The value of `fact` if a rule of this run computed it (or `put` gave it), without computing it. */
  peek<T>(fact: Fact<T>): T | undefined {
    return this.values.get(fact) as T | undefined;
  }

  /**
   * Gives `fact` its value for this run before any rule asks: the incremental analysis passes the facts
   * it spliced from kept per-claim parts, so the rules that read them do not walk the whole file again.
   */
  put<T>(fact: Fact<T>, value: T): void {
    this.values.set(fact, value);
  }
}

/** The value of `fact` for this run, computed now (in steps) if no rule asked for it before. */
export function shared<T>(ctx: RuleContext, fact: Fact<T>): Steps<T> {
  return ctx.shared ? ctx.shared.get(fact, ctx) : fact.compute(ctx);
}

/** A rule context for one run, with its own store of shared facts. */
export function ruleContext(model: Model, settings: Settings): RuleContext {
  return { model, settings, shared: new SharedFacts() };
}
