import type { RelatedLocation } from '../../x12/finding';
import type { Range } from '../../x12/ranges';
import type { RuleContext } from './types';

// The element and segment ranges live with the segment table (x12/ranges.ts): the reports point with them too.
export { elementRange, elementsEnd, elementsRange, elementsStart, segmentIdRange, segmentRange, type Range } from '../../x12/ranges';

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
