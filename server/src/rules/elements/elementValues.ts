import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { checkCode, codeOkAt, type CodeContext } from './elementCodes';
import { checkFormat, dateOk, decimalOk, integerOk } from './elementFormats';
import {
  Check,
  CHECK_MASK,
  CODED,
  ELEMENT_CODE_TABLE,
  ELEMENT_COMPONENT_COUNT,
  ELEMENT_COMPONENT_FIRST,
  ELEMENT_COMPONENT_REQUIRED,
  ELEMENT_DEF,
  ELEMENT_LIMITS,
  ELEMENT_WORD,
  REQUIRED,
  TABLE_SHIFT,
} from './segmentPlans';

/**
 * One value of the elements rule, by its plan (segmentPlans.ts): `checkValue` for an element or a
 * component, `checkComposite` for a composite. Both try the fast verdicts first (`decimalOk`,
 * `codeOkAt`...) and go to `checkFormat`/`checkCode`, which word findings, only when one fails.
 * `compositeOk` is the composite's fast verdict, for the pass to call before `checkComposite`.
 */

/** What a value check needs from the pass: the text, where findings go, and the code context of a segment. */
export interface ValuePass {
  readonly t: SegmentTable;
  readonly out: Finding[];
  /** The remit date and reversal state at segment i (only a retired code asks). */
  codeContext(i: number): CodeContext;
}

export function required(start: number, end: number, message: string): Finding {
  return { code: 'element-required', start, end, message };
}

/**
 * Format and code of one non-empty value of segment i (element or component plan `e` with its `word`,
 * not a composite). Returns what `checkCode` returns (false: the value is no code of its list at all),
 * true when it has no list.
 */
export function checkValue(pass: ValuePass, i: number, check: Check, word: number, e: number, start: number, end: number): boolean {
  const text = pass.t.text;
  const out = pass.out;
  const limit = ELEMENT_LIMITS[e];
  switch (check) {
    case Check.Length: {
      const n = end - start;
      if (n < (limit & 0xffff) || n > limit >>> 16) checkFormat(text, ELEMENT_DEF[e], start, end, out);
      return true;
    }
    case Check.Money:
    case Check.Decimal:
      if (!decimalOk(text, start, end, limit & 0xffff, limit >>> 16, check === Check.Money))
        checkFormat(text, ELEMENT_DEF[e], start, end, out);
      return true;
    case Check.Integer:
      if (!integerOk(text, start, end, limit & 0xffff, limit >>> 16)) checkFormat(text, ELEMENT_DEF[e], start, end, out);
      return true;
    case Check.Date:
      if (!dateOk(text, start, end)) checkFormat(text, ELEMENT_DEF[e], start, end, out);
      return true;
    case Check.Code:
      return (
        codeOkAt((word >>> TABLE_SHIFT) - 1, text, start, end) ||
        checkCode(ELEMENT_CODE_TABLE[e]!, text, ELEMENT_DEF[e], start, end, pass.codeContext(i), out)
      );
    case Check.Other: {
      const def = ELEMENT_DEF[e];
      checkFormat(text, def, start, end, out);
      const table = ELEMENT_CODE_TABLE[e];
      return !table || checkCode(table, text, def, start, end, pass.codeContext(i), out);
    }
    default:
      return true;
  }
}

/**
 * True when `checkComposite` would find nothing in composite `element` = text[start..end): every
 * component passes its fast verdict, required ones are there, none is extra, and the first coded one
 * holds none of the characters other interchanges use as separators. False means "ask checkComposite".
 */
export function compositeOk(text: string, element: number, start: number, end: number, sepCode: number): boolean {
  const first = ELEMENT_COMPONENT_FIRST[element];
  const parts = ELEMENT_COMPONENT_COUNT[element];
  let from = start;
  for (let c = 0; c < parts; c++) {
    const p = first + c;
    const word = ELEMENT_WORD[p];
    // Past the element's end only required components have something to say.
    if (from > end) return c < 31 && ELEMENT_COMPONENT_REQUIRED[element] >>> c === 0;
    const to = componentEnd(text, from, end, sepCode);
    if (from === to) {
      if (word & REQUIRED) return false;
    } else {
      if (c === 0 && word & CODED && hasSeparatorLike(text, from, to)) return false;
      const limit = ELEMENT_LIMITS[p];
      switch ((word & CHECK_MASK) as Check) {
        case Check.Length: {
          const n = to - from;
          if (n < (limit & 0xffff) || n > limit >>> 16) return false;
          break;
        }
        case Check.Code:
          if (!codeOkAt((word >>> TABLE_SHIFT) - 1, text, from, to)) return false;
          break;
        case Check.Nothing:
          break;
        default:
          // Numbers, dates and rarer kinds in a component: none in the 835's composites today.
          return false;
      }
    }
    from = to + 1;
  }
  return from > end;
}

/** The components of a composite (SVC01, SVC06, PLB03...) of segment i, each checked like an element. */
export function checkComposite(pass: ValuePass, i: number, element: number, start: number, end: number, sep: string): void {
  const text = pass.t.text;
  const out = pass.out;
  const first = ELEMENT_COMPONENT_FIRST[element];
  const parts = ELEMENT_COMPONENT_COUNT[element];
  const sepCode = sep.charCodeAt(0);
  let from = start;
  for (let c = 0; c < parts; c++) {
    const p = first + c;
    const word = ELEMENT_WORD[p];
    const to = from <= end ? componentEnd(text, from, end, sepCode) : end;
    if (from > end || from === to) {
      if (word & REQUIRED) {
        const pos = Math.min(from, end);
        const d = ELEMENT_DEF[p];
        out.push(
          required(
            pos,
            pos,
            `${d.id} (${d.name}) is required but ${from > end ? `${ELEMENT_DEF[element].id} has no component ${c + 1}` : 'empty'}.`,
          ),
        );
      }
    } else if (c === 0 && word & CODED && looksMisSeparated(text, from, to, sep)) {
      // "HC>55669" under a ':' component separator: one finding that names the cause, not one per component.
      out.push({
        code: 'element-format',
        start,
        end,
        message: `${ELEMENT_DEF[element].id} "${text.slice(start, end)}" is not split into components: this interchange's component separator (ISA16) is "${sep}", but the value seems to use another.`,
      });
      return;
    } else if (!checkValue(pass, i, (word & CHECK_MASK) as Check, word, p, from, to) && c === 0) {
      // A first component that is no code at all means the composite is something else (shifted
      // elements): one finding says it; asking for its other components would only add noise.
      return;
    }
    from = to + 1;
  }
  if (from <= end) {
    out.push({
      code: 'element-extra',
      start: from,
      end,
      message: `${ELEMENT_DEF[element].id} has more than ${parts} components; the guide defines ${parts}.`,
    });
  }
}

/** Where the component starting at `from` ends: the next separator inside the element, else the element's end. */
function componentEnd(text: string, from: number, end: number, sepCode: number): number {
  for (let j = from; j < end; j++) if (text.charCodeAt(j) === sepCode) return j;
  return end;
}

/** True when text[start..end) holds one of `OTHER_SEPARATORS` (read without a substring). */
function hasSeparatorLike(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 62 /* > */ || c === 58 /* : */ || c === 94 /* ^ */ || c === 60 /* < */ || c === 92 /* \\ */ || c === 124 /* | */) return true;
  }
  return false;
}

const OTHER_SEPARATORS = /[>:^<\\|]/;

/** A separator other than `sep` inside text[start..end), after its first character; no substring when there is none. */
function looksMisSeparated(text: string, start: number, end: number, sep: string): boolean {
  if (!hasSeparatorLike(text, start, end)) return false;
  const v = text.slice(start, end);
  const m = OTHER_SEPARATORS.exec(v);
  return !!m && m[0] !== sep && m.index > 0;
}
