import { activePeriods } from '../../codes/sequestration';
import type { SequestrationPeriod, Settings } from '../../settings';
import { applyRate } from '../../x835/sequestrationCheck';
import { formatDate } from '../../x835/values';
import type { MedicareSequestration } from './co253Common';

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
 * CO-253s in a suspended period or with no date are left to their own rules and do not take part. A
 * rate the table already has for other dates (1% after 2022-06-30, 2% in the 1% quarter) is no new law:
 * it is that period's rate applied outside it, and each line keeps its co253-amount (with what it costs).
 * `inForceCount`: the CO-253s under a rate in force with a non-zero base; `inForceWithinTolerance`:
 * whether any of them is within a cent; `deviating`: those off the rate.
 */
export function unknownRateAmong(
  inForceCount: number,
  inForceWithinTolerance: boolean,
  deviating: readonly MedicareSequestration[],
  settings: Settings,
): UnknownRate | undefined {
  if (inForceCount < UNKNOWN_RATE_MIN || inForceWithinTolerance) return undefined;
  // None in force is within a cent, so the in-force ones with a base are the deviating ones with a base.
  const items = deviating.filter((m) => m.check.base !== 0);
  // The largest base gives the most precise estimate; prefer a round rate (to 0.1%) when it fits.
  const widest = items.reduce((a, b) => (Math.abs(b.check.base) > Math.abs(a.check.base) ? b : a));
  const raw = widest.check.observedRate;
  const candidates = [Math.round(raw * 1000) / 1000, Math.round(raw * 10000) / 10000];
  const fits = (rate: number) =>
    rate > 0 && rate < 1 && items.every((m) => Math.abs(m.check.observed - applyRate(rate, m.check.base)) <= 1);
  const rate = candidates.find(fits);
  if (rate === undefined || isKnownRate(rate, settings)) return undefined;
  const firstDate = items.reduce((min, m) => Math.min(min, m.check.date!.date), Infinity);
  return { rate, items, firstDate, suggestion: JSON.stringify(suggestPeriods(settings, firstDate, rate)) };
}

/** A rate some period of the active table has (a rate applied outside its period, not a new one). */
export function isKnownRate(rate: number, settings: Settings): boolean {
  return activePeriods(settings).periods.some((p) => p.rate > 0 && Math.abs(p.rate - rate) < 1e-9);
}

/** The active periods, cut the day before `from`, followed by an open period at `rate`. */
function suggestPeriods(settings: Settings, from: number, rate: number): SequestrationPeriod[] {
  const start = formatDate(from);
  const dayBefore = formatDate(previousDay(from));
  const out: SequestrationPeriod[] = [];
  for (const p of activePeriods(settings).periods) {
    if (p.from >= start) continue;
    out.push(
      p.to === undefined || p.to >= start
        ? { from: p.from, to: dayBefore, rate: p.rate }
        : { from: p.from, ...(p.to ? { to: p.to } : {}), rate: p.rate },
    );
  }
  out.push({ from: start, rate });
  return out;
}

function previousDay(date: number): number {
  const d = new Date(Date.UTC(Math.floor(date / 10000), (Math.floor(date / 100) % 100) - 1, (date % 100) - 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}
