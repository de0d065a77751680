import { isMedicareFfs } from './payerType';
import type { Adjustment, Claim, Transaction } from './types';
import type { VerdictTotals, Verdicts } from './verdicts';

/** Every adjustment of a claim: claim level first, then each line's. */
export function* claimAdjustments(claim: Claim): Iterable<Adjustment> {
  yield* claim.adjustments;
  for (const line of claim.lines) yield* line.adjustments;
}

/** A claim's verdict totals: its money by class and its work (x835/verdicts.ts). */
export function claimTotals(verdicts: Verdicts, claim: Claim): VerdictTotals {
  const [from, to] = verdicts.claimRows(claim.index);
  return verdicts.totals(from, to);
}

/** Totals of a transaction: charges, payments, adjustments by class and work, and provider adjustments (PLB). */
export interface TransactionTotals extends VerdictTotals {
  readonly claims: number;
  readonly charged: number;
  readonly paid: number;
  /** Sum of PLB amounts (positive = withheld from the payment). */
  readonly providerAdjustments: number;
  /** Paid on Medicare fee-for-service claims (CLP06 MA/MB), the base sequestration is a share of. */
  readonly medicarePaid: number;
  readonly medicareClaims: number;
}

export function transactionTotals(verdicts: Verdicts, tx: Transaction): TransactionTotals {
  let charged = 0;
  let paid = 0;
  let medicarePaid = 0;
  let medicareClaims = 0;
  for (const c of tx.claims) {
    if (Number.isFinite(c.charge)) charged += c.charge;
    const medicare = isMedicareFfs(c);
    if (medicare) medicareClaims++;
    if (Number.isFinite(c.paid)) {
      paid += c.paid;
      if (medicare) medicarePaid += c.paid;
    }
  }
  const plb = tx.providerAdjustments.reduce((s, p) => s + (Number.isFinite(p.amount) ? p.amount : 0), 0);
  return {
    ...verdicts.claimsTotals(tx.claims),
    claims: tx.claims.length,
    charged,
    paid,
    providerAdjustments: plb,
    medicarePaid,
    medicareClaims,
  };
}

/** "1.99" (%): sequestration as a share of the Medicare payment before the cut; undefined without a base. */
export function sequestrationShare(sequestration: number, medicarePaid: number): number | undefined {
  const base = medicarePaid + sequestration;
  return base > 0 && sequestration ? sequestration / base : undefined;
}
