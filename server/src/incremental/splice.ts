import type { Finding } from '../x12/finding';

/**
 * Replacing the part of a list or column an edit touched, and moving what follows it: the pieces of an
 * edit's re-analysis (reanalyse.ts). Lists are in document order, so the touched part is one block.
 */

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Moves a finding (and the related places after `from`) by `delta` characters, in place. */
export function shiftFinding(f: Finding, from: number, delta: number): void {
  const m = f as Mutable<Finding>;
  m.start += delta;
  m.end += delta;
  if (f.related) {
    for (const r of f.related) {
      if (r.start < from) continue;
      const mr = r as Mutable<typeof r>;
      mr.start += delta;
      mr.end += delta;
    }
  }
}

/**
 * `list` with its findings that start in [from, to) replaced by `part`, and those from `to` on moved
 * by `delta`: in place (the list is the one of the text before the edit, never read again). A list is in
 * document order and `from`, `to` are segment starts, so the findings before, in and after the edited
 * segments are three blocks, found by binary search.
 */
export function spliceFindings(list: readonly Finding[], from: number, to: number, part: readonly Finding[], delta: number): Finding[] {
  const out = list as Finding[];
  const lo = firstStartingAt(out, from, 0, out.length);
  const hi = firstStartingAt(out, to, lo, out.length);
  if (delta !== 0) for (let i = hi; i < out.length; i++) shiftFinding(out[i], to, delta);
  if (hi - lo === part.length) {
    for (let i = 0; i < part.length; i++) out[lo + i] = part[i];
  } else {
    out.splice(lo, hi - lo, ...part);
  }
  return out;
}

/** The first index in [lo, hi) whose finding starts at or after `offset` (`hi` when none). */
export function firstStartingAt(list: readonly Finding[], offset: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `list` with its items whose key is in [from, to) replaced by `part`, in place (keys ascending, as the document goes). */
export function spliceByKey<T>(list: readonly T[], key: (item: T) => number, from: number, to: number, part: readonly T[]): T[] {
  const out = list as T[];
  const lo = firstKeyAt(out, key, from, 0);
  const hi = firstKeyAt(out, key, to, lo);
  out.splice(lo, hi - lo, ...part);
  return out;
}

/** The first index from `lo` whose key is at least `value`. */
function firstKeyAt<T>(list: readonly T[], key: (item: T) => number, value: number, lo: number): number {
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Column = Int32Array | Uint16Array;

/**
 * `a` with rows from..to-1 replaced by `part` (plus `partAdd`), and the rows after them plus `tailAdd`:
 * in place when the length stays the same, else in a new array of the same kind.
 */
export function spliceColumn<A extends Column>(
  a: A,
  from: number,
  to: number,
  part: ArrayLike<number>,
  partAdd: number,
  tailAdd: number,
): A {
  const n = a.length;
  const out = part.length === to - from ? a : new (a.constructor as new (length: number) => A)(n - (to - from) + part.length);
  if (out !== a) out.set(a.subarray(0, from));
  for (let i = 0; i < part.length; i++) out[from + i] = part[i] + partAdd;
  const at = from + part.length;
  if (out === a) {
    if (tailAdd !== 0) for (let i = to; i < n; i++) out[i] += tailAdd;
  } else if (tailAdd === 0) {
    out.set(a.subarray(to), at);
  } else {
    for (let i = to; i < n; i++) out[at + i - to] = a[i] + tailAdd;
  }
  return out;
}
