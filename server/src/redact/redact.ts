import { tokenize, type SegmentTable } from '../x12/tokenizer';
import { buildModel } from '../x835/builder';
import type { Model } from '../x835/types';
import { FakeValues } from './fake';
import { mayQuoteValues, targetsOf, type Target } from './policy';

/**
 * Redaction for sharing: the 835 with patient and subscriber names and identifiers, claim numbers, bank
 * accounts and anything unrecognised replaced by consistent fakes (policy.ts says what and why). Every
 * fake has the original's length and shape, so structure, delimiters, amounts, codes, balancing and every
 * finding (codes and ranges) stay exactly as they were: a redacted sample reproduces the problem.
 */

export interface RedactOptions {
  /**
   * Key of the fakes. The same salt gives the same fakes across runs and files (redact a set of files
   * consistently); the default is random per call, so nobody can check a guess against the output.
   */
  readonly salt?: string;
}

export type RedactResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** How many element values (and pieces of unreadable text) were replaced. */
      readonly replaced: number;
      /** How many distinct original values they held. */
      readonly distinct: number;
    }
  | { readonly ok: false; readonly message: string };

interface Span {
  readonly start: number;
  readonly end: number;
}

export function redact(text: string, options: RedactOptions = {}): RedactResult {
  return redactModel(buildModel(tokenize(text)), options);
}

/** Redacts an already analysed document (the language server's cached model: no second parse). */
export function redactModel(model: Model, options: RedactOptions = {}): RedactResult {
  const steps = redactSteps(model, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `redactModel`, resumable: yields after each small step of work (a few thousand segments, or 64 K
 * characters of one long value), so the language server answers other requests between slices and
 * stops when the request is cancelled (by not resuming). The whole is linear in the text's length.
 */
export function* redactSteps(model: Model, options: RedactOptions = {}): Generator<void, RedactResult, void> {
  const t = model.tokens;
  const text = t.text;
  if (t.count === 0) {
    return { ok: false, message: 'not an X12 file: no segment could be read (an 835 starts with ISA), so nothing was redacted' };
  }
  const { spans, targeted } = yield* policySpans(model);
  const originals = new Set<string>();
  for (const s of spans) originals.add(text.slice(s.start, s.end));
  const quoted = yield* sweepSpans(t, targeted, originals);
  const fakes = new FakeValues(options.salt, originals, delimiterChars(t));

  const edits: Array<Span & { text: string }> = [];
  const replacedValues = new Set<string>();
  let n = 0;
  for (const list of [spans, quoted, gapSpans(t)]) {
    for (const s of list) {
      const value = text.slice(s.start, s.end);
      // Most values repeat (a patient on every line): the cached fake costs no generator.
      const fake = fakes.cached(value) ?? (yield* fakes.fakeSteps(value));
      if ((++n & (SPANS_PER_STEP - 1)) === 0) yield;
      if (fake === value) continue;
      edits.push({ ...s, text: fake });
      replacedValues.add(value);
    }
  }

  edits.sort((a, b) => a.start - b.start);
  yield;
  const out: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    // Spans are disjoint by construction; were two ever to overlap, the later one still applies to what
    // the earlier left (fakes have the original's length, so the offsets line up): nothing slips through.
    if (e.end <= cursor) continue;
    out.push(text.slice(cursor, Math.max(cursor, e.start)), e.text.slice(Math.max(0, cursor - e.start)));
    cursor = e.end;
  }
  out.push(text.slice(cursor));
  return { ok: true, text: out.join(''), replaced: edits.length, distinct: replacedValues.size };
}

// Work between two yields: each well under a millisecond.
const SEGMENTS_PER_STEP = 4096;
const SPANS_PER_STEP = 1024;

/** Offsets of component c (0-based) of element k of segment i, or undefined when it is absent. */
function componentSpan(t: SegmentTable, i: number, k: number, c: number): Span | undefined {
  const sep = t.delimitersOf(i).component.charCodeAt(0);
  const end = t.elementEndOffset(i, k);
  // Scan only inside the element: a separator search that ran on to the rest of the file would make
  // the whole pass quadratic on files with few composites.
  let start = t.elementStartOffset(i, k);
  for (let n = 0; n < c; n++) {
    while (start < end && t.text.charCodeAt(start) !== sep) start++;
    if (start >= end) return undefined;
    start++;
  }
  let stop = start;
  while (stop < end && t.text.charCodeAt(stop) !== sep) stop++;
  return { start, end: stop };
}

function spanOf(t: SegmentTable, i: number, target: Target): Span | undefined {
  if (target.k >= t.elementCount(i)) return undefined;
  const s =
    target.c === undefined
      ? { start: t.elementStartOffset(i, target.k), end: t.elementEndOffset(i, target.k) }
      : componentSpan(t, i, target.k, target.c);
  return s && s.end > s.start ? s : undefined;
}

/** What the policy replaces, and which elements it already covers (the sweep skips those). */
function* policySpans(model: Model): Generator<void, { spans: Span[]; targeted: Set<number> }, void> {
  const t = model.tokens;
  const spans: Span[] = [];
  const targeted = new Set<number>(); // element start offsets
  for (let i = 0; i < t.count; i++) {
    if (i % SEGMENTS_PER_STEP === SEGMENTS_PER_STEP - 1) yield;
    for (const target of targetsOf(model, i, t.elementCount(i))) {
      const s = spanOf(t, i, target);
      if (!s) continue;
      spans.push(s);
      targeted.add(t.elementStartOffset(i, target.k));
    }
  }
  return { spans, targeted };
}

/** Other free-text elements (and components) whose whole value is one of the replaced values. */
function* sweepSpans(t: SegmentTable, targeted: ReadonlySet<number>, originals: ReadonlySet<string>): Generator<void, Span[], void> {
  const out: Span[] = [];
  if (!originals.size) return out;
  let shortest = Infinity;
  let longest = 0;
  for (const v of originals) {
    shortest = Math.min(shortest, v.length);
    longest = Math.max(longest, v.length);
  }
  const candidate = (s: Span) => {
    const n = s.end - s.start;
    return n >= shortest && n <= longest && originals.has(t.text.slice(s.start, s.end));
  };
  for (let i = 0; i < t.count; i++) {
    if (i % SEGMENTS_PER_STEP === SEGMENTS_PER_STEP - 1) yield;
    const id = t.id(i);
    const count = t.elementCount(i);
    for (let k = 1; k < count; k++) {
      if (targeted.has(t.elementStartOffset(i, k))) continue;
      const whole = { start: t.elementStartOffset(i, k), end: t.elementEndOffset(i, k) };
      if (whole.end === whole.start) continue;
      if (mayQuoteValues(id, k, undefined)) {
        if (candidate(whole)) out.push(whole);
        continue;
      }
      for (let c = 0; c < 8; c++) {
        const s = componentSpan(t, i, k, c);
        if (!s) break;
        if (s.end > s.start && mayQuoteValues(id, k, c) && candidate(s)) out.push(s);
      }
    }
  }
  return out;
}

/**
 * Text outside every segment: junk before an ISA, or a whole interchange whose ISA cannot be read. It is
 * replaced too (it may be anything), except the "ISA" where the tokenizer tried to read an envelope, so
 * the file still reads, and reports, exactly as before.
 */
function gapSpans(t: SegmentTable): Span[] {
  const text = t.text;
  const keepIsa = t.findings
    .filter((f) => f.code === 'isa-invalid' && text.startsWith('ISA', f.start))
    .map((f) => f.start)
    .sort((a, b) => a - b);
  const out: Span[] = [];
  let next = 0; // the first kept "ISA" not yet passed
  const gap = (start: number, end: number) => {
    let from = start;
    while (next < keepIsa.length && keepIsa[next] < start) next++;
    for (; next < keepIsa.length && keepIsa[next] + 3 <= end; next++) {
      if (keepIsa[next] > from) out.push({ start: from, end: keepIsa[next] });
      from = keepIsa[next] + 3;
    }
    if (end > from) out.push({ start: from, end });
  };
  let cursor = 0;
  for (let i = 0; i < t.count; i++) {
    if (t.segStart[i] > cursor) gap(cursor, t.segStart[i]);
    cursor = Math.max(cursor, t.segEnd[i]);
  }
  if (text.length > cursor) gap(cursor, text.length);
  return out;
}

/** Every delimiter of every interchange: never replaced, never produced. */
function delimiterChars(t: SegmentTable): Set<string> {
  const keep = new Set<string>();
  // An unreadable ISA's would-be element separator too: the tokenizer counts it to explain the failure.
  for (const f of t.findings)
    if (f.code === 'isa-invalid' && t.text.startsWith('ISA', f.start) && f.start + 3 < t.text.length) keep.add(t.text[f.start + 3]);
  for (const s of t.spans) {
    for (const d of [s.delimiters.element, s.delimiters.component, s.delimiters.segment, s.delimiters.repetition]) if (d) keep.add(d);
  }
  return keep;
}
