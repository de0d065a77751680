import type { Delimiters } from '../x12/delimiters';
import type { SegmentTable } from '../x12/tokenizer';

/** The delimiters to use instead; omitted ones stay as they are. */
export type DelimiterChange = Partial<Pick<Delimiters, 'element' | 'component' | 'repetition' | 'segment'>>;

export type NormalizeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string; readonly start: number; readonly end: number };

const ROLES = ['element', 'component', 'repetition', 'segment'] as const;
const show = (c: string) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c);

/**
 * Rewrites every interchange with new delimiters (e.g. `|` to `*`), for comparing feeds. Element bytes
 * are kept; ISA11 and ISA16 are updated to announce the new repetition and component separators.
 * Refuses, with the place, when a new delimiter already occurs inside data: it would split an element.
 */
export function normalizeDelimiters(t: SegmentTable, change: DelimiterChange): NormalizeResult {
  const text = t.text;
  const out: string[] = [];
  let cursor = 0;
  for (const [si, span] of t.spans.entries()) {
    const old = span.delimiters;
    const next: Delimiters = {
      element: change.element ?? old.element,
      component: change.component ?? old.component,
      repetition: change.repetition ?? old.repetition,
      segment: change.segment ?? old.segment,
    };
    const used = ROLES.map((r) => next[r]).filter((c): c is string => c !== undefined);
    const bad = used.find((c, i) => c.length !== 1 || used.indexOf(c) !== i || /[A-Za-z0-9 ]/.test(c));
    if (bad !== undefined)
      return {
        ok: false,
        message: `'${show(bad)}' cannot be used: delimiters are single, distinct characters that are not letters, digits or spaces.`,
        start: 0,
        end: 0,
      };
    const map = new Map<string, string>();
    for (const r of ROLES) if (old[r] !== undefined && next[r] !== undefined) map.set(old[r]!, next[r]!);
    const newOnly = new Set(used.filter((c) => !map.has(c)));
    const lastSeg = si + 1 < t.spans.length ? t.spans[si + 1].firstSegment : t.count;
    for (let i = span.firstSegment; i < lastSeg; i++) {
      const start = t.segStart[i];
      const end = t.segEnd[i];
      out.push(text.slice(cursor, start));
      const isIsa = t.id(i) === 'ISA';
      const isa11 = isIsa ? t.elementStartOffset(i, 11) : -1;
      const isa16 = isIsa ? t.elementStartOffset(i, 16) : -1;
      let seg = '';
      for (let p = start; p < end; p++) {
        const c = text[p];
        if (p === isa11 && old.repetition !== undefined && next.repetition !== undefined && c === old.repetition) seg += next.repetition;
        else if (p === isa16 && c === old.component) seg += next.component;
        else if (map.has(c) && c !== old.segment) seg += map.get(c);
        else if (newOnly.has(c)) {
          return {
            ok: false,
            message: `'${show(c)}' already occurs inside data (${t.id(i)} segment): using it as a delimiter would split that element. Choose another character.`,
            start: p,
            end: p + 1,
          };
        } else seg += c;
      }
      out.push(seg);
      cursor = end;
      // The terminator (and the CR kept before a newline terminator) maps to the new terminator.
      if (text[cursor] === '\r' && old.segment === '\n') cursor++;
      if (text[cursor] === old.segment) {
        out.push(next.segment);
        cursor++;
      }
    }
  }
  out.push(text.slice(cursor));
  return { ok: true, text: out.join('') };
}
