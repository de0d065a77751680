import { CARC } from '../codes/carc';
import type { ModelStore } from './records';
import { formatMoney } from './values';
import type { Claim } from './types';

/**
 * One verdict per CAS triplet: what an analyst does with it. The claim pass (rules/engine/claimPass.ts) judges
 * every triplet once per analysis and writes the answer here, in typed columns parallel to the model's
 * CAS rows (`ModelStore.cas`); every view reads these columns and none judges again: diagnostics, hover,
 * inlay labels, semantic modifiers, CAS shading, code lens, outline marks, navigation, the summary,
 * impact and the CSV export. So they all tell the same story about the money.
 *
 * A verdict holds:
 * - the class, where the triplet's money sits (exactly one per triplet, so charged = paid + the classes):
 *   - `contractual`: an expected write-off under the contract or fee schedule;
 *   - `sequestration`: Medicare fee-for-service sequestration at the rate in force (CO-253; CO-223 of
 *     2013), or without a date to check: post it as a contractual adjustment of its own;
 *   - `patientResponsibility`: the patient owes it (group PR; never reason 253);
 *   - `needsWork`: a denial or missing information, reason 253 under the wrong group, or a Medicare
 *     Advantage cut the contract must allow;
 *   - `recoverable`: money taken that should not have been (CO-253 above the rate, in a suspended
 *     period, twice on one claim, or by a payer with no law behind it): ask for it back;
 *   - `other`: informational, prior payer, a reason the code list lacks...
 * - whether it is actionable: someone should work on it (the worklist). A reversal (CLP02 22) sits in
 *   the class its original had, with negated money, and is never actionable; nor is an original that a
 *   reversal in the same file undoes, nor a repeat of a group and reason at one level (the first one
 *   carries the level's sum).
 * - the recoverable amount (cents, > 0 only when actionable money can be claimed back) and, for
 *   sequestration reasons, the expected amount (cents);
 * - the finding code that explains it (a code of the diagnostic contract, or none);
 * - the action, in words (`Verdicts.actionOf`).
 */

/** Where a triplet's money sits. */
export type VerdictClass = 'contractual' | 'sequestration' | 'patientResponsibility' | 'needsWork' | 'recoverable' | 'other';

/** The classes by their stored number (`Cls`), in the order reports show them. */
export const VERDICT_CLASSES: readonly VerdictClass[] = [
  'contractual',
  'sequestration',
  'patientResponsibility',
  'needsWork',
  'recoverable',
  'other',
];

/** The class numbers stored in `Verdicts.cls`. */
export const enum Cls {
  Contractual = 0,
  Sequestration = 1,
  PatientResponsibility = 2,
  NeedsWork = 3,
  Recoverable = 4,
  Other = 5,
}

/** The finding codes a verdict can name, by their stored number (`Why`); 0: none. */
export const VERDICT_FINDINGS = [
  '',
  'adjustment-actionable',
  'co253-sequestration',
  'co253-amount',
  'co253-unknown-rate',
  'co253-suspended-period',
  'co253-non-medicare',
  'co253-group',
  'co253-duplicate',
  'co253-reversal',
] as const;

export type VerdictFinding = Exclude<(typeof VERDICT_FINDINGS)[number], ''>;

/** The finding numbers stored in `Verdicts.why`. */
export const enum Why {
  None = 0,
  Actionable,
  Sequestration,
  Amount,
  UnknownRate,
  Suspended,
  NonMedicare,
  Group,
  Duplicate,
  Reversal,
}

/** Bits of `Verdicts.flags`. */
export const enum VerdictFlag {
  Actionable = 1,
  /** The triplet's claim is a reversal (CLP02 22). */
  Reversal = 2,
  /** Not the first triplet of its group and reason at its level: the first carries the level's sum. */
  Repeat = 4,
  /** A reversal later in this file undoes the triplet's claim. */
  ReversedInFile = 8,
  /** The claim is Medicare fee-for-service (CLP06 MA/MB): sequestration totals count these only. */
  MedicareFfs = 16,
  /** CO-253 (or CO-223 of 2013) on a Medicare fee-for-service claim, whatever its verdict: the cut Medicare took. */
  MedicareCut = 32,
}

/** One triplet's verdict as an object (`Verdicts.at`): for hovers, reports and tests. */
export interface Verdict {
  /** The triplet's row in the model's CAS columns. */
  readonly row: number;
  readonly cls: VerdictClass;
  readonly actionable: boolean;
  /** Cents to claim back (0 when nothing is, always 0 when not actionable). */
  readonly recoverableCents: number;
  /** For sequestration reasons judged against the rate table: the expected amount (cents); else undefined. */
  readonly expectedCents: number | undefined;
  /** The finding code that explains the verdict, if any. */
  readonly finding: VerdictFinding | undefined;
  readonly reversal: boolean;
  readonly reversedInFile: boolean;
  readonly medicareFfs: boolean;
  /** What to do, in words ('' when nothing). */
  readonly action: string;
}

/** Cents per class, plus the work. */
export interface VerdictTotals {
  /** Σ amount per class (unreadable amounts skipped: element-format reports them). */
  readonly byClass: Record<VerdictClass, number>;
  /** Actionable triplets, Σ of their amounts, Σ of their recoverable cents. */
  readonly toWork: number;
  readonly toWorkCents: number;
  readonly toRecoverCents: number;
  /**
   * Σ CO-253 (and CO-223 of 2013) on Medicare fee-for-service claims, whatever their verdict: the cut
   * Medicare took, the numerator of "its share of the Medicare payment before the cut".
   */
  readonly medicareCutCents: number;
}

/** The verdict columns of one analysis, one row per CAS row of the model. */
export class Verdicts {
  readonly cls: Uint8Array;
  readonly flags: Uint8Array;
  readonly why: Uint8Array;
  /** Cents; 0 when nothing to recover. */
  readonly recoverable: Float64Array;
  /** Cents; NaN when the triplet is not judged against the rate table. */
  readonly expected: Float64Array;

  constructor(readonly store: ModelStore) {
    const n = store.cas.length;
    this.cls = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.why = new Uint8Array(n);
    this.recoverable = new Float64Array(n);
    this.expected = new Float64Array(n).fill(NaN);
  }

  get length(): number {
    return this.cls.length;
  }

  isActionable(row: number): boolean {
    return (this.flags[row] & VerdictFlag.Actionable) !== 0;
  }

  classOf(row: number): VerdictClass {
    return VERDICT_CLASSES[this.cls[row]];
  }

  /** The finding code of row `row`, or undefined. */
  findingOf(row: number): VerdictFinding | undefined {
    return (VERDICT_FINDINGS[this.why[row]] || undefined) as VerdictFinding | undefined;
  }

  /** The verdict of CAS row `row` as an object. */
  at(row: number): Verdict {
    const f = this.flags[row];
    const expected = this.expected[row];
    return {
      row,
      cls: this.classOf(row),
      actionable: (f & VerdictFlag.Actionable) !== 0,
      recoverableCents: this.recoverable[row],
      expectedCents: Number.isNaN(expected) ? undefined : expected,
      finding: this.findingOf(row),
      reversal: (f & VerdictFlag.Reversal) !== 0,
      reversedInFile: (f & VerdictFlag.ReversedInFile) !== 0,
      medicareFfs: (f & VerdictFlag.MedicareFfs) !== 0,
      action: this.actionOf(row),
    };
  }

  /** What to do about row `row`, in words ('' when nothing is to be done). */
  actionOf(row: number): string {
    const f = this.flags[row];
    if (f & VerdictFlag.Reversal)
      return 'Nothing to claim: a reversal undoes the original payment with its adjustments; post it against the original.';
    if (f & VerdictFlag.ReversedInFile)
      return 'Nothing to claim: a reversal in this file undoes this payment; work the correction instead.';
    if (f & VerdictFlag.Repeat) return '';
    const cas = this.store.cas;
    switch (this.why[row] as Why) {
      case Why.Actionable:
        return CARC.entries.get(cas.reasonOf(row).trim().toUpperCase())?.action ?? 'Rebill, correct or appeal.';
      case Why.Sequestration:
        return 'Post as a contractual adjustment (Medicare sequestration); do not appeal, rebill or bill the patient.';
      case Why.Amount:
        return this.recoverable[row] > 0
          ? 'Ask the payer to reprocess and refund the excess.'
          : 'Post as is; the payer took less than the rate (it may correct it later).';
      case Why.UnknownRate:
        return 'Post as a contractual adjustment; update era835.sequestration.periods if a new rate is in force.';
      case Why.Suspended:
        return 'Ask the payer to reprocess and pay it back: no sequestration was in force for this date.';
      case Why.NonMedicare:
        return this.cls[row] === Cls.Recoverable
          ? 'Ask the payer to refund it unless your contract allows the cut: this payer has no law behind it.'
          : 'Verify the contract: a Medicare Advantage plan may pass the cut on only if your contract says so.';
      case Why.Group:
        return 'Do not bill the patient; ask the payer to correct the group to CO.';
      case Why.Duplicate:
        return 'Ask the payer to refund the double cut: sequestration is taken at one level only.';
      default:
        return '';
    }
  }

  /**
   * The CAS rows of claim row `claim` (its own triplets, then its lines'), as [from, to): the builder
   * starts a claim's rows where the previous claim's end, and a claim's rows are consecutive.
   */
  claimRows(claim: number): [number, number] {
    const claims = this.store.claims;
    return [claims.casFrom[claim], claim + 1 < claims.length ? claims.casFrom[claim + 1] : this.length];
  }

  /** Totals over CAS rows from..to-1. */
  totals(from = 0, to = this.length): VerdictTotals {
    return this.addTotals(emptyTotals(), from, to);
  }

  /** Totals over the given claims (rows of the claim columns or handles). */
  claimsTotals(claims: Iterable<Claim>): VerdictTotals {
    const t = emptyTotals();
    for (const c of claims) {
      const [from, to] = this.claimRows(c.index);
      this.addTotals(t, from, to);
    }
    return t;
  }

  private addTotals(t: MutableTotals, from: number, to: number): MutableTotals {
    const amount = this.store.cas.amount;
    for (let r = from; r < to; r++) {
      const cents = amount[r];
      if (!Number.isFinite(cents)) continue;
      const cls = VERDICT_CLASSES[this.cls[r]];
      t.byClass[cls] += cents;
      if (this.flags[r] & VerdictFlag.MedicareCut) t.medicareCutCents += cents;
      if (this.flags[r] & VerdictFlag.Actionable) {
        t.toWork++;
        t.toWorkCents += cents;
        t.toRecoverCents += this.recoverable[r];
      }
    }
    return t;
  }
}

type MutableTotals = { -readonly [K in keyof VerdictTotals]: VerdictTotals[K] } & { byClass: Record<VerdictClass, number> };

function emptyTotals(): MutableTotals {
  return {
    byClass: { contractual: 0, sequestration: 0, patientResponsibility: 0, needsWork: 0, recoverable: 0, other: 0 },
    toWork: 0,
    toWorkCents: 0,
    toRecoverCents: 0,
    medicareCutCents: 0,
  };
}

/** The classes in running text ("… · recoverable, 6.80 to recover"). */
export const CLASS_WORDS: Readonly<Record<VerdictClass, string>> = {
  contractual: 'contractual',
  sequestration: 'Medicare sequestration',
  patientResponsibility: 'patient responsibility',
  needsWork: 'needs work',
  recoverable: 'recoverable',
  other: 'other',
};

/** Words for the classes, as reports and hovers show them. */
export const CLASS_LABELS: Readonly<Record<VerdictClass, string>> = {
  contractual: 'Contractual',
  sequestration: 'Sequestration (Medicare)',
  patientResponsibility: 'Patient responsibility',
  needsWork: 'Needs work',
  recoverable: 'Recoverable',
  other: 'Other',
};

/**
 * A verdict in a word or two, as the CAS shading and the inlay label say it: "to recover" or "needs work"
 * for work, else the class ("sequestration", "contractual", "patient", "recoverable", "other").
 */
export function verdictLabel(v: Verdict): string {
  if (v.actionable) return v.recoverableCents > 0 ? 'to recover' : 'needs work';
  if (v.reversal || v.reversedInFile) return 'reversed';
  switch (v.cls) {
    case 'patientResponsibility':
      return 'patient';
    case 'needsWork':
      return 'no work';
    default:
      return v.cls;
  }
}

/** "2 to work · $8.80 to recover", "1 to work" or "0 to work": the work of some triplets, as lenses and the outline say it. */
export function workText(s: VerdictTotals): string {
  return s.toRecoverCents > 0 ? `${s.toWork} to work · ${formatMoney(s.toRecoverCents)} to recover` : `${s.toWork} to work`;
}
