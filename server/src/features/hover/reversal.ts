import type { Analysis } from '../../analysis';
import { claimsNear } from '../../x835/lookup';
import type { Claim } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import { claimLink } from './links';

/** CLP02 of a reversal: the payer takes back a previous payment (all amounts negated). */
export const REVERSAL_STATUS = '22';

/**
 * A reversal (CLP02 22) and its correction (same CLP01 or CLP07, another status) usually travel
 * together: the payer takes the old payment back and pays again. When the partner is nearby in the
 * file (PAIR_WINDOW claims either side), each claim's hover points at the other and says what changed.
 */
export function reversalNote(a: Analysis, claim: Claim, uri: string | undefined): string {
  const isReversal = claim.status === REVERSAL_STATUS;
  // The nearest partner first: a file may carry several reversal/correction pairs of one claim.
  const partners = related(a, claim)
    .filter((c) => (c.status === REVERSAL_STATUS) !== isReversal)
    .sort((x, y) => Math.abs(x.seg - claim.seg) - Math.abs(y.seg - claim.seg));
  if (isReversal) {
    if (!partners.length)
      return `↩ **Reversal** of a previous payment (${formatMoney(claim.paid)}); no correction next to it in this file.`;
    const c = partners[0];
    const net = c.paid + claim.paid;
    return `↩ **Reversal** of a previous payment (${formatMoney(claim.paid)}), corrected by ${claimLink(a, c, uri)} (status ${c.status}, paid ${formatMoney(c.paid)}): net change ${signed(net)}.`;
  }
  if (!partners.length) return '';
  const r = partners[0];
  return `↪ **Correction** of reversed ${claimLink(a, r, uri)} (${formatMoney(r.paid)}): net change ${signed(claim.paid + r.paid)}.`;
}

/** How many claims on each side are searched for the partner: payers send the pair together. */
const PAIR_WINDOW = 50;

/** Nearby claims with the same CLP01 or CLP07 (payers pair a reversal and its correction by either). */
function related(a: Analysis, claim: Claim): Claim[] {
  const same = (c: Claim) =>
    (claim.id !== '' && c.id === claim.id) || (claim.payerControlNumber !== '' && c.payerControlNumber === claim.payerControlNumber);
  return claimsNear(a.model, claim, PAIR_WINDOW).filter(same);
}

const signed = (cents: number) => (cents > 0 ? `+${formatMoney(cents)}` : formatMoney(cents));
