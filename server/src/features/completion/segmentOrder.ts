import { LOOP_SEGMENTS, rankIn } from '../../x835/loops';
import { Loop } from '../../x835/types';

/**
 * Which segment ids may come next, given the segment before the cursor: the rest of its loop in the
 * guide's order, then the segments that open the loops allowed to follow. Derived from LOOP_SEGMENTS
 * so completion and the structure check (builder) never disagree.
 */

/** Segments the guide lets repeat inside one loop; the others appear once, so they are not offered twice. */
const REPEATABLE = new Set(['REF', 'DTM', 'CAS', 'NM1', 'PER', 'AMT', 'QTY', 'LQ', 'PLB']);

/** The segments that open the loops (or close the envelopes) allowed after each loop. */
const NEXT_LOOPS: Partial<Record<Loop, readonly string[]>> = {
  [Loop.None]: ['ISA'],
  [Loop.Interchange]: ['GS'],
  [Loop.Group]: ['ST'],
  [Loop.Header]: ['N1'],
  [Loop.Payer]: ['N1'],
  [Loop.Payee]: ['LX', 'PLB', 'SE'],
  [Loop.HeaderNumber]: ['CLP'],
  [Loop.Claim]: ['SVC', 'CLP', 'LX', 'PLB', 'SE'],
  [Loop.ServiceLine]: ['SVC', 'CLP', 'LX', 'PLB', 'SE'],
  [Loop.Summary]: ['SE'],
  [Loop.TransactionEnd]: ['ST', 'GE'],
  [Loop.GroupEnd]: ['GS', 'IEA'],
  [Loop.InterchangeEnd]: ['ISA'],
  [Loop.Foreign]: ['SE'],
};

/** The segment ids valid after a segment `prevId` placed in `loop` (in the order they would appear). */
export function segmentsAfter(loop: Loop, prevId: string): string[] {
  const inLoop = LOOP_SEGMENTS[loop] ?? [];
  const rank = rankIn(loop, prevId);
  const rest = inLoop.filter((id, i) => (i > rank && i > 0) || (id === prevId && REPEATABLE.has(id)));
  const out: string[] = [];
  for (const id of [...rest, ...(NEXT_LOOPS[loop] ?? [])]) if (!out.includes(id)) out.push(id);
  return out;
}
