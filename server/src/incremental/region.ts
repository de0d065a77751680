/**
 * Where a text changed since it was last analysed: `old.slice(start, oldEnd)` became
 * `text.slice(start, newEnd)`, everything before `start` and after the two ends being the same.
 * Several edits (a burst of keystrokes analysed once) fold into one region that covers them all.
 */
export interface EditRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The region that covers `region` and then an edit of the text it produced: `text.slice(start, end)`
 * (offsets in the edited text) replaced by `length` characters. `region` undefined: the first edit.
 */
export function foldEdit(region: EditRegion | undefined, start: number, end: number, length: number): EditRegion {
  if (!region) return { start, oldEnd: end, newEnd: start + length };
  // Past `region.newEnd` the edited text is the old text shifted by newEnd - oldEnd.
  const oldEnd = end <= region.newEnd ? region.oldEnd : region.oldEnd + (end - region.newEnd);
  const newEnd = Math.max(region.newEnd, end) + length - (end - start);
  return { start: Math.min(region.start, start), oldEnd, newEnd };
}
