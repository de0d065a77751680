import { CARC } from '../codes/carc';
import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { classify, isActionableClass, mayBeActionable } from '../x835/classify';
import type { Adjustment } from '../x835/types';
import { formatCents } from '../x835/values';
import { tripletRange } from './co253Common';
import { ADJUSTMENTS_PER_STEP, inSteps, steppedRule } from './shared';

/**
 * The analyst's worklist: one Information finding per CAS triplet whose reason usually needs work
 * (a denial, missing information). The message starts with group-reason and amount so a list of them
 * reads like a worklist. Reversals (CLP02 = 22) are skipped: they undo an earlier payment, and the
 * corrected claim that follows carries the adjustments to work.
 */
export const adjustmentActionableRule = steppedRule('adjustment-actionable', function* ({ model }) {
  const all = model.adjustments;
  const t = model.tokens;
  const out: Finding[] = [];
  // Whether a reason can be actionable at all, per distinct reason string (the builder shares them).
  const possible = new Map<string, boolean>();
  yield* inSteps(all.length, ADJUSTMENTS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const adj = all[i];
      let maybe = possible.get(adj.reason);
      if (maybe === undefined) possible.set(adj.reason, (maybe = mayBeActionable(adj.reason)));
      if (maybe && isActionableClass(adj) && adj.claim.status !== '22') report(t, adj, out);
    }
  });
  return out;
});

function report(t: SegmentTable, adj: Adjustment, out: Finding[]): void {
  const c = classify(adj);
  const info = CARC.entries.get(adj.reason.trim());
  const text = info?.text ?? c.why;
  const action = info?.action ? ` — ${info.action}` : '';
  const remarks = (adj.line ?? adj.claim).remarks.map((r) => r.code);
  const remarkText = remarks.length ? ` (remarks: ${remarks.join(', ')})` : '';
  const range = tripletRange(t, adj);
  out.push({
    code: 'adjustment-actionable', start: range.start, end: range.end,
    message: `${adj.group}-${adj.reason} ${formatCents(adj.amount)} needs work (claim ${adj.claim.id}): ${text}${action}${remarkText}`,
  });
}
