import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { componentDef, elementDef, SEGMENTS, type ElementDef } from '../x835/dictionary';
import { LOOP_LABELS, type Loop } from '../x835/types';
import { codeListById, retiredNote } from './codeLookup';
import { segmentsAfter } from './completion/segmentOrder';
import { componentAt, componentOffsets, offsetRange } from './segmentRanges';

/** Typing one of these may open a new segment or element: the client asks for completions right away. */
export const COMPLETION_TRIGGERS = ['*', '|', '~', ':'];

/**
 * Completion, two kinds:
 * - at the start of a segment: the segment ids the loop structure allows after the previous segment;
 * - inside a coded element (qualifiers, group codes, CARC, RARC, PLB reasons...): its values, each with
 *   its explanation, retired codes marked and listed last. Filtering also matches the explanation, so
 *   typing "seques" offers 253.
 */
export function completion(a: Analysis, position: Position, _settings: Settings): CompletionList {
  const t = a.tokens;
  const offset = a.lines.offsetAt(position);
  const seg = t.segmentAt(offset);
  const empty: CompletionList = { isIncomplete: false, items: [] };

  if (seg < 0) return segmentItems(a, -1, offsetRange(a, offset, offset));
  if (offset > t.segEnd[seg]) {
    // After the segment's data: a new segment starts only once its terminator is behind the cursor.
    const between = a.text.slice(t.segEnd[seg], offset);
    if (!between.includes(t.delimitersOf(seg).segment)) return empty;
    return segmentItems(a, seg, offsetRange(a, offset, offset));
  }
  // The cursor sits between characters: what it completes is what the character before it belongs to
  // ("CAS*25|*" completes the reason 25, "CAS*|" the group after the separator).
  const probe = Math.max(t.segStart[seg], offset - 1);
  const k = t.elementAt(seg, probe);
  if (k === 0) {
    const start = t.segStart[seg];
    if (!/^[A-Za-z0-9]*$/.test(a.text.slice(start, offset))) return empty;
    // Replace the whole id being typed; at the very start of a segment, insert without eating its id.
    let end = offset;
    if (offset > start) while (end < t.segEnd[seg] && /[A-Za-z0-9]/.test(a.text[end])) end++;
    return segmentItems(a, seg - 1, offsetRange(a, start, end));
  }
  return codeItems(a, seg, k, probe, offset);
}

/** Segment ids valid after segment `prev` (-1: the start of the file), replacing `range`. */
function segmentItems(a: Analysis, prev: number, range: Range): CompletionList {
  const loop = (prev >= 0 ? a.model.segLoop[prev] : 0) as Loop;
  const ids = segmentsAfter(loop, prev >= 0 ? a.tokens.id(prev) : '');
  const sep = prev >= 0 ? a.tokens.delimitersOf(prev).element : '*';
  const items = ids.map((id, i): CompletionItem => {
    const def = SEGMENTS.get(id);
    return {
      label: id,
      kind: CompletionItemKind.Struct,
      detail: def?.name,
      documentation: def ? { kind: MarkupKind.Markdown, value: `**${id}** · ${def.name}\n\n${def.purpose}` } : undefined,
      sortText: String(i).padStart(3, '0'),
      // ISA is fixed width: insert only the id and let the user (or a snippet elsewhere) write the rest.
      textEdit: { range, newText: id === 'ISA' ? id : id + sep },
      insertTextFormat: InsertTextFormat.PlainText,
    };
  });
  return { isIncomplete: false, items: prev >= 0 ? withLoopHint(a, prev, items) : items };
}

/** Says in each item's detail which loop the previous segment is in, so the choice reads in context. */
function withLoopHint(a: Analysis, prev: number, items: CompletionItem[]): CompletionItem[] {
  const label = LOOP_LABELS[a.model.segLoop[prev] as Loop];
  const where = label.id ? `after ${a.tokens.id(prev)} (${/^\d/.test(label.id) ? `loop ${label.id}` : label.name.toLowerCase()})` : '';
  return where ? items.map((it) => ({ ...it, labelDetails: { description: where } })) : items;
}

/** The values of the coded element (or component) under the cursor, replacing what is typed there. */
function codeItems(a: Analysis, seg: number, k: number, offset: number, cursor = offset): CompletionList {
  const t = a.tokens;
  const id = t.id(seg);
  let def: ElementDef | undefined = elementDef(id, k);
  let start = t.elementStartOffset(seg, k);
  let end = t.elementEndOffset(seg, k);
  if (def?.type === 'COMP') {
    const c = componentAt(a, seg, k, offset);
    def = componentDef(id, k, c + 1);
    const span = componentOffsets(a, seg, k, c);
    if (span) ({ start, end } = span);
  }
  // LQ02 holds a RARC only when LQ01 is HE; NCPDP codes (RX) are not listed here.
  if (id === 'LQ' && k === 2 && t.element(seg, 1) === 'RX') return { isIncomplete: false, items: [] };
  const list = codeListById(def?.codeList);
  if (!list) return { isIncomplete: false, items: [] };
  const range = offsetRange(a, ...onCursorLine(a.text, start, end, cursor));
  const items: CompletionItem[] = [];
  let i = 0;
  for (const info of list.entries.values()) {
    const retired = retiredNote(list, info);
    items.push({
      label: info.code,
      kind: CompletionItemKind.EnumMember,
      labelDetails: { description: info.text },
      detail: list.name,
      documentation: { kind: MarkupKind.Markdown, value: `\`${info.code}\` — ${info.text}${retired ? `\n\n⚠ **${retired}**` : ''}` },
      ...(retired ? { tags: [CompletionItemTag.Deprecated] } : {}),
      sortText: `${retired ? 1 : 0}${String(i++).padStart(5, '0')}`,
      filterText: `${info.code} ${info.text}`,
      textEdit: { range, newText: info.code },
    });
  }
  return { isIncomplete: false, items };
}

/** The part of [start, end) on the cursor's line: an editor drops completions whose range spans lines. */
function onCursorLine(text: string, start: number, end: number, offset: number): [number, number] {
  const isBreak = (i: number) => text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
  let s = Math.min(offset, end);
  while (s > start && !isBreak(s - 1)) s--;
  let e = Math.max(offset, start);
  while (e < end && !isBreak(e)) e++;
  return [s, e];
}
