import type { RelatedLocation } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Adjustment } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { elementsRange, MAX_RELATED, relatedAt } from './ranges';

/**
 * What the four balancing rules share: pointing at the CAS segments that fed a sum, and one message
 * shape analysts can check by hand: "charged 200.00 - adjustments 121.60 = 78.40, but paid is 80.00
 * (off by 1.60)". Sums are exact (integer cents); an unreadable amount is NaN and so is its sum.
 */

/** `a - b = c, but <name> is d (off by e)`, every number exact to the cent. */
export function equation(
  startLabel: string,
  start: number,
  minusLabel: string,
  minus: number,
  actualLabel: string,
  actual: number,
): string {
  const computed = start - minus;
  return `${startLabel} ${formatCents(start)} - ${minusLabel} ${formatCents(minus)} = ${formatCents(computed)}, but ${actualLabel} is ${formatCents(actual)} (off by ${formatCents(Math.abs(actual - computed))})`;
}

/**
 * One related location per CAS segment among `adjustments` (several triplets of one CAS become one
 * entry), each saying what that CAS contributed, e.g. "CAS*CO: 45 100.00, 253 1.60".
 */
export function casRelated(t: SegmentTable, adjustments: readonly Adjustment[], level?: string): RelatedLocation[] {
  const out: RelatedLocation[] = [];
  let i = 0;
  while (i < adjustments.length && out.length < MAX_RELATED) {
    const first = adjustments[i];
    const parts: string[] = [];
    let last = first;
    // The triplets of one CAS are consecutive in the model's lists.
    for (; i < adjustments.length && adjustments[i].seg === first.seg; i++) {
      last = adjustments[i];
      parts.push(`${last.reason || '?'} ${formatCents(last.amount)}`);
    }
    const range = elementsRange(t, first.seg, first.reasonElem, last.reasonElem + 1);
    out.push(relatedAt(range, `${level ? `${level} ` : ''}CAS*${first.group}: ${parts.join(', ')}`));
  }
  return out;
}

/** True when the element is empty: a required amount that is missing is element-required's finding, not a balance. */
export function blank(t: SegmentTable, seg: number, k: number): boolean {
  // `t.element(seg, k) === ''`, from the offsets: this runs for every claim and line.
  return k >= t.elementCount(seg) || t.elementStartOffset(seg, k) === t.elementEndOffset(seg, k);
}
