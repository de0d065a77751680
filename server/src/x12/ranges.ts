import type { SegmentTable } from './tokenizer';

/**
 * Where elements and segments are in the text, as the rules, the reports and the features point at
 * them. Ranges are UTF-16 offsets, like findings.
 * An element that is present (even empty) covers exactly its characters; an element past the end of
 * its segment is an empty range at the segment's end, where the missing value would be written.
 */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export function elementRange(t: SegmentTable, seg: number, k: number): Range {
  if (k < t.elementCount(seg)) return { start: t.elementStartOffset(seg, k), end: t.elementEndOffset(seg, k) };
  return { start: t.segEnd[seg], end: t.segEnd[seg] };
}

/** From the start of element `first` to the end of element `last` (clamped to the segment). */
export function elementsRange(t: SegmentTable, seg: number, first: number, last: number): Range {
  return { start: elementsStart(t, seg, first), end: elementsEnd(t, seg, first, last) };
}

/** `elementsRange(...).start` without the object (rules that report 180,000 triplets on a 50 MB file). */
export function elementsStart(t: SegmentTable, seg: number, first: number): number {
  return first < t.elementCount(seg) ? t.elementStartOffset(seg, first) : t.segEnd[seg];
}

/** `elementsRange(...).end` without the object. */
export function elementsEnd(t: SegmentTable, seg: number, first: number, last: number): number {
  const n = t.elementCount(seg);
  return first < n ? t.elementEndOffset(seg, Math.min(last, n - 1)) : t.segEnd[seg];
}

/** The segment id (e.g. `SE`): where a finding about the whole segment goes. */
export function segmentIdRange(t: SegmentTable, seg: number): Range {
  return { start: t.segStart[seg], end: t.elementEndOffset(seg, 0) };
}

/** The whole segment, terminator excluded. */
export function segmentRange(t: SegmentTable, seg: number): Range {
  return { start: t.segStart[seg], end: t.segEnd[seg] };
}
