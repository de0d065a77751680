import type { Adjustment, Claim, Model, ServiceLine, Transaction } from './types';

/**
 * Finding the model object that owns a segment, by binary search over document-ordered arrays:
 * requests stay O(log n) on files with hundreds of thousands of claims.
 */
function lastAtOrBefore<T extends { seg: number }>(items: readonly T[], seg: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].seg <= seg) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The claim whose CLP..last segment span contains `seg`. */
export function claimAt(model: Model, seg: number): Claim | undefined {
  const c = lastAtOrBefore(model.claims, seg);
  return c && seg <= c.lastSeg ? c : undefined;
}

/** The service line of `claim` whose SVC..last segment span contains `seg`. */
export function lineAt(claim: Claim, seg: number): ServiceLine | undefined {
  const l = lastAtOrBefore(claim.lines, seg);
  return l && seg <= l.lastSeg ? l : undefined;
}

/** The transaction set whose ST..SE span contains `seg`. */
export function transactionAt(model: Model, seg: number): Transaction | undefined {
  const t = lastAtOrBefore(model.transactions, seg);
  return t && seg <= t.lastSeg ? t : undefined;
}

/** Index of the first item whose `seg` is greater than `seg` (items.length when none). */
export function firstAfter<T extends { seg: number }>(items: readonly T[], seg: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].seg <= seg) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index in `model.interchanges` of the interchange (ISA..IEA) that holds segment `seg`, or -1. */
export function interchangeIndexAt(model: Model, seg: number): number {
  const i = firstAfter(model.interchanges, seg) - 1;
  return i >= 0 && seg <= interchangeLastSeg(model, i) ? i : -1;
}

/** Last segment of interchange i: its IEA, or (without IEA) the segment before the next ISA or the file end. */
export function interchangeLastSeg(model: Model, i: number): number {
  const ic = model.interchanges[i];
  return ic.ieaSeg ?? (model.interchanges[i + 1]?.seg ?? model.tokens.count) - 1;
}

/**
 * Claims whose CLP01 or CLP07 is `id`, for following a reference (a PLB recoupment naming a claim).
 * A plain scan: a few milliseconds on a 20 MB file, paid only by the rare request that needs it, where an
 * index would cost ten times that in time and megabytes in memory for every analysed version.
 */
export function claimsById(model: Model, id: string, limit = 3): Claim[] {
  const out: Claim[] = [];
  if (!id) return out;
  for (const c of model.claims) {
    if (c.id === id || c.payerControlNumber === id) {
      out.push(c);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/**
 * The claims within `window` positions of `claim` in document order (itself excluded), found by binary
 * search: payers send a reversal and its correction next to each other, so this pairs them in O(window).
 */
export function claimsNear(model: Model, claim: Claim, window: number): Claim[] {
  const i = firstAfter(model.claims, claim.seg) - 1;
  const from = Math.max(0, i - window);
  const to = Math.min(model.claims.length, i + window + 1);
  return model.claims.slice(from, to).filter((c) => c !== claim);
}

/**
 * The triplets read from CAS segment `seg`, in order (empty for a CAS outside any claim). A claim or
 * line holds a handful of adjustments: scanning its list is cheaper than any index.
 */
export function tripletsOf(model: Model, seg: number): Adjustment[] {
  const claim = claimAt(model, seg);
  if (!claim) return [];
  return (lineAt(claim, seg) ?? claim).adjustments.filter((adj) => adj.seg === seg);
}
