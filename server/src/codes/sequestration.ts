import type { SequestrationPeriod, Settings } from '../settings';
import { parseIsoDate } from '../x835/values';

/**
 * Medicare fee-for-service sequestration rates by date of service (or discharge), as data.
 *
 * Sources (checked 2025; see /work/shared/docs/835-domain-research.md section 3):
 * - Budget Control Act of 2011 (P.L. 112-25) and the sequestration order of 2013-03-01: 2% on Medicare FFS
 *   claims with dates of service or discharge on or after 2013-04-01 (CMS MLN notice "Mandatory Payment
 *   Reductions in the Medicare Fee-for-Service Program - Sequestration", March 2013; MAC notices).
 * - CARES Act (P.L. 116-136, 2020-03-27): suspended from 2020-05-01; extended by the Consolidated
 *   Appropriations Act 2021, by P.L. 117-7 (April 2021) and by the Protecting Medicare and American Farmers
 *   from Sequester Cuts Act (P.L. 117-71, 2021-12-10) through 2022-03-31.
 * - P.L. 117-71 phase-in: 1% for 2022-04-01 .. 2022-06-30, the full 2% from 2022-07-01 (CMS and MAC notices).
 * - Later laws (Infrastructure Investment and Jobs Act 2021, and others) extend the Medicare sequester
 *   through FY2032; Congressional Research Service report R45106, "Medicare and Budget Sequestration".
 *   Some tail years may be reshaped by law: keep this table current, or replace it with the setting
 *   `era835.sequestration.periods` (same shape as these entries).
 */
export const SEQUESTRATION_PERIODS: readonly SequestrationPeriod[] = [
  { from: '2013-04-01', to: '2020-04-30', rate: 0.02 },
  // Suspended (CARES Act and its extensions): no CO-253 is expected for these dates.
  { from: '2020-05-01', to: '2022-03-31', rate: 0 },
  { from: '2022-04-01', to: '2022-06-30', rate: 0.01 },
  { from: '2022-07-01', rate: 0.02 },
];

/** Where the rate came from: the built-in table or the user's `era835.sequestration.periods`. */
export type RateSource = 'table' | 'setting';

/**
 * The sequestration rate for one date. `status` says why: `in-force` (rate > 0), `suspended` (a period
 * with rate 0), `before` (earlier than the first period: sequestration did not exist yet) or `uncovered`
 * (a gap between user-configured periods, or no date at all). Only `in-force` has a non-zero rate.
 */
export type RateLookup =
  | { readonly status: 'in-force'; readonly rate: number; readonly period: SequestrationPeriod; readonly source: RateSource }
  | { readonly status: 'suspended'; readonly rate: 0; readonly period: SequestrationPeriod; readonly source: RateSource }
  | { readonly status: 'before' | 'uncovered'; readonly rate: 0; readonly period?: undefined; readonly source: RateSource };

/** A period with its dates as comparable numbers (20220401). */
interface DatedPeriod {
  readonly period: SequestrationPeriod;
  readonly from: number;
  readonly to: number;
}

const OPEN_END = 99991231;

function toDated(periods: readonly SequestrationPeriod[]): DatedPeriod[] {
  const out: DatedPeriod[] = [];
  for (const period of periods) {
    const from = parseIsoDate(period.from);
    const to = period.to === undefined || period.to === '' ? OPEN_END : parseIsoDate(period.to);
    // A rate is a fraction (0.02 = 2%); anything else in a setting is ignored rather than guessed at.
    if (from === undefined || to === undefined || to < from) continue;
    if (!Number.isFinite(period.rate) || period.rate < 0 || period.rate >= 1) continue;
    out.push({ period, from, to });
  }
  return out.sort((a, b) => a.from - b.from);
}

const TABLE = toDated(SEQUESTRATION_PERIODS);

/** The periods in effect: the user's setting when it holds at least one usable period, else the table. */
export function activePeriods(settings?: Settings): { periods: readonly SequestrationPeriod[]; source: RateSource } {
  const own = settings?.sequestrationPeriods ? toDated(settings.sequestrationPeriods) : [];
  return own.length ? { periods: own.map((d) => d.period), source: 'setting' } : { periods: SEQUESTRATION_PERIODS, source: 'table' };
}

/**
 * The rate in force on `date` (CCYYMMDD as a number, e.g. 20240226). `undefined` date -> `uncovered`.
 * Overlapping user periods: the later-starting one wins, so a user can paste a short override last.
 */
export function rateFor(date: number | undefined, settings?: Settings): RateLookup {
  const own = settings?.sequestrationPeriods ? toDated(settings.sequestrationPeriods) : [];
  const source: RateSource = own.length ? 'setting' : 'table';
  const dated = own.length ? own : TABLE;
  if (date === undefined) return { status: 'uncovered', rate: 0, source };
  let hit: DatedPeriod | undefined;
  for (const d of dated) if (d.from <= date && date <= d.to) hit = d;
  if (hit) {
    return hit.period.rate > 0
      ? { status: 'in-force', rate: hit.period.rate, period: hit.period, source }
      : { status: 'suspended', rate: 0, period: hit.period, source };
  }
  return { status: dated.length && date < dated[0].from ? 'before' : 'uncovered', rate: 0, source };
}

/**
 * "2%", "1%", "0.5%", "6.25%": a rate as people write it. Remembered per rate: the rules say the same one
 * or two rates in thousands of messages of a big file.
 */
export function formatRate(rate: number): string {
  let text = RATE_TEXTS.get(rate);
  if (text === undefined) {
    text = Number.isFinite(rate) ? `${Number((rate * 100).toFixed(2))}%` : '?';
    // Rates come from the table, the user's periods and observed shares; the bound keeps the memo small.
    if (RATE_TEXTS.size < 256) RATE_TEXTS.set(rate, text);
  }
  return text;
}

const RATE_TEXTS = new Map<number, string>();

/** "2013-04-01 to 2020-04-30" or "from 2022-07-01" (open-ended). */
export function formatPeriod(p: SequestrationPeriod): string {
  return p.to ? `${p.from} to ${p.to}` : `from ${p.from}`;
}
