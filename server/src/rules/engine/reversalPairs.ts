import type { SegmentTable } from '../../x12/tokenizer';
import type { ModelStore } from '../../x835/records';
import { CodeFlag } from './casRows';

/**
 * Reversals (CLP02 22) and the claims they undo, within one file. A payer takes a payment back by
 * sending the claim again with every amount negated (the reversal), usually followed by the corrected
 * claim. When the original payment is in the same file, the pair nets to nothing: neither the original's
 * adjustments nor the reversal's are work. Paired by CLP01 or CLP07, with the reversal's charge and
 * payment the exact negation of the original's, the nearest earlier claim first.
 *
 * Only reversal claims are looked at (a handful per file), each against at most `WINDOW` claims before it.
 */
export interface ReversalPairs {
  /** Original claim row -> the reversal row that undoes it. */
  readonly reversedBy: ReadonlyMap<number, number>;
  /** Reversal claim row -> the original row in this file. */
  readonly originalOf: ReadonlyMap<number, number>;
}

/** How many claims before a reversal are searched for its original: payers send them close together. */
const WINDOW = 200;

export function reversalPairs(t: SegmentTable, store: ModelStore, flags: Uint8Array): ReversalPairs {
  const reversedBy = new Map<number, number>();
  const originalOf = new Map<number, number>();
  const { claims } = store;
  for (let r = 0; r < claims.length; r++) {
    if (!(flags[claims.status[r]] & CodeFlag.Status22)) continue;
    const id = t.element(claims.seg[r], 1);
    const payerId = t.element(claims.seg[r], 7);
    for (let o = r - 1; o >= 0 && o >= r - WINDOW; o--) {
      if (flags[claims.status[o]] & CodeFlag.Status22 || reversedBy.has(o)) continue;
      if (claims.charge[o] !== -claims.charge[r] || claims.paid[o] !== -claims.paid[r]) continue;
      const sameId = (id !== '' && t.element(claims.seg[o], 1) === id) || (payerId !== '' && t.element(claims.seg[o], 7) === payerId);
      if (!sameId) continue;
      reversedBy.set(o, r);
      originalOf.set(r, o);
      break;
    }
  }
  return { reversedBy, originalOf };
}
