import type { Analysis } from '../analysis';
import { medicareSequestrations, tripletRange } from '../rules/co253Common';
import type { Settings } from '../settings';
import { classify } from '../x835/classify';
import { isMedicareFfs } from '../x835/payerType';
import { claimAdjustments, transactionTotals } from '../x835/totals';
import type { Transaction } from '../x835/types';
import type { FileImpact, ImpactEntry } from './impactTable';

export { ImpactAccumulator, impactCsv, sharePercent, UNKNOWN_MONTH } from './impactTable';
export type { FileImpact, ImpactEntry, ImpactGrouping, ImpactRow } from './impactTable';

/**
 * What one analysed file contributes to the sequestration impact: one entry per 835 transaction set,
 * keyed by the month of payment (BPR16, else DTM*405) and the payer (N1*PR). The analysis can be
 * dropped afterwards; `ImpactAccumulator` (impactTable.ts) adds the entries up.
 *
 * - CO-253 counts the triplets `classify` calls sequestration under group CO (CO-253, and CO-223 on
 *   Medicare claims of 2013), reversals included with their negative amounts, so a reversed claim nets out.
 * - The Medicare base is paid + CO-253 on fee-for-service claims (CLP06 MA/MB, `isMedicareFfs`), the
 *   amount the cut was taken from.
 * - A deviating line is one the co253-amount rule reported: exactly its findings, with the difference its
 *   arithmetic (`expectedSequestration`) computed.
 */
export function impactOfAnalysis(a: Analysis, settings: Settings, file: string): FileImpact {
  const entries = new Map<Transaction, ImpactEntryDraft>();
  for (const tx of a.model.transactions) {
    if (tx.setId !== '835') continue;
    entries.set(tx, draftOf(tx));
  }
  for (const { tx, difference } of deviatingLines(a, settings)) {
    const e = entries.get(tx);
    if (!e) continue;
    e.deviating++;
    e.deviationCents += difference;
  }
  return { file, entries: [...entries.values()] };
}

type ImpactEntryDraft = { -readonly [K in keyof ImpactEntry]: ImpactEntry[K] };

function draftOf(tx: Transaction): ImpactEntryDraft {
  const totals = transactionTotals(tx);
  let medicareClaims = 0;
  let medicarePaid = 0;
  let co253 = 0;
  let medicareCo253 = 0;
  for (const claim of tx.claims) {
    const medicare = isMedicareFfs(claim);
    if (medicare) {
      medicareClaims++;
      if (Number.isFinite(claim.paid)) medicarePaid += claim.paid;
    }
    for (const adj of claimAdjustments(claim)) {
      if (!Number.isFinite(adj.amount) || adj.group.trim().toUpperCase() !== 'CO') continue;
      if (classify(adj).cls !== 'sequestration') continue;
      co253 += adj.amount;
      if (medicare) medicareCo253 += adj.amount;
    }
  }
  return {
    month: paymentMonth(tx),
    payerName: tx.payer?.name.trim() ?? '',
    payerId: tx.payer?.id.trim() ?? '',
    claims: totals.claims,
    medicareClaims,
    paidCents: totals.paid,
    medicarePaidCents: medicarePaid,
    co253Cents: co253,
    medicareCo253Cents: medicareCo253,
    deviating: 0,
    deviationCents: 0,
  };
}

/** "2024-03" from BPR16 (payment date), else DTM*405 (production date); "" when neither is known. */
export function paymentMonth(tx: Transaction): string {
  const d = tx.payment?.date ?? tx.productionDate;
  if (d === undefined) return '';
  const s = String(d);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}`;
}

/** The CO-253 lines the co253-amount rule reported, with their transaction and difference. */
export function deviatingLines(a: Analysis, settings: Settings): Array<{ tx: Transaction; difference: number }> {
  const reported = new Set<number>();
  for (const f of a.findings) if (f.code === 'co253-amount') reported.add(f.start);
  if (!reported.size) return [];
  const out: Array<{ tx: Transaction; difference: number }> = [];
  for (const { adj, check } of medicareSequestrations(a.model, settings)) {
    if (reported.has(tripletRange(a.model.tokens, adj).start)) out.push({ tx: adj.claim.transaction, difference: check.difference });
  }
  return out;
}
