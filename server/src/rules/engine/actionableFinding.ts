import { CARC } from '../../codes/carc';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { classify, isActionableClass } from '../../x835/classify';
import type { CasColumns } from '../../x835/records';
import type { Adjustment } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { elementsEnd, elementsStart } from './ranges';

/**
 * adjustment-actionable's finding: one line of the analyst's worklist, e.g. "CO-97 516.00 needs work
 * (claim PCN4): <what the reason means> — <what to do> (remarks: M15)". A 50 MB file has some 10,000,
 * and an editor shows at most a thousand findings: the message is worded when read, from the triplet,
 * its claim and the code lists (none of which change once the document is analysed). Every reader sees
 * the same text: `message` is a getter, and `toJSON` gives exactly the plain finding `{ code, start,
 * end, message }`. Only a spread (`{ ...f }`) or `Object.keys` would miss it: read `f.message`.
 */
export class ActionableFinding implements Finding {
  readonly code = 'adjustment-actionable';

  constructor(
    readonly start: number,
    readonly end: number,
    private readonly adj: Adjustment,
  ) {}

  get message(): string {
    const adj = this.adj;
    const info = CARC.entries.get(adj.reason.trim());
    const text = info?.text ?? classify(adj).why;
    const action = info?.action ? ` — ${info.action}` : '';
    const remarks = (adj.line ?? adj.claim).remarks.map((r) => r.code);
    const remarkText = remarks.length ? ` (remarks: ${remarks.join(', ')})` : '';
    return `${adj.group}-${adj.reason} ${formatCents(adj.amount)} needs work (claim ${adj.claim.id}): ${text}${action}${remarkText}`;
  }

  toJSON(): Finding {
    return { code: this.code, start: this.start, end: this.end, message: this.message };
  }
}

/**
 * The worklist finding of CAS row `r` (a triplet whose reason may be actionable, on a claim that is not a
 * reversal), or undefined when its group and claim make it something else (`isActionableClass`).
 */
export function actionableFindingAt(t: SegmentTable, cas: CasColumns, r: number): ActionableFinding | undefined {
  const adj = cas.at(r);
  if (!isActionableClass(adj)) return undefined;
  const seg = adj.seg;
  const reasonElem = adj.reasonElem;
  return new ActionableFinding(elementsStart(t, seg, reasonElem), elementsEnd(t, seg, reasonElem, reasonElem + 1), adj);
}
