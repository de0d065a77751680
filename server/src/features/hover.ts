import type { Hover, Position } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { delimiterHover } from './hover/delimiters';
import { elementHover } from './hover/element';
import { segmentHover } from './hover/segment';
import type { HoverTarget } from './hover/target';
import { capped } from './quote';
import { offsetRange } from './segmentRanges';

/**
 * Hover: what is under the cursor and what it means. A delimiter says which one it is; a segment id
 * gives its name, loop path and purpose (and, for CLP, SVC, BPR, CAS and PLB, what it says in this
 * file); an element gives its name, position, value in words and its meaning here. Everything is found
 * by binary search on the cached analysis, so a hover costs the same on any file size.
 * `uri` (optional) lets the hover link to other places in the document.
 */
export function hover(a: Analysis, position: Position, settings: Settings, uri?: string): Hover | null {
  const t = a.tokens;
  const offset = a.lines.offsetAt(position);
  const seg = t.segmentAt(offset);
  if (seg < 0 || offset > t.segEnd[seg]) return null;
  const delimiter = delimiterHover(t, seg, offset);
  if (delimiter) return result(a, delimiter.text, delimiter.start, delimiter.end);
  const target: HoverTarget = { a, settings, uri, seg, id: t.id(seg), k: t.elementAt(seg, offset), offset };
  const parts = target.k === 0 ? segmentHover(target) : elementHover(target);
  return result(a, parts.markdown, parts.start, parts.end);
}

function result(a: Analysis, markdown: string, start: number, end: number): Hover {
  // Values are quoted cut (quote.ts); `capped` bounds whatever else a hover repeats from the file.
  return { contents: { kind: 'markdown', value: capped(markdown) }, range: offsetRange(a, start, end) };
}
