/**
 * Line starts as LSP counts them (LF, CRLF and a lone CR each end a line), kept as UTF-16 offsets in an
 * Int32Array, and updated in place of a full recount when a document is edited (the full count is
x12/lineIndex.ts's `lineStartsOf`). Used by SyncedDocument and by the incremental analysis (incremental/).
 */

const LF = 10;
const CR = 13;

/**
 * The line starts after `old.slice(start, end)` was replaced by `inserted`, from those before (`starts`).
 * Starts before the edit stay, starts after it move by the change in length, and only the offsets the
 * edit can have made or unmade into line starts are looked at: one past each line break it inserted,
 * and its two ends (a CR and an LF that meet there join into one break, or part). The old text is read
 * only next to the edit, so a 50 MB document costs what its edit and its number of lines cost.
 * Returns `starts` itself, updated, when the number of lines stays the same (the usual keystroke).
 */
export function lineStartsAfterEdit(starts: Int32Array, old: string, start: number, end: number, inserted: string): Int32Array {
  const added = startsAround(old, start, end, inserted);
  const diff = inserted.length - (end - start);
  // Old starts in [start, end] are replaced by `added`; line 0 always starts at 0.
  const lo = Math.max(1, firstAtLeast(starts, start));
  const hi = Math.max(lo, firstAtLeast(starts, end + 1));
  const count = starts.length;
  const out = added.length === hi - lo ? starts : new Int32Array(count - (hi - lo) + added.length);
  if (out !== starts) out.set(starts.subarray(0, lo));
  for (let i = 0; i < added.length; i++) out[lo + i] = added[i];
  const shift = lo + added.length - hi;
  for (let i = hi; i < count; i++) out[i + shift] = starts[i] + diff;
  return out;
}

/** Offsets in [max(start, 1), start + inserted.length] that start a line of the edited text, ascending. */
function startsAround(old: string, start: number, end: number, inserted: string): number[] {
  const length = inserted.length;
  const out: number[] = [];
  // The character at offset p of the edited text, without building it (NaN past either end).
  const at = (p: number) =>
    p < start ? old.charCodeAt(p) : p < start + length ? inserted.charCodeAt(p - start) : old.charCodeAt(p - start - length + end);
  const startsLine = (p: number) => {
    const before = at(p - 1);
    return before === LF || (before === CR && at(p) !== LF);
  };
  if (start >= 1 && startsLine(start)) out.push(start);
  // One past each break character of the inserted text, in order.
  let lf = inserted.indexOf('\n');
  let cr = inserted.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    let i: number;
    if (lf < 0 || (cr >= 0 && cr < lf)) {
      i = cr;
      cr = inserted.indexOf('\r', cr + 1);
    } else {
      i = lf;
      lf = inserted.indexOf('\n', lf + 1);
    }
    const p = start + i + 1;
    if (startsLine(p)) out.push(p);
  }
  return out;
}

/** The first index whose start (any ascending list) is >= offset (starts.length when none). */
export function firstAtLeast(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
