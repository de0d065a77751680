import { classify } from '../../x835/classify';
import { tripletsOf } from '../../x835/lookup';
import type { Adjustment } from '../../x835/types';
import { formatCents, formatMoney } from '../../x835/values';
import { CLASS_WORDS } from '../../x835/verdicts';
import type { HoverTarget } from './target';

/** The CAS triplet (reason, amount, quantity) element k belongs to, or undefined for CAS01 and beyond CAS19. */
export function adjustmentAt(t: HoverTarget): Adjustment | undefined {
  if (t.k < 2 || t.k > 19) return undefined;
  const triplet = Math.floor((t.k - 2) / 3);
  return tripletsOf(t.a.model, t.seg).find((adj) => adj.triplet === triplet);
}

/** Every triplet of this CAS segment, one line each: "CO-45 $100.00 · contractual: <why>", with its verdict. */
export function casSegmentList(t: HoverTarget): string {
  const { model, verdicts } = t.a;
  return tripletsOf(model, t.seg)
    .map((adj) => {
      const row = model.cas.rowOf(adj.seg, adj.triplet);
      const v = row >= 0 ? verdicts.at(row) : undefined;
      const verdict = v
        ? ` · ${CLASS_WORDS[v.cls]}${v.actionable ? `, **needs work**${v.recoverableCents > 0 ? `, ${formatCents(v.recoverableCents)} to recover` : ''}` : ''}`
        : '';
      return `- **${adj.group}-${adj.reason}** ${formatMoney(adj.amount)}${verdict}: ${classify(adj).why}`;
    })
    .join('\n');
}
