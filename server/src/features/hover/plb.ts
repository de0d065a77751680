import type { Analysis } from '../../analysis';
import { plbReason } from '../../codes/lists';
import { claimsById, firstAfter } from '../../x835/lookup';
import type { ProviderAdjustment } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import { claimLink } from './links';

/** The pairs of PLB segment `seg`, found by binary search in the transaction's document-ordered list. */
export function plbPairsOf(all: readonly ProviderAdjustment[], seg: number): ProviderAdjustment[] {
  const out: ProviderAdjustment[] = [];
  for (let i = firstAfter(all, seg - 1); i < all.length && all[i].seg === seg; i++) out.push(all[i]);
  return out;
}

/** The PLB pair (reason:reference, amount) that element k of PLB segment `seg` belongs to. */
export function plbPairAt(all: readonly ProviderAdjustment[], seg: number, k: number): ProviderAdjustment | undefined {
  // Pair elements are 3/4, 5/6, ... 13/14: the composite at odd k, its amount right after.
  const elem = k % 2 === 1 ? k : k - 1;
  return plbPairsOf(all, seg).find((p) => p.elem === elem);
}

/**
 * What one provider-level adjustment does to the payment: its reason in words, its amount with the sign
 * convention spelled out (positive = withheld, negative = added), and the claim its reference names
 * when that claim (CLP01 or CLP07) is in this file.
 */
export function plbPairNote(a: Analysis, pa: ProviderAdjustment, uri: string | undefined): string {
  const reason = plbReason.entries.get(pa.reason);
  const lines = [
    reason ? `**${pa.reason}**: ${reason.text}.` : `**${pa.reason || '(no reason)'}**: unknown code (not a PLB reason of 5010).`,
  ];
  if (Number.isFinite(pa.amount)) {
    lines.push(
      pa.amount >= 0
        ? `${formatMoney(pa.amount)} **withheld** from this payment (positive PLB amounts reduce BPR02).`
        : `${formatMoney(-pa.amount)} **added** to this payment (negative PLB amounts increase BPR02).`,
    );
  }
  if (pa.reference) {
    const claims = claimsById(a.model, pa.reference);
    const ref = `Reference \`${pa.reference}\``;
    if (claims.length) {
      const which = claims[0].payerControlNumber === pa.reference ? 'CLP07, payer claim number' : 'CLP01, patient control number';
      lines.push(
        `${ref} names ${claims
          .map((c) => claimLink(a, c, uri))
          .slice(0, 3)
          .join(', ')} (${which}).`,
      );
    } else {
      lines.push(`${ref}: no claim with this CLP01 or CLP07 in this file (it may be in an earlier remit).`);
    }
  }
  return lines.join('\n\n');
}
