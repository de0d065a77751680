import type { CodeLens } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { claimTotals, sequestrationShare, transactionTotals } from '../x835/totals';
import type { Transaction } from '../x835/types';
import { formatMoney } from '../x835/values';
import { DEFAULT_VIEW_LIMITS, jsonBytes, MAX_BYTES, Visible, type ViewLimits } from './visible';
import { workText, type Verdicts } from '../x835/verdicts';

/** Above this many claims, lenses are given for the first ones only (each is cheap, thousands are noise). */
export const MAX_CLAIM_LENSES = 5000;

/**
 * Code lens: on each CLP, where the claim's money went ("Paid $78.40 · Contractual $100.00 · Patient
 * $20.00 · Sequestration $1.60 · 0 to work"); on each BPR, the transaction's totals including Medicare
 * sequestration and its share of Medicare payments. Both add up the triplets' verdicts (x835/verdicts.ts),
 * and end with the work: "2 to work · $8.80 to recover". Lenses carry no command: they are read, not clicked.
 * Only on segments VS Code renders (see Visible): on a one-line remit, the claims of its first 10,000
 * characters, not one row of thousands of lenses above the line. At most MAX_CLAIM_LENSES claims and
 * MAX_BYTES.codeLens of JSON, whatever the file (a file of many small payments has a lens per payment).
 */
export function codeLenses(a: Analysis, limits: ViewLimits = DEFAULT_VIEW_LIMITS, maxBytes: number = MAX_BYTES.codeLens): CodeLens[] {
  const t = a.tokens;
  const view = new Visible(a, undefined, limits);
  const lenses: CodeLens[] = [];
  const at = (seg: number, title: string): CodeLens => ({
    range: { start: a.lines.positionAt(t.segStart[seg]), end: a.lines.positionAt(t.elementEndOffset(seg, 0)) },
    command: { title, command: '' },
  });
  let bytesLeft = maxBytes;
  /** Adds a lens while the budget lasts (false once it is spent). */
  const add = (lens: CodeLens): boolean => {
    bytesLeft -= jsonBytes(lens) + 1;
    return bytesLeft >= 0 && lenses.push(lens) > 0;
  };
  for (const tx of a.model.transactions) {
    if (!tx.payment) continue;
    const start = t.segStart[tx.payment.seg];
    if (view.beyond(start)) break;
    if (view.shows(start) && !add(at(tx.payment.seg, transactionTitle(a.verdicts, tx)))) return lenses;
  }
  let claimLenses = 0;
  for (const claim of a.model.claims) {
    if (claimLenses >= MAX_CLAIM_LENSES || view.beyond(t.segStart[claim.seg])) break;
    if (!view.shows(t.segStart[claim.seg])) continue;
    claimLenses++;
    const s = claimTotals(a.verdicts, claim);
    const parts = [
      `Paid ${formatMoney(claim.paid)}`,
      `Contractual ${formatMoney(s.byClass.contractual)}`,
      `Patient ${formatMoney(s.byClass.patientResponsibility)}`,
    ];
    if (s.byClass.sequestration) parts.push(`Sequestration ${formatMoney(s.byClass.sequestration)}`);
    if (s.byClass.recoverable) parts.push(`Recoverable adjustments ${formatMoney(s.byClass.recoverable)}`);
    if (s.byClass.needsWork) parts.push(`Needs work ${formatMoney(s.byClass.needsWork)}`);
    if (s.byClass.other) parts.push(`Other ${formatMoney(s.byClass.other)}`);
    parts.push(workText(s));
    if (!add(at(claim.seg, parts.join(' · ')))) break;
  }
  return lenses;
}

function transactionTitle(verdicts: Verdicts, tx: Transaction): string {
  const s = transactionTotals(verdicts, tx);
  const rate = sequestrationShare(s.medicareCutCents, s.medicarePaid);
  const share = rate !== undefined ? ` (${(100 * rate).toFixed(2)}% of Medicare payments before the cut)` : '';
  const parts = [
    `${s.claims} claim${s.claims === 1 ? '' : 's'}`,
    `Charged ${formatMoney(s.charged)}`,
    `Paid ${formatMoney(s.paid)}`,
    `Contractual ${formatMoney(s.byClass.contractual)}`,
    `Patient ${formatMoney(s.byClass.patientResponsibility)}`,
    // The Medicare CO-253 taken differs from the sequestration class when part of it is off-rate
    // (recoverable): then both are shown; else the share goes with the one figure.
    ...(s.medicareCutCents === s.byClass.sequestration
      ? [`Sequestration ${formatMoney(s.byClass.sequestration)}${share}`]
      : [`Sequestration ${formatMoney(s.byClass.sequestration)}`, `Medicare CO-253 ${formatMoney(s.medicareCutCents)}${share}`]),
  ];
  if (s.byClass.recoverable) parts.push(`Recoverable adjustments ${formatMoney(s.byClass.recoverable)}`);
  if (s.providerAdjustments) parts.push(`PLB ${formatMoney(s.providerAdjustments)}`);
  parts.push(workText(s));
  return parts.join(' · ');
}
