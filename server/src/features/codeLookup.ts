import { CARC, CARC_RETIRED_UNDATED } from '../codes/carc';
import { SMALL_LISTS_BY_ID } from '../codes/lists';
import { RARC } from '../codes/rarc';
import type { CodeInfo, CodeList } from '../codes/types';
import { formatDate, parseIsoDate } from '../x835/values';

/**
 * Code values by the list id an element names in the dictionary (`ElementDef.codeList`): the small
 * lists of the guide, plus `carc` and `rarc`. Shared by hover and completion so both say the same.
 */
export function codeListById(id: string | undefined): CodeList | undefined {
  if (!id) return undefined;
  if (id === 'carc') return CARC;
  if (id === 'rarc') return RARC;
  return SMALL_LISTS_BY_ID.get(id);
}

/** "retired: last valid 2020-01-01" for a code with a stop date (or known retired without one), '' otherwise. */
export function retiredNote(list: CodeList, info: CodeInfo): string {
  if (!info.stop) return list === CARC && CARC_RETIRED_UNDATED.has(info.code) ? 'retired (stop date not known)' : '';
  const d = parseIsoDate(info.stop);
  return `retired: last valid ${d !== undefined ? formatDate(d) : info.stop}`;
}

/**
 * One line for a coded value: "`1` — Processed as primary", with "**retired** ..." when the code has a
 * stop date, and "unknown code" (naming the list) when the value is not in it.
 */
export function describeCode(list: CodeList, code: string): string {
  if (code === '') return '(empty)';
  const info = list.entries.get(code);
  if (!info) return `\`${code}\` — unknown code (not in ${list.name})`;
  const retired = retiredNote(list, info);
  return `\`${code}\` — ${info.text}${retired ? ` · ⚠ **${retired}**` : ''}`;
}
