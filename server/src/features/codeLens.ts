import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { claimTotals, transactionTotals } from '../x835/totals';
import { formatMoney } from '../x835/values';
import { DEFAULT_VIEW_LIMITS, Visible, type ViewLimits } from './visible';

/** Above this many claims, lenses are given for the first ones only (each is cheap, thousands are noise). */
export const MAX_CLAIM_LENSES = 5000;

/**
 * Code lens: on each CLP, where the claim's money went ("Paid $78.40 · Contractual $100.00 · Patient
 * $20.00 · Sequestration $1.60 · 0 to work"); on each BPR, the transaction's totals including total
 * sequestration and its share of Medicare payments. Lenses carry no command: they are read, not clicked.
 * Only on segments VS Code renders (see Visible): on a one-line remit, the claims of its first 10,000
 * characters, not one row of thousands of lenses above the line.
 */
export function codeLenses(a: Analysis, limits: ViewLimits = DEFAULT_VIEW_LIMITS): CodeLens[] {
  const t = a.tokens;
  const view = new Visible(a, undefined, limits);
  const lenses: CodeLens[] = [];
  const at = (seg: number, title: string): CodeLens => ({
    range: { start: a.lines.positionAt(t.segStart[seg]), end: a.lines.positionAt(t.elementEndOffset(seg, 0)) },
    command: { title, command: '' },
  });
  for (const tx of a.model.transactions) {
    if (tx.payment && view.shows(t.segStart[tx.payment.seg])) lenses.push(at(tx.payment.seg, transactionTitle(tx)));
  }
  let claimLenses = 0;
  for (const claim of a.model.claims) {
    if (claimLenses >= MAX_CLAIM_LENSES) break;
    if (!view.shows(t.segStart[claim.seg])) continue;
    claimLenses++;
    const s = claimTotals(claim);
    const parts = [
      `Paid ${formatMoney(claim.paid)}`,
      `Contractual ${formatMoney(s.byClass.contractual)}`,
      `Patient ${formatMoney(s.byClass.patientResponsibility)}`,
    ];
    if (s.byClass.sequestration) parts.push(`Sequestration ${formatMoney(s.byClass.sequestration)}`);
    if (s.byClass.other) parts.push(`Other ${formatMoney(s.byClass.other)}`);
    parts.push(s.toWork ? `${s.toWork} to work (${formatMoney(s.toWorkAmount)})` : '0 to work');
    lenses.push(at(claim.seg, parts.join(' · ')));
  }
  return lenses;
}

function transactionTitle(tx: Parameters<typeof transactionTotals>[0]): string {
  const s = transactionTotals(tx);
  const share = s.medicarePaid + s.byClass.sequestration > 0 && s.byClass.sequestration
    ? ` (${((100 * s.byClass.sequestration) / (s.medicarePaid + s.byClass.sequestration)).toFixed(2)}% of Medicare payments before the cut)`
    : '';
  const parts = [
    `${s.claims} claim${s.claims === 1 ? '' : 's'}`,
    `Charged ${formatMoney(s.charged)}`,
    `Paid ${formatMoney(s.paid)}`,
    `Contractual ${formatMoney(s.byClass.contractual)}`,
    `Patient ${formatMoney(s.byClass.patientResponsibility)}`,
    `Sequestration ${formatMoney(s.byClass.sequestration)}${share}`,
  ];
  if (s.providerAdjustments) parts.push(`PLB ${formatMoney(s.providerAdjustments)}`);
  parts.push(`${s.toWork} to work`);
  return parts.join(' · ');
}
