import type { RelatedLocation } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { RuleContext } from './types';

/**
 * Small helpers every rule uses to point at bytes. Ranges are UTF-16 offsets, like findings.
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

export function relatedAt(range: Range, message: string): RelatedLocation {
  return { start: range.start, end: range.end, message };
}

/** `CLP04`, `SE01`: the name analysts use for element k of a segment. */
export function elementName(id: string, k: number): string {
  return `${id}${k < 10 ? '0' : ''}${k}`;
}

/** True when the user turned every one of `codes` off: the rule may skip its work entirely. */
export function allOff(ctx: RuleContext, ...codes: string[]): boolean {
  return codes.every((c) => ctx.settings.rules[c] === 'off');
}

/** Related locations are a reading aid: past this many the list stops helping and only costs memory. */
export const MAX_RELATED = 40;
