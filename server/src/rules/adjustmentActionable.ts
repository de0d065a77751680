import { CARC } from '../codes/carc';
import type { Finding } from '../x12/finding';
import { classify } from '../x835/classify';
import { formatCents } from '../x835/values';
import { tripletRange } from './co253Common';
import type { Rule } from './types';

/**
 * The analyst's worklist: one Information finding per CAS triplet whose reason usually needs work
 * (a denial, missing information). The message starts with group-reason and amount so a list of them
 * reads like a worklist. Reversals (CLP02 = 22) are skipped: they undo an earlier payment, and the
 * corrected claim that follows carries the adjustments to work.
 */
export const adjustmentActionableRule: Rule = {
  id: 'adjustment-actionable',
  check({ model }) {
    const out: Finding[] = [];
    for (const adj of model.adjustments) {
      if (adj.claim.status === '22') continue;
      const c = classify(adj);
      if (c.cls !== 'actionable') continue;
      const info = CARC.entries.get(adj.reason.trim());
      const text = info?.text ?? c.why;
      const action = info?.action ? ` — ${info.action}` : '';
      const remarks = (adj.line ?? adj.claim).remarks.map((r) => r.code);
      const remarkText = remarks.length ? ` (remarks: ${remarks.join(', ')})` : '';
      out.push({
        code: 'adjustment-actionable', ...tripletRange(model.tokens, adj),
        message: `${adj.group}-${adj.reason} ${formatCents(adj.amount)} needs work (claim ${adj.claim.id}): ${text}${action}${remarkText}`,
      });
    }
    return out;
  },
};
