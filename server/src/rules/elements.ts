import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { SEGMENTS, type ElementDef, type SegmentDef } from '../x835/dictionary';
import { Loop, type Transaction } from '../x835/types';
import { parseDate } from '../x835/values';
import { checkCode, type CodeContext } from './elementCodes';
import { checkFormat } from './elementFormats';
import { situationalRequired } from './elementSituations';
import { allOff, elementName, keyOf, segmentKey } from './ranges';
import type { Rule } from './types';

/**
 * Every element of every 835 segment against the dictionary (x835/dictionary.ts), in one pass:
 * - `element-required`: a required element (or component) is empty, plus the situations the file itself
 *   decides (a CAS reason without its amount, bank data of an electronic payment...; elementSituations.ts);
 * - `element-format`: numbers, amounts (at most 2 decimals), dates, times and lengths (elementFormats.ts);
 * - `element-code`: a value outside the guide's code list, an unknown or retired CARC/RARC (elementCodes.ts);
 * - `element-extra`: values past the last element the segment defines.
 * Ranges are the element (or component). Work per element is offset arithmetic; a substring is made only
 * when a value must be read (codes, numbers, dates), so the pass stays linear and light on 50 MB files.
 *
 * Left to other rules: the ISA (isaFields.ts: fixed-width fields), GS01/GS08/ST03 (envelope-version),
 * ST01 (the builder's not-835), and SE/GE/IEA (envelope.ts: counts and control numbers).
 */
export const elementsRule: Rule = {
  id: 'elements',
  check(ctx) {
    if (allOff(ctx, 'element-required', 'element-format', 'element-code', 'element-extra')) return [];
    const { model } = ctx;
    const t = model.tokens;
    const out: Finding[] = [];
    const codes: CodeContext = { remitDate: undefined, reversal: false };
    let txIndex = 0;
    let components = t.delimitersOf(0).component;
    let span = 0;

    for (let i = 0; i < t.count; i++) {
      const loop = model.segLoop[i] as Loop;
      if (loop === Loop.Foreign) continue;
      const nextSpan = t.spans[span + 1];
      if (nextSpan && nextSpan.firstSegment <= i) {
        span++;
        components = nextSpan.delimiters.component;
      }
      const def = DEFS_BY_KEY.get(segmentKey(t, i));
      if (!def) continue;
      const id = def.id;
      if (id === 'ST') {
        txIndex = findTransaction(model.transactions, i, txIndex);
        const tx = model.transactions[txIndex];
        codes.remitDate = tx?.seg === i ? earlier(tx.productionDate, tx.payment?.date) : undefined;
        codes.reversal = false;
      } else if (id === 'CLP') {
        codes.reversal = t.element(i, 2) === '22';
      }
      checkSegment(t, i, def, components, loop, codes, out);
    }
    return out;
  },
};

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Segments whose elements another rule owns. */
const SKIPPED_SEGMENTS: ReadonlySet<string> = new Set(['ISA', 'SE', 'GE', 'IEA']);

/** The dictionary by numeric segment key (no substring per segment), without the skipped segments. */
const DEFS_BY_KEY: ReadonlyMap<number, SegmentDef> = new Map(
  [...SEGMENTS.values()].filter((d) => !SKIPPED_SEGMENTS.has(d.id)).map((d) => [keyOf(d.id), d]),
);
/** Single elements another rule owns (all in GS and ST). */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['GS01', 'GS08', 'ST01', 'ST03']);

/** Index of the transaction whose ST is segment `st` (or where it would be): the search resumes, so it is linear overall. */
function findTransaction(list: readonly Transaction[], st: number, from: number): number {
  let k = from;
  while (k < list.length && list[k].seg < st) k++;
  return k;
}

function checkSegment(t: SegmentTable, i: number, def: SegmentDef, componentSep: string, loop: Loop, codes: CodeContext, out: Finding[]): void {
  const base = t.segElem[i];
  const count = t.segElem[i + 1] - base; // includes the id
  const defs = def.elements;
  const segEnd = t.segEnd[i];
  const hasSkips = def.id === 'GS' || def.id === 'ST';

  for (let k = 1; k <= defs.length; k++) {
    const e = defs[k - 1];
    if (hasSkips && SKIPPED_ELEMENTS.has(e.id)) continue;
    if (k >= count) {
      if (e.usage === 'R') out.push(required(segEnd, segEnd, `${e.id} (${e.name}) is required but the segment ends before it.${shiftedDate(t, i, e, count)}`));
      continue;
    }
    const start = t.elemStart[base + k];
    const end = k + 1 < count ? t.elemStart[base + k + 1] - 1 : segEnd;
    if (start === end) {
      if (e.usage === 'R') out.push(required(start, end, `${e.id} (${e.name}) is required but empty.`));
      continue;
    }
    if (e.type === 'COMP') checkComposite(t.text, e, start, end, componentSep, codes, out);
    else {
      checkFormat(t.text, e, start, end, out);
      // LQ02 is a RARC only when LQ01 says HE; an NCPDP reject code (RX) has no list here.
      if (e.codeList && (e.id !== 'LQ02' || t.element(i, 1) === 'HE')) checkCode(t.text, e, start, end, codes, out);
    }
  }

  if (count - 1 > defs.length) extra(t, def, base, count, segEnd, out);
  situationalRequired(t, i, def.id, loop, out);
}

function required(start: number, end: number, message: string): Finding {
  return { code: 'element-required', start, end, message };
}

/** The components of a composite (SVC01, SVC06, PLB03...), each checked like an element. */
function checkComposite(text: string, e: ElementDef, start: number, end: number, sep: string, codes: CodeContext, out: Finding[]): void {
  const parts = e.components;
  if (!parts) return;
  let from = start;
  for (let c = 0; c < parts.length; c++) {
    const p = parts[c];
    const to = from <= end ? componentEnd(text, from, end, sep) : end;
    if (from > end || from === to) {
      if (p.usage === 'R') {
        const pos = Math.min(from, end);
        out.push(required(pos, pos, `${p.id} (${p.name}) is required but ${from > end ? `${e.id} has no component ${c + 1}` : 'empty'}.`));
      }
    } else if (c === 0 && p.codeList && looksMisSeparated(text, from, to, sep)) {
      // "HC>55669" under a ':' component separator: one finding that names the cause, not one per component.
      out.push({
        code: 'element-format', start, end,
        message: `${e.id} "${text.slice(start, end)}" is not split into components: this interchange's component separator (ISA16) is "${sep}", but the value seems to use another.`,
      });
      return;
    } else {
      checkFormat(text, p, from, to, out);
      // A first component that is no code at all means the composite is something else (shifted
      // elements): one finding says it; asking for its other components would only add noise.
      if (p.codeList && !checkCode(text, p, from, to, codes, out) && c === 0) return;
    }
    from = to + 1;
  }
  if (from <= end) {
    out.push({ code: 'element-extra', start: from, end, message: `${e.id} has more than ${parts.length} components; the guide defines ${parts.length}.` });
  }
}

/** Where the component starting at `from` ends: the next separator inside the element, else the element's end. */
function componentEnd(text: string, from: number, end: number, sep: string): number {
  const code = sep.charCodeAt(0);
  for (let j = from; j < end; j++) if (text.charCodeAt(j) === code) return j;
  return end;
}

/**
 * " The last value, 20050318 in BPR15, is a date: ..." when a required date is missing at the end of a
 * segment and the value just before it is a date: the usual cause is one element separator too few.
 */
function shiftedDate(t: SegmentTable, i: number, e: ElementDef, count: number): string {
  if (e.type !== 'DT' || count < 2) return '';
  const last = t.element(i, count - 1);
  if (parseDate(last) === undefined) return '';
  return ` The last value, ${last} in ${elementName(t.id(i), count - 1)}, is a date: one element separator may be missing before it.`;
}

const OTHER_SEPARATORS = /[>:^<\\|]/;

function looksMisSeparated(text: string, start: number, end: number, sep: string): boolean {
  const v = text.slice(start, end);
  const m = OTHER_SEPARATORS.exec(v);
  return !!m && m[0] !== sep && m.index > 0;
}

/** Values past the last defined element. Trailing empty elements are a separator habit, not data: ignored. */
function extra(t: SegmentTable, def: SegmentDef, base: number, count: number, segEnd: number, out: Finding[]): void {
  const n = def.elements.length;
  for (let k = n + 1; k < count; k++) {
    const start = t.elemStart[base + k];
    const end = k + 1 < count ? t.elemStart[base + k + 1] - 1 : segEnd;
    if (start === end) continue;
    out.push({
      code: 'element-extra', start, end: segEnd,
      message: `${def.id} has a value in position ${k}, but the 835 defines only ${n} element${n === 1 ? '' : 's'} (${elementName(def.id, 1)}-${elementName(def.id, n)}): an element may have shifted, or a delimiter appears inside data.`,
    });
    return;
  }
}
