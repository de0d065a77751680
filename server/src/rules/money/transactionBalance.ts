import type { Finding, RelatedLocation } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Transaction } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { blank, equation } from '../engine/balanceSupport';
import { elementRange, elementsRange, MAX_RELATED, relatedAt } from '../engine/ranges';
import { transactionPaid } from '../engine/claimPass';
import { ENVELOPES_PER_STEP, inSteps, steppedRule } from '../engine/shared';

/**
 * Transaction balancing (005010X221A1): BPR02 total payment = sum of CLP04 of every claim in the
 * transaction set - sum of every PLB amount (positive PLB amounts are withheld, negative ones paid
 * out), exactly in cents. The finding points at BPR02, with the PLB amounts as related information.
 * A debit (BPR03 D) is accepted with either sign, since payers disagree on how to write it.
 */
export const transactionBalanceRule = steppedRule('transaction-balance', function* (ctx) {
  const t = ctx.model.tokens;
  const transactions = ctx.model.transactions;
  // CLP04 of every claim, added per transaction by the walk over the claims (claimPass.ts).
  const paid = yield* transactionPaid(ctx);
  const out: Finding[] = [];
  yield* inSteps(transactions.length, ENVELOPES_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) checkTransaction(t, transactions[i], paid[i], out);
  });
  return out;
});

/** `claims`: the CLP04 total of the transaction's claims, NaN when one is unreadable or empty. */
function checkTransaction(t: SegmentTable, tx: Transaction, claims: number, out: Finding[]): void {
  const payment = tx.payment;
  if (tx.setId !== '835' || !payment || blank(t, payment.seg, 2) || Number.isNaN(payment.amount)) return;
  let plb = 0;
  for (const p of tx.providerAdjustments) plb += p.amount;
  if (Number.isNaN(claims) || Number.isNaN(plb)) return;
  const expected = claims - plb;
  if (expected === payment.amount || (payment.creditDebit === 'D' && expected === -payment.amount)) return;
  const related: RelatedLocation[] = [];
  for (const p of tx.providerAdjustments) {
    if (related.length >= MAX_RELATED) break;
    related.push(
      relatedAt(
        elementsRange(t, p.seg, p.elem, p.elem + 1),
        `PLB ${p.reason || '?'}${p.reference ? ` (${p.reference})` : ''}: ${formatCents(p.amount)}`,
      ),
    );
  }
  const count = tx.claims.length;
  out.push({
    code: 'transaction-balance',
    ...elementRange(t, payment.seg, 2),
    message: `The payment does not balance: ${equation(`claims paid (CLP04 of ${count} claim${count === 1 ? '' : 's'})`, claims, 'provider adjustments (PLB)', plb, 'BPR02', payment.amount)}.`,
    related,
  });
}
