import { CARC } from '../codes/carc';
import { RETIRED_CODE_HINTS, SMALL_LISTS_BY_ID } from '../codes/lists';
import { RARC } from '../codes/rarc';
import type { CodeInfo, CodeList } from '../codes/types';
import type { Finding } from '../x12/finding';
import type { ElementDef } from '../x835/dictionary';
import { formatDate, parseIsoDate } from '../x835/values';

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
  /** The list's codes of up to 4 ASCII characters by `packedCode`. */
  readonly short: PackedCodes;
}

/** A code of a list and what the list says of it. */
interface Entry {
  readonly code: string;
  readonly info: CodeInfo;
}

/** The table of a dictionary code list id (`carc`, `groupCode`...). */
export function codeTable(id: string): CodeTable {
  return TABLES.get(id) ?? { id, list: undefined, external: false, short: new PackedCodes([]) };
}

/**
 * `element-code` for one non-empty coded value: not in the guide's list (the message names the list,
 * the allowed values when few, and why a familiar old value is wrong), an unknown CARC or RARC, or a
 * CARC/RARC retired before the remit was produced.
 */
export function checkCode(table: CodeTable, text: string, e: ElementDef, start: number, end: number, ctx: CodeContext, out: Finding[]): boolean {
  const list = table.list;
  if (!list) return true;
  if (table.external) return external(table, list, e, text, start, end, ctx, out);
  if (entryAt(table, list, text, start, end) !== undefined) return true;
  const id = table.id;
  const value = text.slice(start, end);
  const hint = RETIRED_CODE_HINTS.get(id)?.get(value);
  const allowed = list.entries.size <= SPELL_OUT_MAX ? ` 5010 allows ${[...list.entries.keys()].join(', ')}.` : '';
  out.push({
    code: 'element-code', start, end,
    message: `${e.id} "${value}" is not in the list ${list.name}${hint ? `: ${hint}.` : '.'}${allowed}`,
  });
  return false;
}

/** False when the value is not a code of the list at all (a retired code is still a code). */
function external(table: CodeTable, list: CodeList<CodeInfo>, e: ElementDef, text: string, start: number, end: number, ctx: CodeContext, out: Finding[]): boolean {
  const entry = entryAt(table, list, text, start, end);
  if (!entry) {
    const value = text.slice(start, end);
    const kind = list === CARC ? 'claim adjustment reason code (CARC)' : 'remittance advice remark code (RARC)';
    // Our RARC list holds the M and MA series in full but only the common N codes: an N code we do
    // not hold may be perfectly valid, so only a value that is not shaped like a remark code is wrong.
    if (list === RARC && /^N\d{1,4}$/.test(value)) return true;
    const shape = list === RARC && !/^(M|MA|N)\d{1,4}$/.test(value) ? ': remark codes are M, MA or N followed by digits' : '';
    out.push({ code: 'element-code', start, end, message: `${e.id} "${value}" is not a known ${kind}${/^[a-z]/.test(value) ? ' (codes are upper case)' : shape}.` });
    return false;
  }
  const { code, info } = entry;
  // Codes retired on an unknown date carry no `stop`: they cannot be judged against the remit date.
  if (!info.stop || ctx.reversal || ctx.remitDate === undefined) return true;
  const stop = parseIsoDate(info.stop);
  if (stop === undefined || ctx.remitDate <= stop) return true;
  const short = list === CARC ? 'CARC' : 'RARC';
  out.push({
    code: 'element-code', start, end,
    message: `${short} ${code} was retired on ${info.stop}, before the date of this remit (${formatDate(ctx.remitDate)}, DTM*405 or BPR16): a new adjudication must use a current code. (A crossover of a claim adjudicated before then may still carry it.)`,
  });
  return true;
}

/**
 * The list's entry spelled by text[start..end), or undefined when the value is not in the list. Short
 * codes (up to 4 ASCII characters: nearly all) are found by their packed characters, so a valid value
 * costs no substring; longer or unusual values are looked up as strings.
 */
function entryAt(table: CodeTable, list: CodeList, text: string, start: number, end: number): Entry | undefined {
  const key = packedCode(text, start, end);
  if (key >= 0) return table.short.get(key);
  const value = text.slice(start, end);
  const info = list.entries.get(value);
  return info === undefined ? undefined : { code: value, info };
}

/**
 * One number per string of 1 to 4 characters with codes 1..127: 7 bits per character, unique because no
 * character is 0, and small enough (28 bits) to stay a small integer. -1 for anything else.
 */
function packedCode(text: string, start: number, end: number): number {
  if (end - start > 4) return -1;
  let key = 0;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if (c < 1 || c > 127) return -1;
    key = (key << 7) | c;
  }
  return key;
}

/**
 * The short codes of a list by packed key, in an open-addressing table of typed arrays: looked up for
 * nearly every coded element of a file, so a little faster than a Map matters.
 */
class PackedCodes {
  private readonly keys: Int32Array;
  private readonly entries: (Entry | undefined)[];
  private readonly mask: number;

  constructor(entries: readonly Entry[]) {
    let size = 8;
    while (size < entries.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.entries = new Array<Entry | undefined>(size).fill(undefined);
    for (const entry of entries) {
      const key = packedCode(entry.code, 0, entry.code.length);
      if (key <= 0) continue;
      let i = slotOf(key) & this.mask;
      while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.entries[i] = entry;
    }
  }

  /** The entry with this packed key (> 0), if any. */
  get(key: number): Entry | undefined {
    const keys = this.keys;
    for (let i = slotOf(key) & this.mask; ; i = (i + 1) & this.mask) {
      const k = keys[i];
      if (k === key) return this.entries[i];
      if (k === 0) return undefined;
    }
  }
}

/** Spreads packed keys over the table (Fibonacci hashing). */
function slotOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 16;
}

function shortCodes(list: CodeList): PackedCodes {
  return new PackedCodes([...list.entries].map(([code, info]) => ({ code, info })));
}

/** Every list we hold, prepared once from the (constant) code lists. */
const TABLES: ReadonlyMap<string, CodeTable> = new Map([
  ['carc', { id: 'carc', list: CARC, external: true, short: shortCodes(CARC) }],
  ['rarc', { id: 'rarc', list: RARC, external: true, short: shortCodes(RARC) }],
  ...[...SMALL_LISTS_BY_ID].map(([id, list]): [string, CodeTable] => [id, { id, list, external: false, short: shortCodes(list) }]),
]);
