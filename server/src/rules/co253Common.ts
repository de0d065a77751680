import { activePeriods, type RateLookup } from '../codes/sequestration';
import type { SequestrationPeriod, Settings } from '../settings';
import type { SegmentTable } from '../x12/tokenizer';
import { applyRate, expectedSequestration, type SequestrationCheck } from '../x835/sequestrationCheck';
import { payerKind } from '../x835/payerType';
import type { Adjustment, Model } from '../x835/types';
import { formatCents, formatDate } from '../x835/values';
import { elementsRange, type Range } from './ranges';

/**
 * What the co253-* rules share: which triplets they look at, where their findings go, and the one
 * file-wide question "does every CO-253 apply one rate our table does not know?".
 */

/** A CO-253 finding covers the reason (`253`) and its amount. */
export function tripletRange(t: SegmentTable, adj: Adjustment): Range {
  return elementsRange(t, adj.seg, adj.reasonElem, adj.reasonElem + 1);
}

/**
 * The reason-253 triplets worth a word: non-zero amounts (a `253*0` is harmless noise), and only the first
 * triplet of a group at its level, since the arithmetic already sums repeats (`CAS*CO*253*1*...*253*1`).
 */
export function sequestrationTriplets(model: Model): Adjustment[] {
  return model.adjustments.filter((a) => a.reason.trim() === '253' && a.amount !== 0 && isFirstOfItsKind(a));
}

function isFirstOfItsKind(adj: Adjustment): boolean {
  const owner = adj.level === 'line' && adj.line ? adj.line : adj.claim;
  return owner.adjustments.find((a) => a.group === adj.group && a.reason === adj.reason && a.amount !== 0) === adj;
}

const isCo = (a: Adjustment) => a.group.trim().toUpperCase() === 'CO';

/** A CO-253 on a Medicare fee-for-service claim with readable amounts, and its arithmetic. */
export interface MedicareSequestration {
  readonly adj: Adjustment;
  readonly check: SequestrationCheck;
}

/** Every CO-253 the Medicare rate table judges (Medicare FFS claims, readable amounts). */
export function medicareSequestrations(model: Model, settings: Settings): MedicareSequestration[] {
  const out: MedicareSequestration[] = [];
  for (const adj of sequestrationTriplets(model)) {
    if (!isCo(adj) || payerKind(adj.claim) !== 'medicare-ffs') continue;
    const check = expectedSequestration(adj, settings, model.tokens);
    if (check) out.push({ adj, check });
  }
  return out;
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
export function unknownConsistentRate(model: Model, settings: Settings): UnknownRate | undefined {
  const items = medicareSequestrations(model, settings).filter((m) => m.check.lookup.status === 'in-force' && m.check.base !== 0);
  if (items.length < UNKNOWN_RATE_MIN || items.some((m) => m.check.withinTolerance)) return undefined;
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
