import type { RateLookup } from '../../codes/sequestration';
import type { Severity } from '../../x12/finding';
import { VerdictFlag, type Verdicts } from '../../x835/verdicts';
import type { SequestrationCheck } from '../../x835/sequestrationCheck';
import type { Adjustment } from '../../x835/types';
import { formatCents, formatDate } from '../../x835/values';

/**
 * What the co253-* rules share: which triplets they look at, where their findings go, and how their
 * numbers read. The pass that judges every CO-253 once per run is in co253Facts.ts.
 */

/** A CO-253 on a Medicare fee-for-service claim with readable amounts, and its arithmetic. */
export interface MedicareSequestration {
  /** The triplet's row in the model's CAS columns (and its verdict's). */
  readonly row: number;
  readonly adj: Adjustment;
  readonly check: SequestrationCheck;
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
  '472': 'service date',
  '150': 'service period start',
  '232': 'claim statement start',
  '233': 'claim statement end',
};

/** "the built-in table" / "your era835.sequestration.periods" */
export function describeSource(lookup: RateLookup): string {
  return lookup.source === 'setting' ? 'your era835.sequestration.periods' : 'the built-in sequestration table';
}

/**
 * The severity of a finding that explains a triplet's verdict: its code's own (Warning) when the
 * triplet is work, Information when it is not (a reversal in this file undoes it, or it costs nothing):
 * so the Warnings of a file are its worklist.
 */
export function verdictSeverity(verdicts: Verdicts, row: number): Severity | undefined {
  return verdicts.isActionable(row) ? undefined : 'information';
}

/**
 * What the verdict adds to a finding's message: " Needs work: on the worklist." when the triplet is work
 * (so filtering the Problems panel on "needs work" lists exactly the worklist, as adjustment-actionable's
 * "… needs work (claim X)" does for denials); " A reversal later in this file undoes this payment…" when
 * one does; else ''.
 */
export function verdictNote(verdicts: Verdicts, row: number): string {
  if (verdicts.isActionable(row)) return ` ${WORK_NOTE}`;
  return verdicts.flags[row] & VerdictFlag.ReversedInFile
    ? ' A reversal later in this file undoes this payment: nothing to claim here.'
    : '';
}

/** The words every finding about a triplet that is work carries (the Problems panel's filter for the worklist). */
export const WORK_NOTE = 'Needs work: on the worklist.';
