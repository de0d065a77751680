import type { SegmentTable } from '../x12/tokenizer';

/**
 * One segment per line, and back. Only the whitespace between a segment terminator and the next
 * segment changes: every element byte, every delimiter and any text the tokenizer did not read as a
 * segment (junk before an ISA) stay exactly as they were.
 */

/** Where the raw text of segment i ends, including its terminator when it has one. */
function terminatedEnd(t: SegmentTable, i: number): number {
  const text = t.text;
  const term = t.delimitersOf(i).segment;
  let e = t.segEnd[i];
  // A newline terminator on a CRLF file: the CR before it was trimmed from the segment.
  if (term === '\n' && text.charCodeAt(e) === 13) e++;
  return text[e] === term ? e + 1 : e;
}

const isBlank = (s: string) => /^[\s\uFEFF]*$/.test(s);

/**
 * Rewrites the text with each segment on its own line (ending `eol`), or with all segments joined
 * (`eol` = ''). Files whose terminator is itself a line break keep their line breaks: they are data.
 */
export function layoutSegments(t: SegmentTable, eol: string): string {
  const text = t.text;
  if (t.count === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (let i = 0; i < t.count; i++) {
    const start = t.segStart[i];
    const gap = text.slice(cursor, start);
    if (!isBlank(gap)) parts.push(gap); // keep what is not plain whitespace
    const end = terminatedEnd(t, i);
    parts.push(text.slice(start, end));
    const term = t.delimitersOf(i).segment;
    const terminatorIsLineBreak = term === '\n' || term === '\r';
    if (!terminatorIsLineBreak && end > t.segEnd[i]) parts.push(eol);
    cursor = end;
  }
  const tail = text.slice(cursor);
  if (!isBlank(tail)) parts.push(tail);
  else if (eol && tail.length && !parts[parts.length - 1]?.endsWith(eol)) parts.push(eol);
  return parts.join('');
}

/** The document's own line ending, for formatting in its style. */
export function detectEol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}

/** One segment per line in the document's line-ending style. */
export function formatText(t: SegmentTable): string {
  return layoutSegments(t, detectEol(t.text));
}

/** All segments joined on one line (newline-terminated files are returned unchanged). */
export function minifyText(t: SegmentTable): string {
  return layoutSegments(t, '');
}
