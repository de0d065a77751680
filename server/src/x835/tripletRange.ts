import { elementsRange, type Range } from '../x12/ranges';
import type { SegmentTable } from '../x12/tokenizer';
import type { Adjustment } from './types';

/** A CAS triplet's reason and amount (`253*1.60`): where findings and worklist items about it point. */
export function tripletRange(t: SegmentTable, adj: Adjustment): Range {
  return elementsRange(t, adj.seg, adj.reasonElem, adj.reasonElem + 1);
}
