import type { Claim } from './types';

/**
 * What kind of payer a claim was adjudicated by, as far as sequestration cares, from its claim filing
 * indicator (CLP06) alone: a code the payer states for the claim, where a payer's name is a guess
 * (MACs also process commercial claims as contractors, and plans rename themselves).
 *
 * - `medicare-ffs`: CLP06 `MA` (Medicare Part A) or `MB` (Medicare Part B, DME MACs included).
 *   Sequestration applies by law (Budget Control Act 2011).
 * - `medicare-advantage`: CLP06 `16` (HMO Medicare risk) or `HM` (HMO: the code Medicare Advantage HMOs
 *   file under). Such plans pass the federal cut on only when the provider's contract allows it.
 * - `medicaid`: CLP06 `MC`: no statutory basis for sequestration.
 * - `other`: commercial (PPO, POS, indemnity...), TRICARE, workers' compensation...: no statutory basis.
 */
export type PayerKind = 'medicare-ffs' | 'medicare-advantage' | 'medicaid' | 'other';

const KIND_BY_FILING: Readonly<Record<string, PayerKind>> = {
  MA: 'medicare-ffs',
  MB: 'medicare-ffs',
  '16': 'medicare-advantage',
  HM: 'medicare-advantage',
  MC: 'medicaid',
};

export function payerKind(claim: Claim): PayerKind {
  return payerKindOf(claim.filingIndicator);
}

/** The kind of a CLP06 code. */
export function payerKindOf(filingIndicator: string): PayerKind {
  return KIND_BY_FILING[filingIndicator.trim().toUpperCase()] ?? 'other';
}

export function isMedicareFfs(claim: Claim): boolean {
  return payerKind(claim) === 'medicare-ffs';
}
