import type { Settings } from '../../settings';
import type { Finding } from '../../x12/finding';
import { CO223_SEQUESTRATION_FROM, CO223_SEQUESTRATION_TO } from '../../x835/classify';
import { payerKindOf, type PayerKind } from '../../x835/payerType';
import { applyRate, sequestrationWith, TOLERANCE_CENTS, type RateOf } from '../../x835/sequestrationCheck';
import type { Model } from '../../x835/types';
import { Cls, VerdictFlag, Why, type Verdicts } from '../../x835/verdicts';
import { CodeFlag, decidingDayOf, firstOfItsKindReported } from '../engine/casRows';
import type { MedicareSequestration } from './co253Common';
import { ExpectedSequestrationFinding } from './co253ExpectedFinding';
import { RateMemo } from './co253RateMemo';
import { unknownRateAmong, type UnknownRate } from './co253UnknownRateCheck';
import { elementsEnd, elementsStart } from '../engine/ranges';

/**
 * The verdicts of the sequestration reasons (253 under any group; CO-223 on Medicare claims of April
 * 2013 to January 2014), and the lists the co253-* rules word their findings from. The walk over every
 * claim that feeds this pass is claimPass.ts (it gives every other triplet its verdict in the same walk).
 *
 * Each such triplet (the first non-zero one of its group and reason at its level, which carries the
 * level's sum) is judged in this order, and gets exactly one finding code:
 * 1. reason 253 under a group other than CO (`co253-group`): needs work (the group must be corrected; PR
 *    never bills the patient), recoverable when the payer has no law behind the cut at all;
 * 2. CO-253 on a claim that is not Medicare fee-for-service (`co253-non-medicare`): recoverable for a
 *    commercial payer or Medicaid, "verify the contract" (needs work) for Medicare Advantage;
 * 3. a claim-level CO-253 of a Medicare claim whose lines carry CO-253 too (`co253-duplicate`):
 *    recoverable, the whole claim-level amount;
 * 4. against the Medicare rate table for its date: expected (`co253-sequestration`), off the rate
 *    (`co253-amount`: the excess recoverable; less than the rate is not work), no rate in force
 *    (`co253-suspended-period`: all recoverable), or a rate the table does not know that every CO-253 of
 *    the file applies (`co253-unknown-rate`, decided at the end of the walk: the table is out of date).
 * A reversal (CLP02 22) is judged as its original would be, for its class, and is never work: what was
 * expected keeps `co253-sequestration`, the rest says `co253-reversal` (the undoing of the original).
 * An original that a reversal in the file undoes keeps its finding, without work.
 */
export interface SequestrationFacts {
  /** Rows whose finding is co253-group / co253-non-medicare / co253-duplicate / co253-reversal. */
  readonly groupRows: readonly number[];
  readonly nonMedicareRows: readonly number[];
  readonly duplicateRows: readonly number[];
  readonly reversalRows: readonly number[];
  /** For each of `reversalRows`, the finding its original would have had (`Why`): what the reversal undoes. */
  readonly reversalUndoes: readonly number[];
  /**
   * The co253-sequestration findings: what is said of each CO-253 the Medicare rate table judges that
   * has no date, or the rate in force within a cent (expected, not actionable). Made as the pass meets
   * them, with their messages worded when read (`ExpectedSequestrationFinding`).
   */
  readonly expected: readonly Finding[];
  /** The CO-253s (not reversals) under a rate in force but off by more than a cent, with their checks. */
  readonly deviating: readonly MedicareSequestration[];
  /** ...with a date where no rate was in force (suspended, before 2013, a gap in the user's table). */
  readonly outOfPeriod: readonly MedicareSequestration[];
  /** The rate every off-rate CO-253 agrees on when the table does not know it (then none is co253-amount). */
  readonly unknownRate: UnknownRate | undefined;
  /** The rate of a service date, looked up once per distinct date. */
  readonly rateOf: RateOf;
}

/** What the walk knows of the claim a triplet belongs to. */
export interface ClaimState {
  readonly reversal: boolean;
  readonly reversedInFile: boolean;
}

/**
 * The pass, fed by the walk over the model's columns (claimPass.ts). Reason 253 is some 25% of the
 * triplets of a Medicare file, and nearly all are expected: those are judged from the columns only (no
 * triplet object, no check object, no date source, no message). A triplet object (`cas.at`) is made only
 * for a triplet a rule reports with its arithmetic.
 */
export class SequestrationPass implements SequestrationFacts {
  readonly groupRows: number[] = [];
  readonly nonMedicareRows: number[] = [];
  readonly duplicateRows: number[] = [];
  readonly reversalRows: number[] = [];
  readonly reversalUndoes: number[] = [];
  readonly expected: Finding[];
  private expectedCount = 0;
  readonly deviating: MedicareSequestration[] = [];
  readonly outOfPeriod: MedicareSequestration[] = [];
  unknownRate: UnknownRate | undefined;
  /**
   * The CO-253s under a rate in force with a non-zero base, and how many of them are within a cent: in
   * all (what `unknownRateAmong` reads) and per claim row (`perClaim`, the kept per-claim parts an edit's
   * re-analysis takes out and puts back, claimPass.ts `spliceClaimPass`).
   */
  inForceCount = 0;
  withinToleranceCount = 0;
  perClaim: { readonly inForce: Int32Array; readonly within: Int32Array } | undefined;
  readonly rateOf: RateOf;
  private readonly rates: RateMemo;
  /** The payer kind of claims by CLP06 code id (`KINDS` index), 255 until asked. */
  private readonly kindByFiling: Uint8Array;
  /** Claim row whose line-level CO-253 presence `lineLevelCo` was last asked, and the answer. */
  private lineCoClaim = -1;
  private lineCoAnswer = false;

  /** `flags`: `codeFlags(model.store)`; `capacity`: room for expected findings (default: every sequestration-reason triplet of the model). */
  constructor(
    private readonly model: Model,
    private readonly settings: Settings,
    private readonly flags: Uint8Array,
    private readonly verdicts: Verdicts,
    capacity?: number,
  ) {
    this.rates = new RateMemo(settings);
    this.rateOf = this.rates.rateOf;
    this.kindByFiling = new Uint8Array(flags.length).fill(255);
    // Sized once (a 50 MB file has 180,000): a growing array would copy itself some twenty times.
    this.expected = new Array<Finding>(capacity ?? reason253Count(model, flags));
  }

  /** After the walk: `expected` holds exactly the findings made, and the file-wide unknown rate is decided. */
  finish(): void {
    this.expected.length = this.expectedCount;
    this.decideUnknownRate();
  }

  /**
   * Decides the file-wide unknown rate from the counts and `deviating`, and gives its triplets their
   * verdict: at the end of a walk over every claim, or after an edit's re-analysis spliced the walk over
   * the edited claims into the kept lists and counts.
   */
  decideUnknownRate(): void {
    this.unknownRate = this.deviating.length
      ? unknownRateAmong(this.inForceCount, this.withinToleranceCount > 0, this.deviating, this.settings)
      : undefined;
    if (!this.unknownRate) return;
    // The table is out of date, not the payer wrong on every line: nothing to recover from these.
    const v = this.verdicts;
    for (const { row } of this.unknownRate.items) {
      v.why[row] = Why.UnknownRate;
      v.cls[row] = Cls.Sequestration;
      v.recoverable[row] = 0;
      v.flags[row] &= ~VerdictFlag.Actionable;
    }
  }

  /**
   * A sequestration-reason triplet with a non-zero amount: CAS row `r` of claim row `claim`, on line row
   * `line` (-1 at claim level), one of the rows from..to-1 of its level. Called in document order.
   */
  consider(claim: number, line: number, r: number, from: number, to: number, state: ClaimState): void {
    const cas = this.model.store.cas;
    const v = this.verdicts;
    // One look at the level's triplets: is this the first of its kind, and what do they add up to?
    const observed = firstOfItsKindReported(cas, r, from, to);
    if (observed === undefined) return this.repeat(r, from);
    const kind = this.kindOf(claim);
    const medicareFfs = kind === 'medicare-ffs';
    if (medicareFfs) v.flags[r] |= VerdictFlag.MedicareFfs;
    const co = (this.flags[cas.group[r]] & CodeFlag.GroupCo) !== 0;
    if (this.flags[cas.reason[r]] & CodeFlag.Reason223 && !this.isCo223Sequestration(claim, line, co, medicareFfs)) return;
    if (medicareFfs && co) v.flags[r] |= VerdictFlag.MedicareCut;
    const pr = (this.flags[cas.group[r]] & CodeFlag.GroupPr) !== 0;
    const noLaw = kind === 'other' || kind === 'medicaid';
    if (!co) {
      this.set(r, Why.Group, pr && noLaw ? Cls.Recoverable : Cls.NeedsWork, pr && noLaw ? observed : 0, state, this.groupRows);
    } else if (!medicareFfs) {
      this.set(r, Why.NonMedicare, noLaw ? Cls.Recoverable : Cls.NeedsWork, noLaw ? observed : 0, state, this.nonMedicareRows);
    } else if (line < 0 && this.lineLevelCo(claim)) {
      this.set(r, Why.Duplicate, Cls.Recoverable, observed, state, this.duplicateRows);
    } else {
      this.judge(claim, line, r, observed, state);
    }
  }

  /** Records a verdict; `list` gets the row when its finding is said by the rule that reads it. */
  private set(r: number, why: Why, cls: Cls, recoverable: number, state: ClaimState, list: number[]): void {
    const v = this.verdicts;
    v.cls[r] = cls;
    if (state.reversal) {
      v.why[r] = why === Why.Sequestration ? why : Why.Reversal;
      if (why !== Why.Sequestration) {
        this.reversalRows.push(r);
        this.reversalUndoes.push(why);
      }
      return;
    }
    v.why[r] = why;
    if (list !== NO_LIST) list.push(r);
    if (state.reversedInFile) return;
    if (cls === Cls.NeedsWork || (cls === Cls.Recoverable && recoverable > 0)) {
      v.flags[r] |= VerdictFlag.Actionable;
      v.recoverable[r] = cls === Cls.Recoverable ? recoverable : 0;
    }
  }

  /** A repeat of an earlier triplet of its group and reason at its level: that one's class, no work. */
  private repeat(r: number, from: number): void {
    const cas = this.model.store.cas;
    const v = this.verdicts;
    for (let i = from; i < r; i++) {
      if (cas.group[i] === cas.group[r] && cas.reason[i] === cas.reason[r] && cas.amount[i] !== 0) {
        v.cls[r] = v.cls[i];
        v.flags[r] |= v.flags[i] & (VerdictFlag.MedicareFfs | VerdictFlag.MedicareCut);
        break;
      }
    }
    v.flags[r] |= VerdictFlag.Repeat;
  }

  private kindOf(claim: number): PayerKind {
    const store = this.model.store;
    const filing = store.claims.filingIndicator[claim];
    const known = this.kindByFiling[filing];
    if (known !== 255) return KINDS[known];
    const kind = payerKindOf(store.codes.list[filing]);
    this.kindByFiling[filing] = KINDS.indexOf(kind);
    return kind;
  }

  /** CO-223 on a Medicare fee-for-service claim whose deciding date is in April 2013..January 2014. */
  private isCo223Sequestration(claim: number, line: number, co: boolean, medicareFfs: boolean): boolean {
    if (!co || !medicareFfs) return false;
    const d = decidingDayOf(this.model.store, claim, line);
    return d !== undefined && d >= CO223_SEQUESTRATION_FROM && d <= CO223_SEQUESTRATION_TO;
  }

  /** Whether a line of claim row `claim` carries a non-zero CO-253 (asked for its claim-level CO-253s). */
  private lineLevelCo(claim: number): boolean {
    if (this.lineCoClaim === claim) return this.lineCoAnswer;
    const { claims, lines, cas } = this.model.store;
    let found = false;
    for (let l = claims.lineFrom[claim]; l < claims.lineTo[claim] && !found; l++) {
      for (let r = lines.casFrom[l]; r < lines.casTo[l]; r++) {
        if (cas.amount[r] !== 0 && this.flags[cas.reason[r]] & CodeFlag.Reason253 && this.flags[cas.group[r]] & CodeFlag.GroupCo) {
          found = true;
          break;
        }
      }
    }
    this.lineCoClaim = claim;
    this.lineCoAnswer = found;
    return found;
  }

  /** A Medicare fee-for-service CO-253 (or CO-223 of 2013) against the rate table, from the columns. */
  private judge(claim: number, line: number, r: number, observed: number, state: ClaimState): void {
    const store = this.model.store;
    const v = this.verdicts;
    const paid = line < 0 ? store.claims.paid[claim] : store.lines.paid[line];
    if (!Number.isFinite(paid) || !Number.isFinite(observed)) return;
    const date = decidingDayOf(store, claim, line);
    const rates = this.rates;
    const lookup = rates.indexOf(date);
    const base = paid + observed;
    const expected = applyRate(rates.rate[lookup], base);
    v.expected[r] = expected;
    const withinTolerance = Math.abs(observed - expected) <= TOLERANCE_CENTS;
    const inForce = rates.inForce[lookup];
    if (!state.reversal && inForce && base !== 0) {
      this.inForceCount++;
      if (withinTolerance) this.withinToleranceCount++;
      const perClaim = this.perClaim;
      if (perClaim) {
        perClaim.inForce[claim]++;
        if (withinTolerance) perClaim.within[claim]++;
      }
    }
    if (date === undefined || (inForce && withinTolerance)) {
      if (date === undefined) v.expected[r] = NaN;
      this.set(r, Why.Sequestration, Cls.Sequestration, 0, state, NO_LIST);
      const t = this.model.tokens;
      const seg = store.cas.seg[r];
      const reasonElem = 2 + 3 * store.cas.triplet[r];
      this.expected[this.expectedCount++] = new ExpectedSequestrationFinding(
        elementsStart(t, seg, reasonElem),
        elementsEnd(t, seg, reasonElem, reasonElem + 1),
        observed,
        base,
        date === undefined ? undefined : rates.lookups[lookup],
      );
      return;
    }
    // A reversal is judged as its original: its negated money mirrors the original's excess.
    const excess = (inForce ? observed - expected : observed) * (state.reversal ? -1 : 1);
    this.set(r, inForce ? Why.Amount : Why.Suspended, excess > 0 ? Cls.Recoverable : Cls.Sequestration, excess, state, NO_LIST);
    if (state.reversal) return;
    const adj = store.cas.at(r);
    (inForce ? this.deviating : this.outOfPeriod).push({
      row: r,
      adj,
      check: sequestrationWith(adj, observed, undefined, this.model.tokens, this.rateOf)!,
    });
  }
}

/** Stands for "no list": a verdict whose rule reads another list (or none). */
const NO_LIST: number[] = [];

const KINDS: readonly PayerKind[] = ['medicare-ffs', 'medicare-advantage', 'medicaid', 'other'];

/** How many triplets have reason 253 and an amount: the most co253-sequestration findings there can be. */
function reason253Count(model: Model, flags: Uint8Array): number {
  const { reason, amount, length } = model.store.cas;
  let n = 0;
  for (let r = 0; r < length; r++) if (flags[reason[r]] & (CodeFlag.Reason253 | CodeFlag.Reason223) && amount[r] !== 0) n++;
  return n;
}
