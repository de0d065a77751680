import type { Finding, RelatedLocation } from '../x12/finding';
import { formatCents } from '../x835/values';
import { blank, equation } from './balanceSupport';
import { elementRange, elementsRange, MAX_RELATED, relatedAt } from './ranges';
import type { Rule } from './types';

/**
 * Transaction balancing (005010X221A1): BPR02 total payment = sum of CLP04 of every claim in the
 * transaction set - sum of every PLB amount (positive PLB amounts are withheld, negative ones paid
 * out), exactly in cents. The finding points at BPR02, with the PLB amounts as related information.
 * A debit (BPR03 D) is accepted with either sign, since payers disagree on how to write it.
 */
export const transactionBalanceRule: Rule = {
  id: 'transaction-balance',
  check({ model }) {
    const t = model.tokens;
    const out: Finding[] = [];
    for (const tx of model.transactions) {
      const payment = tx.payment;
      if (tx.setId !== '835' || !payment || blank(t, payment.seg, 2) || Number.isNaN(payment.amount)) continue;
      let claims = 0;
      let unreadable = false;
      for (const c of tx.claims) {
        if (Number.isNaN(c.paid) || blank(t, c.seg, 4)) { unreadable = true; break; }
        claims += c.paid;
      }
      let plb = 0;
      for (const p of tx.providerAdjustments) plb += p.amount;
      if (unreadable || Number.isNaN(plb)) continue;
      const expected = claims - plb;
      if (expected === payment.amount || (payment.creditDebit === 'D' && expected === -payment.amount)) continue;
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
    return out;
  },
};
