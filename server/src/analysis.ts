import { ALL_RULES, ruleSteps } from './rules';
import { verdictsOf } from './rules/engine/claimPass';
import { drain, ruleContext } from './rules/engine/shared';
import type { RuleContext } from './rules/engine/types';
import type { Settings } from './settings';
import type { Finding } from './x12/finding';
import { LineIndex } from './x12/lineIndex';
import { Tokenizer, type SegmentTable } from './x12/tokenizer';
import { ModelBuilder } from './x835/builder';
import type { Model } from './x835/types';
import type { Verdicts } from './x835/verdicts';

/**
 * Everything known about one version of one document: computed once, read by every feature.
 * The CLI and the language server both go through `analyze`, so they always agree.
 */
export interface Analysis {
  readonly text: string;
  readonly tokens: SegmentTable;
  readonly lines: LineIndex;
  readonly model: Model;
  /** Syntax, structure and rule findings, in that order. */
  readonly findings: readonly Finding[];
  /**
   * What an edit's re-analysis starts from (incremental/reanalyse.ts): each rule's findings apart, and
   * the run's shared facts (the claim pass's per-claim parts). Absent when a rule failed.
   */
  readonly parts?: AnalysisParts;
  /**
   * Every CAS triplet's verdict (x835/verdicts.ts), judged once by the rules' claim pass: what every
   * view reads (`verdicts.at(row)`, `verdicts.totals()`...) instead of judging again.
   */
  readonly verdicts: Verdicts;
}

/** The pieces `findings` is made of, kept so an edit can replace only the ones it touched. */
export interface AnalysisParts {
  readonly settings: Settings;
  /** The rule context of the run (its shared facts). */
  readonly ctx: RuleContext;
  /**
   * Where each source's findings start in `findings`: the tokenizer's at 0, the model's at [1], rule r's
   * (in `ALL_RULES` order) at [2 + r]; the last entry is the length.
   */
  readonly partStarts: readonly number[];
}

/** Analyses the whole text at once (the command line, tests, small documents). */
export function analyze(text: string, settings: Settings, lineStarts?: Int32Array): Analysis {
  const steps = analysisSteps(text, settings, NEVER, lineStarts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same analysis, resumable: the generator yields whenever about `sliceMs` of work has been done,
 * and the caller resumes it (`next()`) when it likes, e.g. after `setImmediate` so that requests are
 * answered between slices, or never, to cancel. The result is exactly `analyze`'s.
 */
export function analyzeInSlices(text: string, settings: Settings, sliceMs = 25, lineStarts?: Int32Array): Generator<void, Analysis, void> {
  return analysisSteps(text, settings, new SliceClock(sliceMs), lineStarts);
}

/** Tells the analysis when its time slice is spent. */
interface Clock {
  due(): boolean;
  restart(): void;
}

const NEVER: Clock = { due: () => false, restart: () => undefined };

class SliceClock implements Clock {
  private deadline: number;
  constructor(private readonly sliceMs: number) {
    this.deadline = performance.now() + sliceMs;
  }
  due(): boolean {
    return performance.now() >= this.deadline;
  }
  restart(): void {
    this.deadline = performance.now() + this.sliceMs;
  }
}

// Work between two looks at the clock: each takes well under a millisecond.
const CHARS_PER_STEP = 1 << 18;
const SEGMENTS_PER_STEP = 1 << 13;

/**
 * `lineStarts`: the line starts of `text` when the caller already has them (the editor's synced document):
 * the analysis keeps them as its line index instead of counting the lines again.
 */
function* analysisSteps(text: string, settings: Settings, clock: Clock, lineStarts?: Int32Array): Generator<void, Analysis, void> {
  const tokenizer = new Tokenizer(text);
  while (!tokenizer.step(CHARS_PER_STEP)) yield* pause(clock);
  const tokens = tokenizer.finish();
  const builder = new ModelBuilder(tokens);
  while (!builder.step(SEGMENTS_PER_STEP)) yield* pause(clock);
  const model = builder.finish();
  // One context per run: facts several rules read (the sequestration checks...) are computed once.
  const ctx = ruleContext(model, settings);
  // Syntax, structure, then rule findings: one list, filled once (a 50 MB file has 190,000 findings).
  const findings: Finding[] = tokens.findings.concat(model.findings);
  const partStarts = [0, tokens.findings.length];
  let failed = false;
  for (const rule of ALL_RULES) {
    yield* pause(clock);
    partStarts.push(findings.length);
    const steps = ruleSteps(rule, ctx, findings);
    let r = steps.next();
    for (; !r.done; r = steps.next()) yield* pause(clock);
    const found = r.value;
    if (found.length === 1 && found[0].code === 'internal-error') failed = true;
  }
  partStarts.push(findings.length);
  // The claim pass ran with the rules (a shared fact of this run): this only reads its result.
  const verdicts = drain(verdictsOf(ctx));
  // Counting the lines of a 50 MB multi-line file takes some 40 ms: a slice of its own (none when the
  // editor's document handed its line starts over).
  yield* pause(clock, true);
  const lines = new LineIndex(text, lineStarts);
  yield* pause(clock);
  return { text, tokens, lines, model, findings, verdicts, parts: failed ? undefined : { settings, ctx, partStarts } };
}

/** Yields when the slice is spent, or (`now`) whenever slicing at all, before a long indivisible step. */
function* pause(clock: Clock, now = false): Generator<void, void, void> {
  if (!clock.due() && !(now && clock !== NEVER)) return;
  yield;
  clock.restart();
}
