import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { SEGMENTS, type ElementDef, type SegmentDef } from '../x835/dictionary';
import { Loop, type Model, type Transaction } from '../x835/types';
import { parseDate } from '../x835/values';
import { checkCode, codeTable, type CodeContext, type CodeTable } from './elementCodes';
import { checkFormat } from './elementFormats';
import { hasSituations, situationalRequired } from './elementSituations';
import { allOff, elementName, keyOf, segmentKey } from './ranges';
import { inSteps, SEGMENTS_PER_STEP, steppedRule } from './shared';

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
export const elementsRule = steppedRule('elements', function* (ctx) {
  if (allOff(ctx, 'element-required', 'element-format', 'element-code', 'element-extra')) return [];
  const pass = new ElementsPass(ctx.model);
  yield* inSteps(ctx.model.tokens.count, SEGMENTS_PER_STEP, (from, to) => pass.check(from, to));
  return pass.out;
});

/** The pass over every segment, resumable between chunks: what it knows of where it stands in the file. */
class ElementsPass {
  readonly out: Finding[] = [];
  private readonly t: SegmentTable;
  private readonly codes: CodeContext = { remitDate: undefined, reversal: false };
  private txIndex = 0;
  private components: string;
  private span = 0;

  constructor(private readonly model: Model) {
    this.t = model.tokens;
    this.components = this.t.delimitersOf(0).component;
  }

  /** Checks segments from..to-1, in order (chunks must follow each other). */
  check(from: number, to: number): void {
    const { t, model, codes, out } = this;
    for (let i = from; i < to; i++) {
      const loop = model.segLoop[i] as Loop;
      if (loop === Loop.Foreign) continue;
      const nextSpan = t.spans[this.span + 1];
      if (nextSpan && nextSpan.firstSegment <= i) {
        this.span++;
        this.components = nextSpan.delimiters.component;
      }
      const plan = planOfSegment(segmentKey(t, i));
      if (!plan) continue;
      if (plan.isSt) {
        this.txIndex = findTransaction(model.transactions, i, this.txIndex);
        const tx = model.transactions[this.txIndex];
        codes.remitDate = tx?.seg === i ? earlier(tx.productionDate, tx.payment?.date) : undefined;
        codes.reversal = false;
      } else if (plan.isClp) {
        codes.reversal = isReversal(t, i);
      }
      checkSegment(t, i, plan, this.components, loop, codes, out);
    }
  }
}

/** `t.element(i, 2) === '22'` without the substring (CLP02 of every claim). */
function isReversal(t: SegmentTable, i: number): boolean {
  if (t.elementCount(i) < 3) return false;
  const start = t.elementStartOffset(i, 2);
  return t.elementEndOffset(i, 2) - start === 2 && t.text.charCodeAt(start) === 50 && t.text.charCodeAt(start + 1) === 50;
}

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Segments whose elements another rule owns. */
const SKIPPED_SEGMENTS: ReadonlySet<string> = new Set(['ISA', 'SE', 'GE', 'IEA']);
/** Single elements another rule owns (all in GS and ST). */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['GS01', 'GS08', 'ST01', 'ST03']);

/** One dictionary element, with what checking it needs resolved ahead of the pass. */
interface ElementPlan {
  readonly e: ElementDef;
  readonly required: boolean;
  /** Owned by another rule (GS01, GS08, ST01, ST03). */
  readonly skipped: boolean;
  readonly composite: boolean;
  readonly codes: CodeTable | undefined;
  /** LQ02: a RARC only when LQ01 says HE. */
  readonly lq02: boolean;
  readonly components: readonly ElementPlan[] | undefined;
}

interface SegmentPlan {
  readonly def: SegmentDef;
  readonly elements: readonly ElementPlan[];
  /** ST and CLP change what the code checks know (remit date, reversal). */
  readonly isSt: boolean;
  readonly isClp: boolean;
  /** The segment has situational requirements (elementSituations.ts). */
  readonly situational: boolean;
}

function segmentPlan(def: SegmentDef): SegmentPlan {
  return { def, elements: def.elements.map(planOf), isSt: def.id === 'ST', isClp: def.id === 'CLP', situational: hasSituations(def.id) };
}

function planOf(e: ElementDef): ElementPlan {
  return {
    e, required: e.usage === 'R', skipped: SKIPPED_ELEMENTS.has(e.id), composite: e.type === 'COMP',
    codes: e.codeList ? codeTable(e.codeList) : undefined, lq02: e.id === 'LQ02', components: e.components?.map(planOf),
  };
}

/**
 * The dictionary's plans by `segmentKey`, without the skipped segments: an array indexed by the key's
 * three bytes, each a digit or capital letter in every dictionary id (the third may be absent), so the
 * pass finds a segment's plan with arithmetic instead of a map lookup. Gives what a map from
 * `keyOf(id)` to the plan would give for every key.
 */
const RADIX = 37;
const CHAR_INDEX = new Int8Array(256).fill(-1);
for (let c = 48; c <= 57; c++) CHAR_INDEX[c] = c - 47;
for (let c = 65; c <= 90; c++) CHAR_INDEX[c] = c - 54;

function planIndex(key: number): number {
  if (key < 0 || key > 0xffffff) return -1;
  const a = CHAR_INDEX[key >>> 16];
  const b = CHAR_INDEX[(key >>> 8) & 0xff];
  const c = key & 0xff;
  const ci = c === 0 ? 0 : CHAR_INDEX[c];
  return a > 0 && b > 0 && ci >= 0 ? (a * RADIX + b) * RADIX + ci : -1;
}

const PLANS: (SegmentPlan | undefined)[] = new Array(RADIX * RADIX * RADIX).fill(undefined);
/** Plans of ids that are not digits and capitals (none today), by key. */
const OTHER_PLANS = new Map<number, SegmentPlan>();
for (const d of SEGMENTS.values()) {
  if (SKIPPED_SEGMENTS.has(d.id)) continue;
  const key = keyOf(d.id);
  const index = planIndex(key);
  const plan = segmentPlan(d);
  if (index >= 0) PLANS[index] = plan;
  else OTHER_PLANS.set(key, plan);
}

function planOfSegment(key: number): SegmentPlan | undefined {
  const index = planIndex(key);
  return index >= 0 ? PLANS[index] : OTHER_PLANS.size ? OTHER_PLANS.get(key) : undefined;
}

/** Index of the transaction whose ST is segment `st` (or where it would be): the search resumes, so it is linear overall. */
function findTransaction(list: readonly Transaction[], st: number, from: number): number {
  let k = from;
  while (k < list.length && list[k].seg < st) k++;
  return k;
}

function checkSegment(t: SegmentTable, i: number, plan: SegmentPlan, componentSep: string, loop: Loop, codes: CodeContext, out: Finding[]): void {
  const base = t.segElem[i];
  const count = t.segElem[i + 1] - base; // includes the id
  const plans = plan.elements;
  const segEnd = t.segEnd[i];
  const text = t.text;
  const elemStart = t.elemStart;

  for (let k = 1; k <= plans.length; k++) {
    const p = plans[k - 1];
    if (p.skipped) continue;
    if (k >= count) {
      if (p.required) out.push(required(segEnd, segEnd, `${p.e.id} (${p.e.name}) is required but the segment ends before it.${shiftedDate(t, i, p.e, count)}`));
      continue;
    }
    const start = elemStart[base + k];
    const end = k + 1 < count ? elemStart[base + k + 1] - 1 : segEnd;
    if (start === end) {
      if (p.required) out.push(required(start, end, `${p.e.id} (${p.e.name}) is required but empty.`));
      continue;
    }
    if (p.composite) checkComposite(text, p, start, end, componentSep, codes, out);
    else {
      checkFormat(text, p.e, start, end, out);
      // LQ02 is a RARC only when LQ01 says HE; an NCPDP reject code (RX) has no list here.
      if (p.codes && (!p.lq02 || t.element(i, 1) === 'HE')) checkCode(p.codes, text, p.e, start, end, codes, out);
    }
  }

  if (count - 1 > plans.length) extra(t, plan.def, base, count, segEnd, out);
  if (plan.situational) situationalRequired(t, i, plan.def.id, loop, out);
}

function required(start: number, end: number, message: string): Finding {
  return { code: 'element-required', start, end, message };
}

/** The components of a composite (SVC01, SVC06, PLB03...), each checked like an element. */
function checkComposite(text: string, plan: ElementPlan, start: number, end: number, sep: string, codes: CodeContext, out: Finding[]): void {
  const parts = plan.components;
  if (!parts) return;
  const e = plan.e;
  let from = start;
  for (let c = 0; c < parts.length; c++) {
    const p = parts[c];
    const to = from <= end ? componentEnd(text, from, end, sep) : end;
    if (from > end || from === to) {
      if (p.required) {
        const pos = Math.min(from, end);
        out.push(required(pos, pos, `${p.e.id} (${p.e.name}) is required but ${from > end ? `${e.id} has no component ${c + 1}` : 'empty'}.`));
      }
    } else if (c === 0 && p.codes && looksMisSeparated(text, from, to, sep)) {
      // "HC>55669" under a ':' component separator: one finding that names the cause, not one per component.
      out.push({
        code: 'element-format', start, end,
        message: `${e.id} "${text.slice(start, end)}" is not split into components: this interchange's component separator (ISA16) is "${sep}", but the value seems to use another.`,
      });
      return;
    } else {
      checkFormat(text, p.e, from, to, out);
      // A first component that is no code at all means the composite is something else (shifted
      // elements): one finding says it; asking for its other components would only add noise.
      if (p.codes && !checkCode(p.codes, text, p.e, from, to, codes, out) && c === 0) return;
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

/** A separator other than `sep` inside text[start..end), after its first character; no substring when there is none. */
function looksMisSeparated(text: string, start: number, end: number, sep: string): boolean {
  let found = false;
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 62 /* > */ || c === 58 /* : */ || c === 94 /* ^ */ || c === 60 /* < */ || c === 92 /* \\ */ || c === 124 /* | */) { found = true; break; }
  }
  if (!found) return false;
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
