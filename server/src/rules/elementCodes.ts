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
 * `element-code` for one non-empty coded value: not in the guide's list (the message names the list,
 * the allowed values when few, and why a familiar old value is wrong), an unknown CARC or RARC, or a
 * CARC/RARC retired before the remit was produced.
 */
export function checkCode(text: string, e: ElementDef, start: number, end: number, ctx: CodeContext, out: Finding[]): boolean {
  const id = e.codeList!;
  const value = text.slice(start, end);
  if (id === 'carc' || id === 'rarc') return external(id === 'carc' ? CARC : RARC, e, value, start, end, ctx, out);
  const list = SMALL_LISTS_BY_ID.get(id);
  if (!list || list.entries.has(value)) return true;
  const hint = RETIRED_CODE_HINTS.get(id)?.get(value);
  const allowed = list.entries.size <= SPELL_OUT_MAX ? ` 5010 allows ${[...list.entries.keys()].join(', ')}.` : '';
  out.push({
    code: 'element-code', start, end,
    message: `${e.id} "${value}" is not in the list ${list.name}${hint ? `: ${hint}.` : '.'}${allowed}`,
  });
  return false;
}

/** False when the value is not a code of the list at all (a retired code is still a code). */
function external(list: CodeList<CodeInfo>, e: ElementDef, value: string, start: number, end: number, ctx: CodeContext, out: Finding[]): boolean {
  const kind = list === CARC ? 'claim adjustment reason code (CARC)' : 'remittance advice remark code (RARC)';
  const short = list === CARC ? 'CARC' : 'RARC';
  const info = list.entries.get(value);
  if (!info) {
    // Our RARC list holds the M and MA series in full but only the common N codes: an N code we do
    // not hold may be perfectly valid, so only a value that is not shaped like a remark code is wrong.
    if (list === RARC && /^N\d{1,4}$/.test(value)) return true;
    const shape = list === RARC && !/^(M|MA|N)\d{1,4}$/.test(value) ? ': remark codes are M, MA or N followed by digits' : '';
    out.push({ code: 'element-code', start, end, message: `${e.id} "${value}" is not a known ${kind}${/^[a-z]/.test(value) ? ' (codes are upper case)' : shape}.` });
    return false;
  }
  // Codes retired on an unknown date carry no `stop`: they cannot be judged against the remit date.
  if (!info.stop || ctx.reversal || ctx.remitDate === undefined) return true;
  const stop = parseIsoDate(info.stop);
  if (stop === undefined || ctx.remitDate <= stop) return true;
  out.push({
    code: 'element-code', start, end,
    message: `${short} ${value} was retired on ${info.stop}, before the date of this remit (${formatDate(ctx.remitDate)}, DTM*405 or BPR16): a new adjudication must use a current code. (A crossover of a claim adjudicated before then may still carry it.)`,
  });
  return true;
}
