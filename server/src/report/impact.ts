import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { transactionTotals } from '../x835/totals';
import type { Transaction } from '../x835/types';
import { VerdictFlag, Why, type Verdicts } from '../x835/verdicts';
import type { FileImpact, ImpactEntry } from './impactTable';

export { ImpactAccumulator, impactCsv, sharePercent, UNKNOWN_MONTH } from './impactTable';
export type { FileImpact, ImpactEntry, ImpactGrouping, ImpactRow } from './impactTable';

/**
 * What one analysed file contributes to the sequestration impact: one entry per 835 transaction set,
 * keyed by the month of payment (BPR16, else DTM*405) and the payer (N1*PR). The analysis can be
 * dropped afterwards; `ImpactAccumulator` (impactTable.ts) adds the entries up. Everything is read from
 * the triplets' verdicts (x835/verdicts.ts), as the summary and the editor read them:
 *
 * - CO-253 counts the sequestration reasons under CO (CO-253, and CO-223 on Medicare claims of 2013),
 *   reversals included with their negative amounts, so a reversed claim nets out: on Medicare
 *   fee-for-service claims (`medicareCo253Cents`, the share's numerator) and on every claim (`co253Cents`;
 *   the difference is other payers' CO-253, recoverable or to verify against the contract).
 * - The Medicare base is paid + CO-253 on fee-for-service claims (CLP06 MA/MB).
 * - A deviating line is a Medicare CO-253 whose verdict is off the rate table: above or below the rate
 *   in force (co253-amount), taken where none was in force (co253-suspended-period) or taken twice
 *   (co253-duplicate); the deviation is what was taken minus what the table expects.
 */
export function impactOfAnalysis(a: Analysis, _settings: Settings, file: string): FileImpact {
  const entries: ImpactEntry[] = [];
  for (const tx of a.model.transactions) {
    if (tx.setId !== '835') continue;
    entries.push(entryOf(a.verdicts, tx));
  }
  return { file, entries };
}

type ImpactEntryDraft = { -readonly [K in keyof ImpactEntry]: ImpactEntry[K] };

function entryOf(verdicts: Verdicts, tx: Transaction): ImpactEntryDraft {
  const totals = transactionTotals(verdicts, tx);
  const cas = verdicts.store.cas;
  let co253 = 0;
  let medicareCo253 = 0;
  let deviating = 0;
  let deviation = 0;
  for (const claim of tx.claims) {
    const [from, to] = verdicts.claimRows(claim.index);
    for (let r = from; r < to; r++) {
      if (!isCoSequestration(verdicts, r) || !Number.isFinite(cas.amount[r])) continue;
      co253 += cas.amount[r];
      if (!(verdicts.flags[r] & VerdictFlag.MedicareCut)) continue;
      medicareCo253 += cas.amount[r];
      const off = offRate(verdicts, r);
      if (off !== undefined) {
        deviating++;
        deviation += off;
      }
    }
  }
  return {
    month: paymentMonth(tx),
    payerName: tx.payer?.name.trim() ?? '',
    payerId: tx.payer?.id.trim() ?? '',
    claims: totals.claims,
    medicareClaims: totals.medicareClaims,
    paidCents: totals.paid,
    medicarePaidCents: totals.medicarePaid,
    co253Cents: co253,
    medicareCo253Cents: medicareCo253,
    deviating,
    deviationCents: deviation,
  };
}

/** CO-253 (any payer), or CO-223 judged as Medicare sequestration of 2013. */
function isCoSequestration(verdicts: Verdicts, r: number): boolean {
  const cas = verdicts.store.cas;
  if (cas.groupOf(r).trim().toUpperCase() !== 'CO') return false;
  const reason = cas.reasonOf(r).trim();
  return reason === '253' || (reason === '223' && verdicts.why[r] !== Why.None);
}

/** Reported − expected for a Medicare CO-253 whose verdict is off the table (not a reversal); else undefined. */
function offRate(verdicts: Verdicts, r: number): number | undefined {
  if (verdicts.flags[r] & (VerdictFlag.Reversal | VerdictFlag.Repeat)) return undefined;
  const why = verdicts.why[r];
  if (why !== Why.Amount && why !== Why.Suspended && why !== Why.Duplicate) return undefined;
  const observed = levelSum(verdicts, r);
  const expected = why === Why.Duplicate ? 0 : verdicts.expected[r];
  return observed - (Number.isNaN(expected) ? 0 : expected);
}

/** The triplets of row r's group and reason at its level, added up (what the pass judged). */
function levelSum(verdicts: Verdicts, r: number): number {
  const { cas, claims, lines } = verdicts.store;
  const claim = cas.claim[r];
  const line = cas.line[r];
  const from = line < 0 ? claims.casFrom[claim] : lines.casFrom[claims.lineFrom[claim] + line];
  const to = line < 0 ? claims.casTo[claim] : lines.casTo[claims.lineFrom[claim] + line];
  let sum = 0;
  for (let i = from; i < to; i++) if (cas.group[i] === cas.group[r] && cas.reason[i] === cas.reason[r]) sum += cas.amount[i];
  return sum;
}

/** "2024-03" from BPR16 (payment date), else DTM*405 (production date); "" when neither is known. */
export function paymentMonth(tx: Transaction): string {
  const d = tx.payment?.date ?? tx.productionDate;
  if (d === undefined) return '';
  const s = String(d);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}`;
}
