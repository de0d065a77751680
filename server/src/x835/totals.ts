import { classify, type AdjustmentClass } from './classify';
import { isMedicareFfs } from './payerType';
import type { Adjustment, Claim, Transaction } from './types';

/** Cents per adjustment class, plus how many triplets need work. */
export interface ClassTotals {
  readonly byClass: Record<AdjustmentClass, number>;
  /** Number of triplets someone should work on. */
  readonly toWork: number;
  /** Cents of the triplets someone should work on. */
  readonly toWorkAmount: number;
}

const empty = (): Record<AdjustmentClass, number> => ({ sequestration: 0, contractual: 0, patientResponsibility: 0, actionable: 0, other: 0 });

/** Adds up adjustments by class (NaN amounts are skipped: element-format reports them). */
export function totalsOf(adjustments: Iterable<Adjustment>): ClassTotals {
  const byClass = empty();
  let toWork = 0;
  let toWorkAmount = 0;
  for (const adj of adjustments) {
    if (!Number.isFinite(adj.amount)) continue;
    const c = classify(adj);
    byClass[c.cls] += adj.amount;
    if (c.actionable) { toWork++; toWorkAmount += adj.amount; }
  }
  return { byClass, toWork, toWorkAmount };
}

/** Every adjustment of a claim: claim level first, then each line's. */
export function* claimAdjustments(claim: Claim): Iterable<Adjustment> {
  yield* claim.adjustments;
  for (const line of claim.lines) yield* line.adjustments;
}

export function claimTotals(claim: Claim): ClassTotals {
  return totalsOf(claimAdjustments(claim));
}

/** Totals of a transaction: charges, payments, adjustments by class, and provider adjustments (PLB). */
export interface TransactionTotals extends ClassTotals {
  readonly claims: number;
  readonly charged: number;
  readonly paid: number;
  /** Sum of PLB amounts (positive = withheld from the payment). */
  readonly providerAdjustments: number;
  /** Paid on Medicare fee-for-service claims (CLP06 MA/MB), the base sequestration is a share of. */
  readonly medicarePaid: number;
}

export function transactionTotals(tx: Transaction): TransactionTotals {
  let charged = 0;
  let paid = 0;
  let medicarePaid = 0;
  const all: Adjustment[] = [];
  for (const c of tx.claims) {
    if (Number.isFinite(c.charge)) charged += c.charge;
    if (Number.isFinite(c.paid)) {
      paid += c.paid;
      if (isMedicareFfs(c)) medicarePaid += c.paid;
    }
    for (const a of claimAdjustments(c)) all.push(a);
  }
  const plb = tx.providerAdjustments.reduce((s, p) => s + (Number.isFinite(p.amount) ? p.amount : 0), 0);
  return { ...totalsOf(all), claims: tx.claims.length, charged, paid, providerAdjustments: plb, medicarePaid };
}
