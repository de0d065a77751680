import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';

/**
 * LSP ranges of the pieces features point at (segments, runs of segments, elements, components),
 * converted through the document's one line index so every feature counts UTF-16 the same way.
 */

export function offsetRange(a: Analysis, start: number, end: number): Range {
  return { start: a.lines.positionAt(start), end: a.lines.positionAt(end) };
}

/** From the first character of `first` to the last data character of `last` (terminator excluded). */
export function spanRange(a: Analysis, first: number, last: number): Range {
  const t = a.tokens;
  const l = Math.max(first, Math.min(last, t.count - 1));
  return offsetRange(a, t.segStart[first], t.segEnd[l]);
}

export function segmentRange(a: Analysis, seg: number): Range {
  return spanRange(a, seg, seg);
}

/** Element k of `seg` (element 0 is the segment id); an absent element is the empty range at the segment end. */
export function elementRange(a: Analysis, seg: number, k: number): Range {
  const t = a.tokens;
  if (k >= t.elementCount(seg)) return offsetRange(a, t.segEnd[seg], t.segEnd[seg]);
  return offsetRange(a, t.elementStartOffset(seg, k), t.elementEndOffset(seg, k));
}

/** Offsets of component `c` (0-based) of element k, or undefined when the element has fewer components. */
export function componentOffsets(a: Analysis, seg: number, k: number, c: number): { start: number; end: number } | undefined {
  const t = a.tokens;
  if (k >= t.elementCount(seg)) return undefined;
  const sep = t.delimitersOf(seg).component;
  let start = t.elementStartOffset(seg, k);
  const end = t.elementEndOffset(seg, k);
  for (let i = 0; i < c; i++) {
    const next = a.text.indexOf(sep, start);
    if (next < 0 || next >= end) return undefined;
    start = next + 1;
  }
  const stop = a.text.indexOf(sep, start);
  return { start, end: stop < 0 || stop > end ? end : stop };
}

/** Which component (0-based) of element k holds `offset` (a separator belongs to the component after it). */
export function componentAt(a: Analysis, seg: number, k: number, offset: number): number {
  const t = a.tokens;
  const sep = t.delimitersOf(seg).component;
  const start = t.elementStartOffset(seg, k);
  const end = Math.min(offset + 1, t.elementEndOffset(seg, k));
  let c = 0;
  for (let i = start; i < end; i++) if (a.text[i] === sep) c++;
  return c;
}
