import { classify } from '../../x835/classify';
import { tripletsOf } from '../../x835/lookup';
import type { Adjustment } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import type { HoverTarget } from './target';

/** The CAS triplet (reason, amount, quantity) element k belongs to, or undefined for CAS01 and beyond CAS19. */
export function adjustmentAt(t: HoverTarget): Adjustment | undefined {
  if (t.k < 2 || t.k > 19) return undefined;
  const triplet = Math.floor((t.k - 2) / 3);
  return tripletsOf(t.a.model, t.seg).find((adj) => adj.triplet === triplet);
}

/** Every triplet of this CAS segment, one line each: "CO-45 $100.00 · contractual". */
export function casSegmentList(t: HoverTarget): string {
  return tripletsOf(t.a.model, t.seg)
    .map((adj) => `- **${adj.group}-${adj.reason}** ${formatMoney(adj.amount)}: ${classify(adj).why}`)
    .join('\n');
}
