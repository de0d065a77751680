import { activePeriods, formatRate, rateFor, type RateLookup } from '../codes/sequestration';
import type { SequestrationPeriod, Settings } from '../settings';
import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { applyRate, sequestrationWith, type RateOf, type SequestrationCheck } from '../x835/sequestrationCheck';
import { payerKind, type PayerKind } from '../x835/payerType';
import type { Adjustment, Claim, Model } from '../x835/types';
import { formatCents, formatDate } from '../x835/values';
import { elementsRange, type Range } from './ranges';
import { ADJUSTMENTS_PER_STEP, drain, inSteps, shared, type Fact, type Steps } from './shared';
import type { RuleContext } from './types';

/**
 * What the co253-* rules share: which triplets they look at, where their findings go, and the one
 * file-wide question "does every CO-253 apply one rate our table does not know?". The triplets, their
 * Medicare checks and that answer are facts of the run (`shared.ts`): computed once, read by seven rules.
 */

/** A CO-253 finding covers the reason (`253`) and its amount. */
export function tripletRange(t: SegmentTable, adj: Adjustment): Range {
  return elementsRange(t, adj.seg, adj.reasonElem, adj.reasonElem + 1);
}

/** `reason.trim() === '253'`; a 3-character reason needs no trimming (this runs for every triplet). */
function isReason253(reason: string): boolean {
  return reason.length === 3 ? reason === '253' : reason.length > 3 && reason.trim() === '253';
}

/**
 * For a reason-253 triplet with a non-zero amount: whether it is worth a word, and the amount reported.
 * Only the first non-zero triplet of a group at its level counts, since the arithmetic already sums
 * repeats (`CAS*CO*253*1*...*253*1`); the amount is every triplet of that group and reason at that level
 * (`reportedAmount`). One walk over the line's (or claim's) triplets answers both: undefined when `adj`
 * is not the first of its kind.
 */
function firstOfItsKindReported(adj: Adjustment): number | undefined {
  const owner = adj.level === 'line' && adj.line ? adj.line : adj.claim;
  const list = owner.adjustments;
  let observed = 0;
  let first = true;
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a.group !== adj.group || a.reason !== adj.reason) continue;
    if (first && a.amount !== 0) {
      // Triplets are objects made on request (x835/records.ts): the same triplet is the same segment and position.
      if (a.seg !== adj.seg || a.triplet !== adj.triplet) return undefined;
      first = false;
    }
    observed += a.amount;
  }
  return first ? undefined : observed;
}

export const isCo = (a: Adjustment) => a.group.trim().toUpperCase() === 'CO';

/** A CO-253 on a Medicare fee-for-service claim with readable amounts, and its arithmetic. */
export interface MedicareSequestration {
  readonly adj: Adjustment;
  readonly check: SequestrationCheck;
}

/**
 * What the co253-* rules read, for one run: every triplet judged once and sorted by what is to be said
 * of it. Each list keeps document order.
 */
export interface SequestrationFacts {
  /** Every reason-253 triplet worth a word (`firstOfItsKindReported`). */
  readonly triplets: readonly Adjustment[];
  /** Triplets under a group other than CO. */
  readonly notCo: readonly Adjustment[];
  /** Claim-level CO-253s. */
  readonly claimLevelCo: readonly Adjustment[];
  /** Triplets on claims that are not Medicare fee-for-service. */
  readonly notMedicareFfs: readonly Adjustment[];
  /**
   * The co253-sequestration findings: what is said of each CO-253 the Medicare rate table judges that
   * has no date, or the rate in force within a cent (expected, not actionable). Said as the pass meets
   * them, so their checks (180,000 on a 50 MB file) are not kept for the length of the run.
   */
  readonly expected: readonly Finding[];
  /** The other CO-253s the Medicare rate table judges, with their checks: a rate in force but the amount off by more than a cent. */
  readonly deviating: readonly MedicareSequestration[];
  /** ...a date where no rate was in force (suspended, before 2013, a gap in the user's table). */
  readonly outOfPeriod: readonly MedicareSequestration[];
  /** The CO-253s under a rate in force with a non-zero base, and whether any is within a cent. */
  readonly inForceCount: number;
  readonly inForceWithinTolerance: boolean;
  /** The rate of a service date, looked up once per distinct date. */
  readonly rateOf: RateOf;
}

/** The pass that sorts the triplets, one chunk of adjustments at a time. */
class SequestrationPass {
  readonly triplets: Adjustment[] = [];
  readonly notCo: Adjustment[] = [];
  readonly claimLevelCo: Adjustment[] = [];
  readonly notMedicareFfs: Adjustment[] = [];
  readonly expected: Finding[] = [];
  readonly deviating: MedicareSequestration[] = [];
  readonly outOfPeriod: MedicareSequestration[] = [];
  inForceCount = 0;
  inForceWithinTolerance = false;
  readonly rateOf: RateOf;
  /** Consecutive triplets mostly share their claim: its payer kind is worked out once. */
  private lastClaim: Claim | undefined;
  private lastKind: PayerKind = 'other';
  private readonly rateText = rateTexts();

  /** `medicare`: keep every judged CO-253 with its check (for `medicareSequestrations`) instead of saying the expected ones. */
  constructor(private readonly tokens: SegmentTable, settings: Settings, readonly medicare?: MedicareSequestration[]) {
    this.rateOf = rateMemo(settings);
  }

  /** Sorts the triplets among all[from..to): each is judged while its line is still in the cache. */
  add(all: readonly Adjustment[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const adj = all[i];
      if (adj.amount === 0 || !isReason253(adj.reason)) continue;
      // One look at the line's (or claim's) triplets: is this the first of its kind, and what do they add up to?
      const observed = firstOfItsKindReported(adj);
      if (observed !== undefined) this.sort(adj, observed);
    }
  }

  private sort(adj: Adjustment, observed: number): void {
    this.triplets.push(adj);
    if (adj.claim !== this.lastClaim) {
      this.lastClaim = adj.claim;
      this.lastKind = payerKind(adj.claim);
    }
    const medicareFfs = this.lastKind === 'medicare-ffs';
    if (!medicareFfs) this.notMedicareFfs.push(adj);
    if (!isCo(adj)) {
      this.notCo.push(adj);
      return;
    }
    if (adj.level === 'claim') this.claimLevelCo.push(adj);
    if (!medicareFfs) return;
    const check = sequestrationWith(adj, observed, undefined, this.tokens, this.rateOf);
    if (!check) return;
    if (this.medicare) this.medicare.push({ adj, check });
    const inForce = check.lookup.status === 'in-force';
    if (inForce && check.base !== 0) {
      this.inForceCount++;
      if (check.withinTolerance) this.inForceWithinTolerance = true;
    }
    if (!check.date || (inForce && check.withinTolerance)) {
      if (!this.medicare) this.expected.push(expectedFinding(this.tokens, adj, check, this.rateText));
    } else if (inForce) this.deviating.push({ adj, check });
    else this.outOfPeriod.push({ adj, check });
  }
}

function* sortTriplets(model: Model, settings: Settings, medicare?: MedicareSequestration[]): Steps<SequestrationFacts> {
  const all = model.adjustments;
  const pass = new SequestrationPass(model.tokens, settings, medicare);
  yield* inSteps(all.length, ADJUSTMENTS_PER_STEP, (from, to) => pass.add(all, from, to));
  return pass;
}

const SEQUESTRATIONS: Fact<SequestrationFacts> = { name: 'sequestrations', compute: ({ model, settings }) => sortTriplets(model, settings) };

/** The triplets, sorted and judged, for this run. */
export function sequestrationFacts(ctx: RuleContext): Steps<SequestrationFacts> {
  return shared(ctx, SEQUESTRATIONS);
}

/** `rateFor` remembered per date for one run: a 50 MB file has a few thousand distinct dates. */
function rateMemo(settings: Settings): RateOf {
  const memo = new Map<number | undefined, RateLookup>();
  return (date) => {
    let lookup = memo.get(date);
    if (lookup === undefined) {
      lookup = rateFor(date, settings);
      memo.set(date, lookup);
    }
    return lookup;
  };
}

/** Every CO-253 the Medicare rate table judges (Medicare FFS claims, readable amounts). */
export function medicareSequestrations(model: Model, settings: Settings): MedicareSequestration[] {
  const medicare: MedicareSequestration[] = [];
  drain(sortTriplets(model, settings, medicare));
  return medicare;
}

/**
 * co253-sequestration's finding for an expected CO-253 (no date, or in force within a cent): Medicare
 * sequestration, not actionable. Lives here because the pass that judges the CO-253s says it.
 */
function expectedFinding(t: SegmentTable, adj: Adjustment, check: SequestrationCheck, rateText: (rate: number) => string): Finding {
  let message: string;
  if (!check.date) {
    message = `Medicare sequestration (${amountOnBase(check)}): no service or statement date to check the rate against. Normally expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.`;
  } else {
    const reversal = check.observed < 0 ? ' This reverses an earlier sequestration.' : '';
    message = `Medicare sequestration: ${rateText(check.rate)} of the Medicare payment (${amountOnBase(check)}). Expected and not recoverable: post as a contractual adjustment; do not appeal or rebill.${reversal}`;
  }
  const range = tripletRange(t, adj);
  return { code: 'co253-sequestration', start: range.start, end: range.end, message };
}

/** "2%" for 0.02: `formatRate` remembered per rate, for rules that say the same few rates thousands of times. */
export function rateTexts(): (rate: number) => string {
  const memo = new Map<number, string>();
  return (rate) => {
    let text = memo.get(rate);
    if (text === undefined) {
      text = formatRate(rate);
      memo.set(rate, text);
    }
    return text;
  };
}

/** "2.40 on 120.00" */
export function amountOnBase(check: SequestrationCheck): string {
  return `${formatCents(check.observed)} on ${formatCents(check.base)}`;
}

/** "2024-02-26 (DTM*472, service date)" */
export function describeDate(check: SequestrationCheck): string {
  if (!check.date) return 'no date';
  return `${formatDate(check.date.date)} (DTM*${check.date.source}, ${DATE_NAMES[check.date.source]})`;
}

const DATE_NAMES: Record<string, string> = {
  '472': 'service date', '150': 'service period start', '232': 'claim statement start', '233': 'claim statement end',
};

/** "the built-in table" / "your era835.sequestration.periods" */
export function describeSource(lookup: RateLookup): string {
  return lookup.source === 'setting' ? 'your era835.sequestration.periods' : 'the built-in sequestration table';
}

/** A rate every CO-253 of the file applies, which the active table does not have for their dates. */
export interface UnknownRate {
  readonly rate: number;
  readonly items: readonly MedicareSequestration[];
  readonly firstDate: number;
  /** The `era835.sequestration.periods` value that would make the table agree, as JSON. */
  readonly suggestion: string;
}

/** At least this many CO-253s must agree before one rate is called consistent rather than a coincidence. */
export const UNKNOWN_RATE_MIN = 3;

/**
 * When every judged CO-253 in the file is off the table (beyond a cent) but all agree on one rate, the
 * table is more likely out of date than the payer wrong on every line (e.g. a new 4% cut): say it once.
 * CO-253s in a suspended period or with no date are left to their own rules and do not take part.
 */
const UNKNOWN_RATE: Fact<UnknownRate | undefined> = {
  name: 'unknown-rate',
  *compute(ctx) {
    return unknownRateAmong(yield* sequestrationFacts(ctx), ctx.settings);
  },
};

/** The unknown rate every judged CO-253 of this run agrees on, if any. */
export function unknownRateOf(ctx: RuleContext): Steps<UnknownRate | undefined> {
  return shared(ctx, UNKNOWN_RATE);
}

function unknownRateAmong(facts: SequestrationFacts, settings: Settings): UnknownRate | undefined {
  if (facts.inForceCount < UNKNOWN_RATE_MIN || facts.inForceWithinTolerance) return undefined;
  // None in force is within a cent, so the in-force ones with a base are the deviating ones with a base.
  const items = facts.deviating.filter((m) => m.check.base !== 0);
  // The largest base gives the most precise estimate; prefer a round rate (to 0.1%) when it fits.
  const widest = items.reduce((a, b) => (Math.abs(b.check.base) > Math.abs(a.check.base) ? b : a));
  const raw = widest.check.observedRate;
  const candidates = [Math.round(raw * 1000) / 1000, Math.round(raw * 10000) / 10000];
  const fits = (rate: number) => rate > 0 && rate < 1 && items.every((m) => Math.abs(m.check.observed - applyRate(rate, m.check.base)) <= 1);
  const rate = candidates.find(fits);
  if (rate === undefined) return undefined;
  const firstDate = items.reduce((min, m) => Math.min(min, m.check.date!.date), Infinity);
  return { rate, items, firstDate, suggestion: JSON.stringify(suggestPeriods(settings, firstDate, rate)) };
}

/** The active periods, cut the day before `from`, followed by an open period at `rate`. */
function suggestPeriods(settings: Settings, from: number, rate: number): SequestrationPeriod[] {
  const start = formatDate(from);
  const dayBefore = formatDate(previousDay(from));
  const out: SequestrationPeriod[] = [];
  for (const p of activePeriods(settings).periods) {
    if (p.from >= start) continue;
    out.push(p.to === undefined || p.to >= start ? { from: p.from, to: dayBefore, rate: p.rate } : { from: p.from, ...(p.to ? { to: p.to } : {}), rate: p.rate });
  }
  out.push({ from: start, rate });
  return out;
}

function previousDay(date: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), Math.floor(date / 100) % 100 - 1, date % 100 - 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}
