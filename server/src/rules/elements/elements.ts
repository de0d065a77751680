import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { ElementDef, SegmentDef } from '../../x835/dictionary';
import { SegId } from '../../x835/segmentIds';
import { Loop, type Model, type Transaction } from '../../x835/types';
import { parseDate } from '../../x835/values';
import { checkCode, codeOkAt, type CodeContext } from './elementCodes';
import { checkFormat, dateOk, decimalOk } from './elementFormats';
import { casOk, casRequired, nm1Required, situationalRequired, Situation } from './elementSituations';
import { allOff, elementName } from '../engine/ranges';
import { checkComposite, checkValue, compositeOk, required, type ValuePass } from './elementValues';
import {
  Check,
  CHECK_MASK,
  ELEMENT_CODE_TABLE,
  ELEMENT_DEF,
  ELEMENT_LIMITS,
  ELEMENT_WORD,
  PLAN_DEF,
  PLAN_FIRST,
  PLAN_LAST_REQUIRED,
  PLAN_LENGTH,
  PLAN_OF_SEG_ID,
  PLAN_SITUATION,
  REQUIRED,
  TABLE_SHIFT,
} from './segmentPlans';
import { inSteps, SEGMENTS_PER_STEP, steppedRule } from '../engine/shared';
import type { RuleContext } from '../engine/types';

/**
 * Every element of every 835 segment against the dictionary (x835/dictionary.ts), in one pass:
 * - `element-required`: a required element (or component) is empty, plus the situations the file itself
 *   decides (a CAS reason without its amount, bank data of an electronic payment...; elementSituations.ts);
 * - `element-format`: numbers, amounts (at most 2 decimals), dates, times and lengths (elementFormats.ts);
 * - `element-code`: a value outside the guide's code list, an unknown or retired CARC/RARC (elementCodes.ts);
 * - `element-extra`: values past the last element the segment defines.
 * Ranges are the element (or component).
 *
 * The pass reads ~12 M elements of a 50 MB file, so each must cost a few loads: the dictionary is
 * compiled into typed arrays (segmentPlans.ts), a segment's plan is found from its `SegId`, and
 * values are judged from char codes (`decimalOk`, `codeOkAt`...). Only a value that fails such a check
 * goes through `checkFormat`/`checkCode`, which make the substrings and word the finding.
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

/**
 * The same findings for segments from..to-1 only: whole claims of transaction `txIndex`, from their first
 * CLP (an edit's re-analysis, incremental/reanalyse.ts, checks again only the claims it touched).
 */
export function elementFindingsIn(ctx: RuleContext, from: number, to: number, txIndex: number): Finding[] {
  if (allOff(ctx, 'element-required', 'element-format', 'element-code', 'element-extra')) return [];
  const pass = new ElementsPass(ctx.model);
  pass.startAtClaim(from, txIndex);
  pass.check(from, to);
  return pass.out;
}

/** The pass over every segment, resumable between chunks: what it knows of where it stands in the file. */
class ElementsPass implements ValuePass {
  readonly out: Finding[] = [];
  readonly t: SegmentTable;
  private components: string;
  private span = 0;
  /** What code checks know at `contextSeg - 1` (see `codeContext`). */
  private readonly codes: CodeContext = { remitDate: undefined, reversal: false };
  private contextSeg = 0;
  private txIndex = 0;

  constructor(private readonly model: Model) {
    this.t = model.tokens;
    this.components = this.t.delimitersOf(0).component;
  }

  /** Starts the pass at the CLP at segment `seg` of transaction `txIndex` instead of the first segment. */
  startAtClaim(seg: number, txIndex: number): void {
    const spans = this.t.spans;
    while (this.span + 1 < spans.length && spans[this.span + 1].firstSegment <= seg) this.span++;
    this.components = spans[this.span]?.delimiters.component ?? this.components;
    const tx = this.model.transactions[txIndex];
    this.txIndex = txIndex;
    this.codes.remitDate = earlier(tx.productionDate, tx.payment?.date);
    this.codes.reversal = false;
    this.contextSeg = seg;
  }

  /**
   * Checks segments from..to-1, in order (chunks must follow each other). The segment and element loops
   * are one function on purpose, with the common checks inline: a valid amount, code or length costs
   * no call. Anything that fails a fast check is handed to the function that words the finding.
   */
  check(from: number, to: number): void {
    const { t, out } = this;
    const { text, segStart, segEnd, segElem, elemRel, spans } = t;
    const { segLoop, segIds } = this.model;
    let nextSpan = this.span + 1 < spans.length ? spans[this.span + 1].firstSegment : -1;
    let componentCode = this.components.charCodeAt(0);
    for (let i = from; i < to; i++) {
      const loop = segLoop[i] as Loop;
      if (loop === Loop.Foreign) continue;
      if (nextSpan >= 0 && nextSpan <= i) {
        this.components = spans[++this.span].delimiters.component;
        componentCode = this.components.charCodeAt(0);
        nextSpan = this.span + 1 < spans.length ? spans[this.span + 1].firstSegment : -1;
      }
      const plan = PLAN_OF_SEG_ID[segIds[i]];
      if (plan < 0) continue;
      const base = segElem[i];
      const count = segElem[i + 1] - base; // includes the id
      const end0 = segEnd[i];
      const first = PLAN_FIRST[plan] - 1; // element k's plan is first + k
      const defined = PLAN_LENGTH[plan];
      const present = count - 1 < defined ? count - 1 : defined;
      // Element k ends one character before element k + 1 starts (or at the segment's end): each start is read once.
      const s0 = segStart[i];
      let next = count > 1 ? s0 + elemRel[base + 1] : end0 + 1;
      for (let k = 1; k <= present; k++) {
        const start = next;
        next = k + 1 < count ? s0 + elemRel[base + k + 1] : end0 + 1;
        const end = next - 1;
        const e = first + k;
        const word = ELEMENT_WORD[e];
        if (start === end) {
          if (word & REQUIRED) requiredEmpty(e, start, end, out);
          continue;
        }
        // The common checks are inline: a call per element costs as much as the check itself.
        const check = (word & CHECK_MASK) as Check;
        switch (check) {
          case Check.Length: {
            const n = end - start;
            const limit = ELEMENT_LIMITS[e];
            if (n < (limit & 0xffff) || n > limit >>> 16) checkFormat(text, ELEMENT_DEF[e], start, end, out);
            break;
          }
          case Check.Money:
          case Check.Decimal: {
            const limit = ELEMENT_LIMITS[e];
            if (!decimalOk(text, start, end, limit & 0xffff, limit >>> 16, check === Check.Money))
              checkFormat(text, ELEMENT_DEF[e], start, end, out);
            break;
          }
          case Check.Date:
            if (!dateOk(text, start, end)) checkFormat(text, ELEMENT_DEF[e], start, end, out);
            break;
          case Check.Code:
            if (!codeOkAt((word >>> TABLE_SHIFT) - 1, text, start, end))
              checkCode(ELEMENT_CODE_TABLE[e]!, text, ELEMENT_DEF[e], start, end, this.codeContext(i), out);
            break;
          case Check.CodeIfHe:
            // LQ02 is a RARC only when LQ01 says HE; an NCPDP reject code (RX) has no list here.
            if (isHe(t, i) && !codeOkAt((word >>> TABLE_SHIFT) - 1, text, start, end))
              checkCode(ELEMENT_CODE_TABLE[e]!, text, ELEMENT_DEF[e], start, end, this.codeContext(i), out);
            break;
          case Check.Composite:
            if (!compositeOk(text, e, start, end, componentCode)) checkComposite(this, i, e, start, end, this.components);
            break;
          case Check.Nothing:
          case Check.Skipped:
            break;
          default:
            checkValue(this, i, check, word, e, start, end);
        }
      }
      // Past the segment's end only required elements have something to say.
      if (present < PLAN_LAST_REQUIRED[plan]) missing(t, i, plan, present, out);
      if (count - 1 > defined) extra(t, PLAN_DEF[plan], base, count, s0, end0, out);
      const situation = PLAN_SITUATION[plan] as Situation;
      // CAS and NM1 (a third of all segments) are checked directly; the rare kinds (about once per
      // transaction) share one rarely taken call to the dispatcher, so that a kind first met after V8
      // optimized this loop does not deoptimize it.
      if (situation === Situation.Cas) {
        if (!casOk(t, i)) casRequired(t, i, out);
      } else if (situation === Situation.Nm1) nm1Required(t, i, out);
      else if (situation !== Situation.None) situationalRequired(t, i, situation, loop, out);
    }
  }

  /**
   * What the code checks know at segment i: the remit date of its transaction and whether its claim is a
   * reversal. Only a retired code needs it, so it is brought up to date on request, by a cursor that
   * reads each ST and CLP once (segments come in order): the pass itself never looks at them.
   */
  codeContext(i: number): CodeContext {
    const { t, model, codes } = this;
    for (let j = this.contextSeg; j <= i; j++) {
      if (model.segLoop[j] === Loop.Foreign) continue;
      const id = model.segIds[j];
      if (id === SegId.ST) {
        this.txIndex = findTransaction(model.transactions, j, this.txIndex);
        const tx = model.transactions[this.txIndex];
        codes.remitDate = tx?.seg === j ? earlier(tx.productionDate, tx.payment?.date) : undefined;
        codes.reversal = false;
      } else if (id === SegId.CLP) {
        codes.reversal = isReversal(t, j);
      }
    }
    if (i >= this.contextSeg) this.contextSeg = i + 1;
    return codes;
  }
}

/** `t.element(i, 2) === '22'` without the substring (CLP02 of every claim). */
function isReversal(t: SegmentTable, i: number): boolean {
  if (t.elementCount(i) < 3) return false;
  const start = t.elementStartOffset(i, 2);
  return t.elementEndOffset(i, 2) - start === 2 && t.text.charCodeAt(start) === 50 && t.text.charCodeAt(start + 1) === 50;
}

/** `t.element(i, 1) === 'HE'` without the substring (LQ01 of every LQ). */
function isHe(t: SegmentTable, i: number): boolean {
  if (t.elementCount(i) < 2) return false;
  const start = t.elementStartOffset(i, 1);
  return t.elementEndOffset(i, 1) - start === 2 && t.text.charCodeAt(start) === 72 && t.text.charCodeAt(start + 1) === 69;
}

function earlier(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Index of the transaction whose ST is segment `st` (or where it would be): the search resumes, so it is linear overall. */
function findTransaction(list: readonly Transaction[], st: number, from: number): number {
  let k = from;
  while (k < list.length && list[k].seg < st) k++;
  return k;
}

/** A required element (plan `e`) that is present but empty. */
function requiredEmpty(e: number, start: number, end: number, out: Finding[]): void {
  const d = ELEMENT_DEF[e];
  out.push(required(start, end, `${d.id} (${d.name}) is required but empty.`));
}

/** Required elements of plan `plan` after position `present`, where segment i has ended. */
function missing(t: SegmentTable, i: number, plan: number, present: number, out: Finding[]): void {
  const first = PLAN_FIRST[plan] - 1;
  const count = t.elementCount(i);
  const segEnd = t.segEnd[i];
  for (let k = present + 1, last = PLAN_LAST_REQUIRED[plan]; k <= last; k++) {
    if (!(ELEMENT_WORD[first + k] & REQUIRED)) continue;
    const d = ELEMENT_DEF[first + k];
    out.push(required(segEnd, segEnd, `${d.id} (${d.name}) is required but the segment ends before it.${shiftedDate(t, i, d, count)}`));
  }
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

/** Values past the last defined element. Trailing empty elements are a separator habit, not data: ignored. */
function extra(t: SegmentTable, def: SegmentDef, base: number, count: number, segStart: number, segEnd: number, out: Finding[]): void {
  const n = def.elements.length;
  for (let k = n + 1; k < count; k++) {
    const start = segStart + t.elemRel[base + k];
    const end = k + 1 < count ? segStart + t.elemRel[base + k + 1] - 1 : segEnd;
    if (start === end) continue;
    out.push({
      code: 'element-extra',
      start,
      end: segEnd,
      message: `${def.id} has a value in position ${k}, but the 835 defines only ${n} element${n === 1 ? '' : 's'} (${elementName(def.id, 1)}-${elementName(def.id, n)}): an element may have shifted, or a delimiter appears inside data.`,
    });
    return;
  }
}
