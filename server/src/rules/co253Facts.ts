import type { Settings } from '../settings';
import type { Finding } from '../x12/finding';
import { payerKind } from '../x835/payerType';
import { applyRate, sequestrationWith, TOLERANCE_CENTS, type RateOf } from '../x835/sequestrationCheck';
import type { Adjustment, Model } from '../x835/types';
import { CodeFlag, decidingDayOf, firstOfItsKindReported } from './casRows';
import type { MedicareSequestration } from './co253Common';
import { ExpectedSequestrationFinding } from './co253ExpectedFinding';
import { RateMemo } from './co253RateMemo';
import { elementsEnd, elementsStart } from './ranges';

/**
 * The facts the co253-* rules read: every reason-253 triplet judged once per run and sorted by what is to
 * be said of it. The walk over every claim that feeds this pass is claimPass.ts (it serves the balancing
 * and worklist rules in the same walk); the one file-wide question "does every CO-253 apply one rate our
 * table does not know?" is co253UnknownRateFact.ts.
 */
export interface SequestrationFacts {
  /** Triplets under a group other than CO. */
  readonly notCo: readonly Adjustment[];
  /** Claim-level CO-253s: their rows in the model's CAS columns, and their claims' rows. */
  readonly claimLevelCoRows: readonly number[];
  readonly claimLevelCoClaims: readonly number[];
  /** Triplets on claims that are not Medicare fee-for-service. */
  readonly notMedicareFfs: readonly Adjustment[];
  /**
   * The co253-sequestration findings: what is said of each CO-253 the Medicare rate table judges that
   * has no date, or the rate in force within a cent (expected, not actionable). Made as the pass meets
   * them, with their messages worded when read (`ExpectedSequestrationFinding`).
   */
  readonly expected: readonly Finding[];
  /** The other CO-253s the Medicare rate table judges, with their checks: a rate in force but the amount off by more than a cent. */
  readonly deviating: readonly MedicareSequestration[];
  /** ...a date where no rate was in force (suspended, before 2013, a gap in the user's table). */
  readonly outOfPeriod: readonly MedicareSequestration[];
  /** The CO-253s under a rate in force with a non-zero base, and whether any is within a cent. */
  readonly inForceCount: number;
  readonly inForceWithinTolerance: boolean;
  /** How many of those are within a cent (kept as a count so an edit can take a claim's share out). */
  readonly inForceWithinCount: number;
  /** The rate of a service date, looked up once per distinct date. */
  readonly rateOf: RateOf;
}

/**
 * The pass that sorts the triplets, fed by the walk over the model's columns (claimPass.ts). Reason 253
 * is some 25% of the triplets of a Medicare file, and nearly all are expected: those are judged from the
 * columns only (no triplet object, no check object, no date source, no message). A triplet object
 * (`cas.at`) is made only for a triplet another rule reports, and the full check (`sequestrationWith`,
 * which may scan the line for its DTM) only for those said with their date.
 */
export class SequestrationPass implements SequestrationFacts {
  readonly notCo: Adjustment[] = [];
  readonly claimLevelCoRows: number[] = [];
  readonly claimLevelCoClaims: number[] = [];
  readonly notMedicareFfs: Adjustment[] = [];
  readonly expected: Finding[];
  private expectedCount = 0;
  readonly deviating: MedicareSequestration[] = [];
  readonly outOfPeriod: MedicareSequestration[] = [];
  inForceCount = 0;
  inForceWithinTolerance = false;
  inForceWithinCount = 0;
  readonly rateOf: RateOf;
  private readonly rates: RateMemo;
  /**
   * Whether claims with a CLP06 code id are Medicare fee-for-service (1) or not (0), -1 until asked:
   * that is a matter of CLP06 alone (`payerKind`), so it is asked once per distinct code.
   */
  private readonly medicareFfsByFiling: Int8Array;

  /** `flags`: `codeFlags(model.store)`; `capacity`: room for expected findings (default: every reason-253 triplet of the model). */
  constructor(private readonly model: Model, settings: Settings, private readonly flags: Uint8Array, capacity?: number) {
    this.rates = new RateMemo(settings);
    this.rateOf = this.rates.rateOf;
    this.medicareFfsByFiling = new Int8Array(flags.length).fill(-1);
    // Sized once (a 50 MB file has 180,000): a growing array would copy itself some twenty times.
    this.expected = new Array<Finding>(capacity ?? reason253Count(model, flags));
  }

  /** After the walk: `expected` holds exactly the findings made. */
  finish(): void {
    this.expected.length = this.expectedCount;
  }

  /**
   * A reason-253 triplet with a non-zero amount: CAS row `r` of claim row `claim`, on line row `line`
   * (-1 at claim level), one of the rows from..to-1 of its level. Called in document order.
   */
  consider(claim: number, line: number, r: number, from: number, to: number): void {
    const cas = this.model.store.cas;
    // One look at the level's triplets: is this the first of its kind, and what do they add up to?
    const observed = firstOfItsKindReported(cas, r, from, to);
    if (observed === undefined) return;
    const medicareFfs = this.isMedicareFfs(claim);
    const co = (this.flags[cas.group[r]] & CodeFlag.GroupCo) !== 0;
    if (!medicareFfs || !co) {
      const adj = cas.at(r);
      if (!medicareFfs) this.notMedicareFfs.push(adj);
      if (!co) {
        this.notCo.push(adj);
        return;
      }
    }
    if (line < 0) {
      this.claimLevelCoRows.push(r);
      this.claimLevelCoClaims.push(claim);
    }
    if (medicareFfs) this.judge(claim, line, r, observed);
  }

  private isMedicareFfs(claim: number): boolean {
    const filing = this.model.store.claims.filingIndicator[claim];
    let known = this.medicareFfsByFiling[filing];
    if (known < 0) known = this.medicareFfsByFiling[filing] = payerKind(this.model.store.claimAt(claim)) === 'medicare-ffs' ? 1 : 0;
    return known === 1;
  }

  /** `sequestrationWith(cas.at(r), observed, ...)`, and what to say of it, from the columns. */
  private judge(claim: number, line: number, r: number, observed: number): void {
    const store = this.model.store;
    const paid = line < 0 ? store.claims.paid[claim] : store.lines.paid[line];
    if (!Number.isFinite(paid) || !Number.isFinite(observed)) return;
    const date = decidingDayOf(store, claim, line);
    const rates = this.rates;
    const lookup = rates.indexOf(date);
    const base = paid + observed;
    const withinTolerance = Math.abs(observed - applyRate(rates.rate[lookup], base)) <= TOLERANCE_CENTS;
    const inForce = rates.inForce[lookup];
    if (inForce && base !== 0) {
      this.inForceCount++;
      if (withinTolerance) {
        this.inForceWithinTolerance = true;
        this.inForceWithinCount++;
      }
    }
    if (date === undefined || (inForce && withinTolerance)) {
      const t = this.model.tokens;
      const seg = store.cas.seg[r];
      const reasonElem = 2 + 3 * store.cas.triplet[r];
      this.expected[this.expectedCount++] = new ExpectedSequestrationFinding(elementsStart(t, seg, reasonElem), elementsEnd(t, seg, reasonElem, reasonElem + 1), observed, base, date === undefined ? undefined : rates.lookups[lookup]);
      return;
    }
    const adj = store.cas.at(r);
    const check = sequestrationWith(adj, observed, undefined, this.model.tokens, this.rateOf)!;
    if (inForce) this.deviating.push({ adj, check });
    else this.outOfPeriod.push({ adj, check });
  }
}

/** How many triplets have reason 253 and an amount: the most co253-sequestration findings there can be. */
function reason253Count(model: Model, flags: Uint8Array): number {
  const { reason, amount, length } = model.store.cas;
  let n = 0;
  for (let r = 0; r < length; r++) if (flags[reason[r]] & CodeFlag.Reason253 && amount[r] !== 0) n++;
  return n;
}
