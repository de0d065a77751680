import type { SegmentTable } from '../../x12/tokenizer';

/**
 * Hover text for the characters that are delimiters: the ISA's element separator (its 4th character),
 * ISA11 (repetition separator), ISA16 (component separator) and the segment terminator after any
 * segment. The ISA declares them all by position, which is exactly what confuses people reading one.
 */

const show = (c: string) => (c === '\n' ? 'a line feed (\\n)' : c === '\r' ? 'a carriage return (\\r)' : `\`${c}\``);

/** What the character at `offset` delimits, or undefined when it is data. */
export function delimiterHover(t: SegmentTable, seg: number, offset: number): { text: string; start: number; end: number } | undefined {
  const d = t.delimitersOf(seg);
  const text = t.text;
  const isIsa = t.id(seg) === 'ISA';
  if (offset === t.segEnd[seg] && text[offset] === d.segment) {
    const where = isIsa ? 'the character right after ISA16 declares it' : 'declared by the character right after ISA16';
    return {
      text: `**Segment terminator** ${show(d.segment)}: ends every segment; ${where}. Line breaks after it are layout, not data.`,
      start: offset,
      end: offset + 1,
    };
  }
  if (!isIsa) return undefined;
  if (offset === t.segStart[seg] + 3) {
    return {
      text: `**Element separator** ${show(d.element)}: the 4th character of the ISA; it separates the elements of every segment.`,
      start: offset,
      end: offset + 1,
    };
  }
  const k = t.elementAt(seg, offset);
  if (k === 11 && offset >= t.elementStartOffset(seg, 11)) {
    const value = t.element(seg, 11);
    const text11 = d.repetition
      ? `**ISA11** · Repetition separator ${show(d.repetition)}: separates repeated values of one element (5010).`
      : `**ISA11** · \`${value}\`: a letter here is the 4010-style standards identifier, so this interchange has no repetition separator.`;
    return { text: text11, start: t.elementStartOffset(seg, 11), end: t.elementEndOffset(seg, 11) };
  }
  if (k === 16 && offset >= t.elementStartOffset(seg, 16)) {
    return {
      text: `**ISA16** · Component separator ${show(d.component)}: splits composite elements into components, as in SVC01 \`HC${d.component}99213\`.`,
      start: t.elementStartOffset(seg, 16),
      end: t.elementEndOffset(seg, 16),
    };
  }
  return undefined;
}
