import type { Adjustment, Claim, Party, Procedure } from '../x835/types';
import { formatDate } from '../x835/values';

/** Small text forms of model objects that the summary, the CSV export and the CLI all print the same way. */

/** "DOE, JANE" from NM1*QC (empty when the claim has none). */
export function patientName(claim: Claim): string {
  const p = claim.patient;
  return p ? [p.last, p.first].filter(Boolean).join(', ') : '';
}

/** "HC:99213:25" (qualifier, code, modifiers), or "" when there is no procedure. */
export function procedureText(p: Procedure | undefined): string {
  if (!p || (!p.code && !p.qualifier)) return '';
  return [p.qualifier, p.code, ...p.modifiers].join(':').replace(/:+$/, '');
}

/** The service date of a triplet: its line's DTM*472/150, else the claim's DTM*232 (ISO), or "". */
export function serviceDateOf(adj: Adjustment): string {
  const d = adj.line?.serviceDate ?? adj.claim.statementFrom;
  return d === undefined ? '' : formatDate(d);
}

/** Name, qualifier and id of an N1 party (empty strings when absent). */
export function partyOf(p: Party | undefined): { name: string; idQualifier: string; id: string } {
  return { name: p?.name.trim() ?? '', idQualifier: p?.idQualifier.trim() ?? '', id: p?.id.trim() ?? '' };
}
