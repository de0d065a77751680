import type { Claim } from './types';

/**
 * What kind of payer a claim was adjudicated by, as far as sequestration cares.
 *
 * - `medicare-ffs`: CLP06 (claim filing indicator) `MA` (Medicare Part A) or `MB` (Medicare Part B, DME
 *   MACs included). Sequestration applies by law (Budget Control Act 2011).
 * - `medicare-advantage`: CLP06 `16` (HMO Medicare risk), or a managed-care indicator (`HM`, `12`, `13`,
 *   `14`) from a payer whose name (N1*PR) says "ADVANTAGE". Such plans pass the federal cut on only when
 *   the provider's contract allows it. A plain "MEDICARE" in the payer name is not enough: MACs sometimes
 *   appear on commercial claims they process as contractors, and a wrong guess would hide a warning.
 * - `other`: commercial, Medicaid, TRICARE, workers' compensation...: no statutory basis for sequestration.
 */
export type PayerKind = 'medicare-ffs' | 'medicare-advantage' | 'other';

const MEDICARE_FFS = new Set(['MA', 'MB']);
const MANAGED_CARE = new Set(['HM', '12', '13', '14']);

export function payerKind(claim: Claim): PayerKind {
  const ind = claim.filingIndicator.trim().toUpperCase();
  if (MEDICARE_FFS.has(ind)) return 'medicare-ffs';
  if (ind === '16') return 'medicare-advantage';
  if (MANAGED_CARE.has(ind) && /ADVANTAGE/i.test(claim.transaction.payer?.name ?? '')) return 'medicare-advantage';
  return 'other';
}

export function isMedicareFfs(claim: Claim): boolean {
  return payerKind(claim) === 'medicare-ffs';
}
