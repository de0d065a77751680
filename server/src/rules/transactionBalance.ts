import type { Finding, RelatedLocation } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import type { Transaction } from '../x835/types';
import { formatCents } from '../x835/values';
import { blank, equation } from './balanceSupport';
import { elementRange, elementsRange, MAX_RELATED, relatedAt } from './ranges';
import { eachInSteps, ENVELOPES_PER_STEP, steppedRule } from './shared';

/**
 * Transaction balancing (005010X221A1): BPR02 total payment = sum of CLP04 of every claim in the
 * transaction set - sum of every PLB amount (positive PLB amounts are withheld, negative ones paid
 * out), exactly in cents. The finding points at BPR02, with the PLB amounts as related information.
 * A debit (BPR03 D) is accepted with either sign, since payers disagree on how to write it.
 */
export const transactionBalanceRule = steppedRule('transaction-balance', function* ({ model }) {
  const t = model.tokens;
  const transactions = model.transactions;
  const out: Finding[] = [];
  yield* eachInSteps(transactions, ENVELOPES_PER_STEP, (tx) => checkTransaction(t, tx, out));
  return out;
});

function checkTransaction(t: SegmentTable, tx: Transaction, out: Finding[]): void {
  const payment = tx.payment;
  if (tx.setId !== '835' || !payment || blank(t, payment.seg, 2) || Number.isNaN(payment.amount)) return;
  let claims = 0;
  let unreadable = false;
  for (const c of tx.claims) {
    if (Number.isNaN(c.paid) || blank(t, c.seg, 4)) { unreadable = true; break; }
    claims += c.paid;
  }
  let plb = 0;
  for (const p of tx.providerAdjustments) plb += p.amount;
  if (unreadable || Number.isNaN(plb)) return;
  const expected = claims - plb;
  if (expected === payment.amount || (payment.creditDebit === 'D' && expected === -payment.amount)) return;
  const related: RelatedLocation[] = [];
  for (const p of tx.providerAdjustments) {
    if (related.length >= MAX_RELATED) break;
    related.push(relatedAt(elementsRange(t, p.seg, p.elem, p.elem + 1), `PLB ${p.reason || '?'}${p.reference ? ` (${p.reference})` : ''}: ${formatCents(p.amount)}`));
  }
  const count = tx.claims.length;
  out.push({
    code: 'transaction-balance', ...elementRange(t, payment.seg, 2),
    message: `The payment does not balance: ${equation(`claims paid (CLP04 of ${count} claim${count === 1 ? '' : 's'})`, claims, 'provider adjustments (PLB)', plb, 'BPR02', payment.amount)}.`,
    related,
  });
}
