import { bprHandling, creditDebit, paymentMethod } from '../../codes/lists';
import type { Transaction } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import { longDate } from './format';

/**
 * The BPR explained: what was paid, how and when, and how it adds up from the claims and the PLB
 * (BPR02 = Σ CLP04 − Σ PLB amounts; a positive PLB amount is withheld, a negative one is added).
 * Summing the transaction's claims is linear in its claim count, not in the file: fine per hover.
 */
export function paymentSummary(tx: Transaction): string {
  const pay = tx.payment;
  if (!pay) return '';
  const method = paymentMethod.entries.get(pay.method)?.text;
  const direction = creditDebit.entries.get(pay.creditDebit)?.text;
  const handling = bprHandling.entries.get(pay.handling)?.text;
  const head = [
    `**Payment ${formatMoney(pay.amount)}**`,
    pay.method ? `${pay.method}${method ? ` (${lower(method)})` : ''}` : '',
    pay.date !== undefined ? `on ${longDate(pay.date)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const facts = [direction, handling]
    .filter(Boolean)
    .map((s) => `${s}.`)
    .join(' ');

  let claimsPaid = 0;
  for (const c of tx.claims) claimsPaid += c.paid;
  let plb = 0;
  for (const p of tx.providerAdjustments) plb += p.amount;
  const rows = [
    '| | |',
    '|:--|--:|',
    `| Claims paid (Σ CLP04, ${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}) | ${formatMoney(claimsPaid)} |`,
  ];
  if (tx.providerAdjustments.length) {
    rows.push(`| Provider adjustments (PLB: withheld if positive) | ${plb < 0 ? '+' : '−'}${formatMoney(Math.abs(plb))} |`);
  }
  const expected = claimsPaid - plb;
  rows.push(`| **= Payment expected** | **${formatMoney(expected)}** |`);
  const gap = pay.amount - expected;
  const check = !Number.isFinite(gap)
    ? ''
    : gap === 0
      ? `✓ BPR02 ${formatMoney(pay.amount)} matches.`
      : `⚠ BPR02 ${formatMoney(pay.amount)} is ${formatMoney(Math.abs(gap))} ${gap < 0 ? 'less' : 'more'} than the claims and PLB add up to (transaction-balance).`;
  const trace = tx.trace?.number ? `Trace (TRN02) \`${tx.trace.number}\`: the number to match with the bank deposit.` : '';
  return [head, facts, rows.join('\n'), check, trace].filter(Boolean).join('\n\n');
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
