import { activePeriods } from '../codes/sequestration';
import type { SequestrationPeriod, Settings } from '../settings';
import { applyRate } from '../x835/sequestrationCheck';
import { formatDate } from '../x835/values';
import type { MedicareSequestration } from './co253Common';
import { sequestrationFacts } from './claimPass';
import type { SequestrationFacts } from './co253Facts';
import { shared, type Fact, type Steps } from './shared';
import type { RuleContext } from './types';

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

/**
 * Gives a run the whole file's answer before any rule asks: an edit's re-analysis judges the few claims
 * it re-read with it (incremental/reanalyse.ts), since it is a question about every CO-253 of the file.
 */
export function putUnknownRate(ctx: RuleContext, value: UnknownRate | undefined): void {
  ctx.shared?.put(UNKNOWN_RATE, value);
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
