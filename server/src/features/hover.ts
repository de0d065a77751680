import type { Hover, Position } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { LOOP_LABELS, Loop } from '../x835/types';

/** Hover: what is under the cursor (segment, element) and what it means. */
export function hover(a: Analysis, position: Position, _settings: Settings): Hover | null {
  const t = a.tokens;
  const offset = a.lines.offsetAt(position);
  const seg = t.segmentAt(offset);
  if (seg < 0 || offset > t.segEnd[seg]) return null;
  const k = t.elementAt(seg, offset);
  const id = t.id(seg);
  const loop = LOOP_LABELS[a.model.segLoop[seg] as Loop];
  const where = loop.id ? `${loop.id} ${loop.name}` : loop.name;
  const start = t.elementStartOffset(seg, k);
  const end = t.elementEndOffset(seg, k);
  const lines = k === 0
    ? [`**${id}** segment`, `${where} › ${id}`]
    : [`**${id}${String(k).padStart(2, '0')}**: \`${t.element(seg, k)}\``, `${where} › ${id}`];
  return {
    contents: { kind: 'markdown', value: lines.join('\n\n') },
    range: { start: a.lines.positionAt(start), end: a.lines.positionAt(end) },
  };
}
