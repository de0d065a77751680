import { rateFor, type RateLookup } from '../codes/sequestration';
import type { Settings } from '../settings';
import type { SegmentTable } from '../x12/tokenizer';
import { parseDateAt } from './values';
import type { Adjustment } from './types';

/**
 * The arithmetic behind every sequestration check and hover: which date decides the rate, what the
 * rate was, and how far the reported amount is from `round(rate x (paid + sequestration))`.
 */

/** The DTM qualifier the deciding date came from: line 472 / 150, claim 232 / 233. */
export type DateSource = '472' | '150' | '232' | '233';

export interface DecidingDate {
  /** CCYYMMDD as a number (20240226). */
  readonly date: number;
  readonly source: DateSource;
}

/** One cent per line (or per claim for a claim-level amount): CMS rounds unrounded internal amounts. */
export const TOLERANCE_CENTS = 1;

/**
 * The date whose rate applies. Line level: DTM*472, else DTM*150 (period start; DME rentals use the rental
 * start), else the claim's DTM*232. Claim level (Part A inpatient): the through/discharge date DTM*233,
 * else DTM*232. `tokens` lets a line tell 472 from 150 exactly; without it, a line with an end date
 * (DTM*151) is taken to carry a 150/151 period.
 */
export function decidingDate(adj: Adjustment, tokens?: SegmentTable): DecidingDate | undefined {
  const claim = adj.claim;
  const line = adj.level === 'line' ? adj.line : undefined;
  const date = decidingDay(line !== undefined, line?.serviceDate ?? 0, claim.statementFrom ?? 0, claim.statementTo ?? 0);
  if (date === 0) return undefined;
  if (line)
    return { date, source: date === line.serviceDate ? lineDateSource(line.seg, line.lastSeg, date, line.serviceDateEnd, tokens) : '232' };
  return { date, source: date === claim.statementTo ? '233' : '232' };
}

/**
 * The rule of `decidingDate` on bare numbers (0: no such date), for the rules that judge every triplet
 * from the model's columns: the line's service date, else the claim's statement start; at claim level
 * the statement end, else its start.
 */
export function decidingDay(lineLevel: boolean, serviceDate: number, statementFrom: number, statementTo: number): number {
  return lineLevel ? serviceDate || statementFrom : statementTo || statementFrom;
}

function lineDateSource(first: number, last: number, date: number, end: number | undefined, tokens?: SegmentTable): DateSource {
  if (!tokens) return end === undefined ? '472' : '150';
  for (let s = first + 1; s <= last && s < tokens.count; s++) {
    if (isDtm472(tokens, s) && dateOfElement2(tokens, s) === date) return '472';
  }
  return '150';
}

/** `tokens.id(s) === 'DTM' && tokens.element(s, 1) === '472'`, read from the text without substrings. */
function isDtm472(t: SegmentTable, s: number): boolean {
  if (t.elementCount(s) < 2) return false;
  const text = t.text;
  const id = t.segStart[s];
  if (
    t.elementEndOffset(s, 0) - id !== 3 ||
    text.charCodeAt(id) !== 68 /* D */ ||
    text.charCodeAt(id + 1) !== 84 /* T */ ||
    text.charCodeAt(id + 2) !== 77 /* M */
  )
    return false;
  const q = t.elementStartOffset(s, 1);
  return (
    t.elementEndOffset(s, 1) - q === 3 &&
    text.charCodeAt(q) === 52 /* 4 */ &&
    text.charCodeAt(q + 1) === 55 /* 7 */ &&
    text.charCodeAt(q + 2) === 50
  ); /* 2 */
}

/** `parseDate(tokens.element(s, 2))` without the substring. */
function dateOfElement2(t: SegmentTable, s: number): number | undefined {
  if (t.elementCount(s) < 3) return undefined;
  return parseDateAt(t.text, t.elementStartOffset(s, 2), t.elementEndOffset(s, 2));
}

/** Everything the checks and the hover say about one sequestration-like triplet (253, or 223 in 2013). */
export interface SequestrationCheck {
  /** Undefined when neither the line nor the claim carries a usable date. */
  readonly date?: DecidingDate;
  readonly lookup: RateLookup;
  /** The rate in force for `date` (0 when suspended, before 2013-04-01 or unknown). */
  readonly rate: number;
  /** SVC03 for a line-level triplet, CLP04 for a claim-level one (cents). */
  readonly paid: number;
  /** The amount reported: every triplet with this group and reason at the same level (cents). */
  readonly observed: number;
  /** The Medicare payment before the cut: paid + observed (cents). */
  readonly base: number;
  /** round(rate x base), half away from zero so reversals mirror originals (cents). */
  readonly expected: number;
  /** observed / base; NaN when base is 0. */
  readonly observedRate: number;
  /** observed - expected (cents). */
  readonly difference: number;
  readonly withinTolerance: boolean;
}

/** The rate in force on a date: `rateFor` with the user's settings, or a memo of it (see `expectedSequestration`). */
export type RateOf = (date: number | undefined) => RateLookup;

/**
 * The expected sequestration for the triplet's line (or claim, at claim level), compared with what was
 * reported. Undefined when an amount involved is unreadable (another rule reports the bad number).
 * `rateOf` replaces `rateFor(date, settings)`: the rules pass a memo so each distinct date is looked
 * up once per run.
 */
export function expectedSequestration(
  adj: Adjustment,
  settings?: Settings,
  tokens?: SegmentTable,
  rateOf?: RateOf,
): SequestrationCheck | undefined {
  return sequestrationWith(adj, reportedAmount(adj), settings, tokens, rateOf);
}

/** The amount reported for the triplet's group and reason at its level: every such triplet of its line (or claim). */
export function reportedAmount(adj: Adjustment): number {
  const owner = adj.level === 'line' && adj.line ? adj.line : adj.claim;
  const list = owner.adjustments;
  let observed = 0;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a.group === adj.group && a.reason === adj.reason) observed += a.amount;
  }
  return observed;
}

/** `expectedSequestration` when the reported amount (`reportedAmount`) is already known. */
export function sequestrationWith(
  adj: Adjustment,
  observed: number,
  settings?: Settings,
  tokens?: SegmentTable,
  rateOf?: RateOf,
): SequestrationCheck | undefined {
  const owner = adj.level === 'line' && adj.line ? adj.line : adj.claim;
  const paid = owner.paid;
  if (!Number.isFinite(paid) || !Number.isFinite(observed)) return undefined;
  const date = decidingDate(adj, tokens);
  const lookup = rateOf ? rateOf(date?.date) : rateFor(date?.date, settings);
  const base = paid + observed;
  const expected = applyRate(lookup.rate, base);
  const difference = observed - expected;
  return {
    date,
    lookup,
    rate: lookup.rate,
    paid,
    observed,
    base,
    expected,
    observedRate: base === 0 ? NaN : observed / base,
    difference,
    withinTolerance: Math.abs(difference) <= TOLERANCE_CENTS,
  };
}

/**
 * rate x cents, rounded half up on the cent (half away from zero for negative reversal amounts).
 * The rate is taken in millionths so the product is an exact integer: 0.02 x 2525 is exactly 50.5 -> 51.
 */
export function applyRate(rate: number, cents: number): number {
  const ppm = Math.round(rate * 1_000_000);
  const abs = Math.abs(cents) * ppm;
  const rounded = Math.floor((abs + 500_000) / 1_000_000);
  return cents < 0 && rounded !== 0 ? -rounded : rounded;
}
