import { CARC } from '../../codes/carc';
import { RETIRED_CODE_HINTS, SMALL_LISTS_BY_ID } from '../../codes/lists';
import { RARC } from '../../codes/rarc';
import type { CodeInfo, CodeList } from '../../codes/types';
import type { Finding } from '../../x12/finding';
import type { ElementDef } from '../../x835/dictionary';
import { formatDate, parseIsoDate } from '../../x835/values';

/** What a code check needs to know about where it stands in the file. */
export interface CodeContext {
  /**
   * The remit's date as 20240131: the earlier of DTM*405 (production) and BPR16 (payment), since either
   * may be when the claims were adjudicated. A code retired before it should not appear.
   */
  remitDate: number | undefined;
  /** Inside a reversal (CLP02 22): retired codes of the original adjudication may legitimately come back. */
  reversal: boolean;
}

/** Lists short enough to spell out in a message ("5010 allows CO, OA, PI, PR"). */
const SPELL_OUT_MAX = 12;

/**
 * A code list made ready for lookups straight from the text: resolved once per dictionary element (by
 * the elements rule when it loads), so checking a value costs no substring and no lookup by list id.
 */
export interface CodeTable {
  readonly id: string;
  /** Undefined for a list id we do not hold: every value passes. */
  readonly list: CodeList<CodeInfo> | undefined;
  /** True for the CARC and RARC lists, which are judged with the remit date. */
  readonly external: boolean;
  /** Its number in the packed code index (`codeOkAt`); -1 for a list we do not hold. */
  readonly number: number;
}

/** A code of a list and what the list says of it. */
interface Entry {
  readonly code: string;
  readonly info: CodeInfo;
}

/** The table of a dictionary code list id (`carc`, `groupCode`...). */
export function codeTable(id: string): CodeTable {
  return TABLES.get(id) ?? { id, list: undefined, external: false, number: -1 };
}

/**
 * `element-code` for one non-empty coded value: not in the guide's list (the message names the list,
 * the allowed values when few, and why a familiar old value is wrong), an unknown CARC or RARC, or a
 * CARC/RARC retired before the remit was produced.
 */
export function checkCode(
  table: CodeTable,
  text: string,
  e: ElementDef,
  start: number,
  end: number,
  ctx: CodeContext,
  out: Finding[],
): boolean {
  const list = table.list;
  if (!list) return true;
  if (table.external) return external(table, list, e, text, start, end, ctx, out);
  if (entryAt(table, list, text, start, end) !== undefined) return true;
  const id = table.id;
  const value = text.slice(start, end);
  const hint = RETIRED_CODE_HINTS.get(id)?.get(value);
  const allowed = list.entries.size <= SPELL_OUT_MAX ? ` 5010 allows ${[...list.entries.keys()].join(', ')}.` : '';
  out.push({
    code: 'element-code',
    start,
    end,
    message: `${e.id} "${value}" is not in the list ${list.name}${hint ? `: ${hint}.` : '.'}${allowed}`,
  });
  return false;
}

/**
 * True when `checkCode` would find nothing to say of text[start..end) and return true, without needing
 * the remit date: the value is a code of the list that was never retired, or a remark code shaped like
 * those we may not hold. `table` is a held table's `number`. Read from the text with typed arrays only,
 * no substring and no object, for every coded element of a file; false means "ask checkCode", which
 * judges a retired code against the remit date, words a finding, or finds a rare unpacked value.
 */
export function codeOkAt(table: number, text: string, start: number, end: number): boolean {
  const key = end - start <= 4 ? shortKey(text, start, end) : packedCode(text, start, end);
  if (key === 0) return false;
  const slot = slotAt(table, key);
  // Only CARC and RARC codes carry a stop date here (see `packedIndex`).
  if (slot >= 0) return CODE_STOPS[slot] === 0;
  return TABLE_IS_RARC[table] === 1 && isRemarkNCode(text, start, end);
}

/** `/^N\d{1,4}$/` on text[start..end), without the substring: N codes we do not hold may be valid. */
function isRemarkNCode(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 2 || n > 5 || text.charCodeAt(start) !== 78 /* N */) return false;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** False when the value is not a code of the list at all (a retired code is still a code). */
function external(
  table: CodeTable,
  list: CodeList<CodeInfo>,
  e: ElementDef,
  text: string,
  start: number,
  end: number,
  ctx: CodeContext,
  out: Finding[],
): boolean {
  const entry = entryAt(table, list, text, start, end);
  if (!entry) {
    const value = text.slice(start, end);
    const kind = list === CARC ? 'claim adjustment reason code (CARC)' : 'remittance advice remark code (RARC)';
    // Our RARC list holds the M and MA series in full but only the common N codes: an N code we do
    // not hold may be perfectly valid, so only a value that is not shaped like a remark code is wrong.
    if (list === RARC && /^N\d{1,4}$/.test(value)) return true;
    const shape = list === RARC && !/^(M|MA|N)\d{1,4}$/.test(value) ? ': remark codes are M, MA or N followed by digits' : '';
    out.push({
      code: 'element-code',
      start,
      end,
      message: `${e.id} "${value}" is not a known ${kind}${/^[a-z]/.test(value) ? ' (codes are upper case)' : shape}.`,
    });
    return false;
  }
  const { code, info } = entry;
  // Codes retired on an unknown date carry no `stop`: they cannot be judged against the remit date.
  if (!info.stop || ctx.reversal || ctx.remitDate === undefined) return true;
  const stop = parseIsoDate(info.stop);
  if (stop === undefined || ctx.remitDate <= stop) return true;
  const short = list === CARC ? 'CARC' : 'RARC';
  out.push({
    code: 'element-code',
    start,
    end,
    message: `${short} ${code} was retired on ${info.stop}, before the date of this remit (${formatDate(ctx.remitDate)}, DTM*405 or BPR16): a new adjudication must use a current code. (A crossover of a claim adjudicated before then may still carry it.)`,
  });
  return true;
}

/**
 * The list's entry spelled by text[start..end), or undefined when the value is not in the list. Codes
 * `packedCode` packs (nearly all) are found by their packed characters, so a valid value costs no
 * substring; other values are looked up as strings.
 */
function entryAt(table: CodeTable, list: CodeList, text: string, start: number, end: number): Entry | undefined {
  const key = packedCode(text, start, end);
  if (key !== 0) {
    const slot = slotAt(table.number, key);
    return slot < 0 ? undefined : CODE_ENTRIES[slot];
  }
  const value = text.slice(start, end);
  const info = list.entries.get(value);
  return info === undefined ? undefined : { code: value, info };
}

/**
 * One non-zero number per code, small enough to stay a small integer, 0 for values it does not pack:
 * - 1 to 4 characters with codes 1..127: 7 bits per character (unique because no character is 0), > 0;
 * - 5 characters among digits, capitals and `:;<=>?@` (RARC `MA130`): base 43, negated, < 0.
 * Equal strings get equal keys, so a code not packed is never equal to a packed value.
 */
function packedCode(text: string, start: number, end: number): number {
  const n = end - start;
  if (n >= 1 && n <= 4) return shortKey(text, start, end);
  if (n !== 5) return 0;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 42) return 0;
    key = key * 43 + c;
  }
  return -1 - key;
}

/** `packedCode` of 1 to 4 characters. Small, so that the pass inlines it for every coded element. */
function shortKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    // `(c - 1) >>> 0 > 126` is "c outside 1..127".
    if ((c - 1) >>> 0 > 126) return 0;
    key = (key << 7) | c;
  }
  return key;
}

/**
 * The packed codes of every held list, in one open-addressing index of typed arrays: table `t` is a
 * power-of-two run of slots from `offsets[t]`. Looked up for nearly every coded element of a file, so
 * no object is touched on the way: a slot gives the code's key, its stop date and its entry.
 */
interface PackedIndex {
  readonly offsets: Int32Array;
  readonly masks: Int32Array;
  readonly isRarc: Uint8Array;
  readonly keys: Int32Array;
  /** Per slot of the CARC and RARC tables: the code's `stop` as a date number; 0 without one (and in other tables). */
  readonly stops: Int32Array;
  readonly entries: (Entry | undefined)[];
}

function packedIndex(lists: readonly (readonly [list: CodeList, external: boolean])[]): PackedIndex {
  const offsets = new Int32Array(lists.length);
  const masks = new Int32Array(lists.length);
  let total = 0;
  lists.forEach(([list], t) => {
    let size = 8;
    while (size < list.entries.size * 2) size *= 2;
    offsets[t] = total;
    masks[t] = size - 1;
    total += size;
  });
  const keys = new Int32Array(total);
  const stops = new Int32Array(total);
  const entries = new Array<Entry | undefined>(total).fill(undefined);
  lists.forEach(([list, external], t) => {
    for (const [code, info] of list.entries) {
      const key = packedCode(code, 0, code.length);
      if (key === 0) continue;
      let i = hashOf(key) & masks[t];
      while (keys[offsets[t] + i] !== 0 && keys[offsets[t] + i] !== key) i = (i + 1) & masks[t];
      const slot = offsets[t] + i;
      keys[slot] = key;
      entries[slot] = { code, info };
      // Retirement is judged for CARC and RARC only (`external`), as `checkCode` does.
      stops[slot] = external && info.stop ? (parseIsoDate(info.stop) ?? 0) : 0;
    }
  });
  return { offsets, masks, isRarc: Uint8Array.from(lists, ([list]) => (list === RARC ? 1 : 0)), keys, stops, entries };
}

/** The slot of packed key `key` (non-zero) in table `table`, or -1 when the list has no such code. */
function slotAt(table: number, key: number): number {
  const keys = CODE_KEYS;
  const offset = TABLE_OFFSET[table];
  const mask = TABLE_MASK[table];
  for (let i = hashOf(key) & mask; ; i = (i + 1) & mask) {
    const k = keys[offset + i];
    if (k === key) return offset + i;
    if (k === 0) return -1;
  }
}

/** Spreads packed keys over a table (Fibonacci hashing). */
function hashOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

/** Every list we hold, prepared once from the (constant) code lists; a table's number is its place here. */
const HELD: readonly (readonly [id: string, list: CodeList, external: boolean])[] = [
  ['carc', CARC, true],
  ['rarc', RARC, true],
  ...[...SMALL_LISTS_BY_ID].map(([id, list]) => [id, list, false] as const),
];
const INDEX = packedIndex(HELD.map(([, list, external]) => [list, external] as const));
const TABLE_OFFSET = INDEX.offsets;
const TABLE_MASK = INDEX.masks;
const TABLE_IS_RARC = INDEX.isRarc;
const CODE_KEYS = INDEX.keys;
const CODE_STOPS = INDEX.stops;
const CODE_ENTRIES = INDEX.entries;
const TABLES: ReadonlyMap<string, CodeTable> = new Map(
  HELD.map(([id, list, external], number): [string, CodeTable] => [id, { id, list, external, number }]),
);
