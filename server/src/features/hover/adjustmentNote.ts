import type { Adjustment } from '../../x835/types';
import { describeAdjustment } from '../adjustmentText';
import type { HoverTarget } from './target';

/** What a CAS triplet means for the analyst: who bears it, is it actionable, how to post it. */
export function adjustmentNote(t: HoverTarget, adj: Adjustment): string {
  return describeAdjustment(t.a, adj, t.settings);
}
