import { SEGMENTS, type ElementDef, type SegmentDef } from '../../x835/dictionary';
import { SEG_ID_COUNT, SegId, segIdOfName } from '../../x835/segmentIds';
import { codeTable, type CodeTable } from './elementCodes';
import { isMoney } from './elementFormats';
import { situationOf, type Situation } from './elementSituations';

/**
 * The dictionary (x835/dictionary.ts) compiled once into flat typed arrays for the elements rule: per
 * segment id (`SegId`, as the builder keeps it in `Model.segIds`) a plan number; per plan where its
 * element plans start; per element plan how it is checked, its length limits and its code table. The
 * pass over a 50 MB file then reads numbers from arrays for each of its ~12 M elements instead of
 * walking objects and comparing type names.
 */

/** How one element (or component) is checked, decided from its dictionary entry. */
export const enum Check {
  /** Owned by another rule (GS01, GS08, ST01, ST03). */
  Skipped,
  /** AN or ID without code list: its length. */
  Length,
  /** R: a number; `decimalOk` with the digit limits. */
  Decimal,
  /** R 1-18: a number with at most 2 decimals. */
  Money,
  /** N0, N2: a whole number. */
  Integer,
  /** DT of 8: a plausible calendar date. */
  Date,
  /** AN or ID with a code list: the code only (its list says more than a length would). */
  Code,
  /** LQ02: a RARC only when LQ01 says HE. */
  CodeIfHe,
  /** A composite with its components' plans. */
  Composite,
  /** A composite the guide does not detail: nothing to check. */
  Nothing,
  /** Anything rarer (DT of 6, TM, a number with a code list): `checkFormat`, then `checkCode` if coded. */
  Other,
}

/** Bits of an element plan's word (`ELEMENT_WORD`) beside its `Check` (the low 4 bits). */
export const CHECK_MASK = 15;
/** The guide requires it (usage R) and this rule reports it missing (not `Skipped`). */
export const REQUIRED = 16;
/** It has a code list, held or not. */
export const CODED = 32;
/** From this bit: 1 + the `number` of its held code table (`codeOkAt`), 0 when none. */
export const TABLE_SHIFT = 6;

/** Segments whose elements another rule owns. */
const SKIPPED_SEGMENTS: ReadonlySet<string> = new Set(['ISA', 'SE', 'GE', 'IEA']);
/** Single elements another rule owns (all in GS and ST). */
const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set(['GS01', 'GS08', 'ST01', 'ST03']);

// Element plans, flat: a segment's elements are consecutive, and so are a composite's components.
const words: number[] = [];
const limits: number[] = [];
const componentFirsts: number[] = [];
const componentCounts: number[] = [];
const componentRequireds: number[] = [];
const elementDefs: ElementDef[] = [];
const elementTables: (CodeTable | undefined)[] = [];

function checkOf(e: ElementDef, table: CodeTable | undefined): Check {
  if (SKIPPED_ELEMENTS.has(e.id)) return Check.Skipped;
  // Limits past 15 bits do not fit `ELEMENT_LIMITS` (none of the guide's do): checkFormat reads them.
  if (e.min > 0x7fff || e.max > 0x7fff) return Check.Other;
  switch (e.type) {
    case 'AN':
    case 'ID':
      if (!table) return Check.Length;
      // A list we do not hold passes every value (`checkCode`); the format of a coded value is its code.
      if (!table.list) return Check.Nothing;
      return e.id === 'LQ02' ? Check.CodeIfHe : Check.Code;
    case 'COMP':
      return e.components ? Check.Composite : Check.Nothing;
  }
  if (table) return Check.Other;
  switch (e.type) {
    case 'R':
      return isMoney(e) ? Check.Money : Check.Decimal;
    case 'N0':
    case 'N2':
      return Check.Integer;
    case 'DT':
      return e.max === 6 ? Check.Other : Check.Date;
    default:
      return Check.Other;
  }
}

/** Adds the plans of `defs` at the end of the flat arrays (their components after them); returns where they start. */
function addElements(defs: readonly ElementDef[]): number {
  const first = words.length;
  for (const e of defs) {
    const table = e.codeList ? codeTable(e.codeList) : undefined;
    const check = checkOf(e, table);
    // An element another rule owns is never reported here, even when required: no REQUIRED bit.
    const required = e.usage === 'R' && check !== Check.Skipped;
    words.push(check | (required ? REQUIRED : 0) | (table ? CODED : 0) | ((table ? table.number + 1 : 0) << TABLE_SHIFT));
    limits.push(check === Check.Other ? 0 : e.min | (e.max << 16));
    componentFirsts.push(0);
    componentCounts.push(0);
    componentRequireds.push(0);
    elementDefs.push(e);
    elementTables.push(table);
  }
  defs.forEach((e, k) => {
    if (!e.components) return;
    const at = addElements(e.components);
    componentFirsts[first + k] = at;
    componentCounts[first + k] = e.components.length;
    // Components past the 31st (none in the guide) count as required: the fast check then defers to the full one.
    componentRequireds[first + k] = e.components.reduce(
      (mask, c, j) => (c.usage === 'R' || j > 30 ? mask | (1 << Math.min(j, 30)) : mask),
      0,
    );
  });
  return first;
}

const planOfSegId = new Int8Array(SEG_ID_COUNT).fill(-1);
const segmentDefs: SegmentDef[] = [];
const elementFirsts: number[] = [];
const lastRequireds: number[] = [];
const situations: Situation[] = [];
for (const d of SEGMENTS.values()) {
  if (SKIPPED_SEGMENTS.has(d.id)) continue;
  const id = segIdOfName(d.id);
  // Segments are found by their SegId: a dictionary segment without one would never be checked.
  if (id === SegId.Other) throw new Error(`x835/segmentIds.ts has no SegId for the dictionary's ${d.id}`);
  planOfSegId[id] = segmentDefs.length;
  segmentDefs.push(d);
  const first = addElements(d.elements);
  elementFirsts.push(first);
  let last = 0;
  d.elements.forEach((_, k) => {
    if (words[first + k] & REQUIRED) last = k + 1;
  });
  lastRequireds.push(last);
  situations.push(situationOf(d.id));
}

/** Per `SegId`: the plan number (the dictionary has ~30 segments), -1 for ids it lacks and segments another rule owns. */
export const PLAN_OF_SEG_ID: Int8Array = planOfSegId;

/** Per plan: the segment's dictionary entry. */
export const PLAN_DEF: readonly SegmentDef[] = segmentDefs;
/** Per plan: the element plan of element 1; element k's is at `PLAN_FIRST + k - 1`. */
export const PLAN_FIRST = Int32Array.from(elementFirsts);
/** Per plan: the number of elements the segment defines. */
export const PLAN_LENGTH = Int32Array.from(segmentDefs, (d) => d.elements.length);
/** Per plan: the last position whose element is required and checked here (0: none): past it, a segment may end. */
export const PLAN_LAST_REQUIRED = Int32Array.from(lastRequireds);
/** Per plan: its situational requirements (elementSituations.ts). */
export const PLAN_SITUATION = Uint8Array.from(situations);

/** Per element plan: its check, REQUIRED, CODED and code table in one number (one load per element). */
export const ELEMENT_WORD = Int32Array.from(words);
/** Per element plan: length limits (for numbers, digits) as `min | max << 16`. */
export const ELEMENT_LIMITS = Int32Array.from(limits);
/** Per composite element plan: where its components' plans start, and how many. */
export const ELEMENT_COMPONENT_FIRST = Int32Array.from(componentFirsts);
export const ELEMENT_COMPONENT_COUNT = Int32Array.from(componentCounts);
/** Per composite element plan: bit c set when component c + 1 is required. */
export const ELEMENT_COMPONENT_REQUIRED = Int32Array.from(componentRequireds);
/** Per element plan: the dictionary entry and code table, for `checkFormat`/`checkCode` and messages. */
export const ELEMENT_DEF: readonly ElementDef[] = elementDefs;
export const ELEMENT_CODE_TABLE: readonly (CodeTable | undefined)[] = elementTables;
