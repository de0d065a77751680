import { classify } from '../../x835/classify';
import { claimAt, lineAt } from '../../x835/lookup';
import type { Adjustment } from '../../x835/types';
import { formatMoney } from '../../x835/values';
import type { HoverTarget } from './target';

/** The CAS triplet (reason, amount, quantity) element k belongs to, or undefined for CAS01 and beyond CAS19. */
export function adjustmentAt(t: HoverTarget): Adjustment | undefined {
  if (t.k < 2 || t.k > 19) return undefined;
  const claim = claimAt(t.a.model, t.seg);
  if (!claim) return undefined;
  const owner = lineAt(claim, t.seg) ?? claim;
  const triplet = Math.floor((t.k - 2) / 3);
  // A claim or line holds a handful of adjustments: a scan is cheaper than any index.
  return owner.adjustments.find((adj) => adj.seg === t.seg && adj.triplet === triplet);
}

/** Every triplet of this CAS segment, one line each: "CO-45 $100.00 · contractual". */
export function casSegmentList(t: HoverTarget): string {
  const claim = claimAt(t.a.model, t.seg);
  if (!claim) return '';
  const owner = lineAt(claim, t.seg) ?? claim;
  return owner.adjustments
    .filter((adj) => adj.seg === t.seg)
    .map((adj) => `- **${adj.group}-${adj.reason}** ${formatMoney(adj.amount)}: ${classify(adj).why}`)
    .join('\n');
}
