import { rateFor, type RateLookup } from '../../codes/sequestration';
import type { Settings } from '../../settings';
import type { RateOf } from '../../x835/sequestrationCheck';

/**
 * `rateFor(date, settings)` remembered per date for one run. A 50 MB file judges some 180,000 CO-253s
 * over a few thousand distinct dates, and `rateFor` re-reads the user's periods on every call.
 *
 * A date's lookup gets a number (`indexOf`), and what the judging reads of it is kept in plain arrays by
 * that number (`rate`, `inForce`): the lookups themselves come in several shapes (with or without a
 * period), which a loop over every CO-253 should not have to tell apart. Dates map to their number
 * through a typed array indexed by day (years 1900-2199, 31 slots a month, so every CCYYMMDD has its
 * own slot); other dates, and no date, through a small map.
 */
export class RateMemo {
  /** The distinct lookups of this run, and per lookup its rate and whether it is in force. */
  readonly lookups: RateLookup[] = [];
  readonly rate: number[] = [];
  readonly inForce: boolean[] = [];
  /** 1 + the lookup number, per day slot; 0 = not looked up yet. */
  private readonly slots = new Uint32Array(DAY_SLOTS);
  private readonly others = new Map<number | undefined, number>();
  /** `rateFor` as a function, for the code that takes a `RateOf`. */
  readonly rateOf: RateOf = (date) => this.lookups[this.indexOf(date)];

  constructor(private readonly settings: Settings) {}

  /** The number of the lookup of `date` (CCYYMMDD as a number, or undefined for no date). */
  indexOf(date: number | undefined): number {
    const slot = date === undefined ? -1 : daySlot(date);
    if (slot < 0) return this.other(date);
    const known = this.slots[slot];
    if (known !== 0) return known - 1;
    const index = this.add(date);
    this.slots[slot] = index + 1;
    return index;
  }

  private other(date: number | undefined): number {
    let index = this.others.get(date);
    if (index === undefined) {
      index = this.add(date);
      this.others.set(date, index);
    }
    return index;
  }

  private add(date: number | undefined): number {
    const lookup = rateFor(date, this.settings);
    this.lookups.push(lookup);
    this.rate.push(lookup.rate);
    this.inForce.push(lookup.status === 'in-force');
    return this.lookups.length - 1;
  }
}

const FIRST_YEAR = 1900;
const YEARS = 300;
const DAY_SLOTS = YEARS * 12 * 31;

/** The slot of a CCYYMMDD date, or -1 outside 1900-2199 (or not a month/day the slots have). */
function daySlot(date: number): number {
  const year = Math.floor(date / 10000) - FIRST_YEAR;
  const month = (Math.floor(date / 100) % 100) - 1;
  const day = (date % 100) - 1;
  if (year < 0 || year >= YEARS || month < 0 || month > 11 || day < 0 || day > 30 || !Number.isInteger(date)) return -1;
  return (year * 12 + month) * 31 + day;
}
