import { codeListById, isRetired } from '../codes';
import type { OfficialLists } from '../codes/official';
import type { CodeInfo, CodeList } from '../codes/types';
import { formatDate, parseIsoDate } from '../x835/values';
import { quoted } from './quote';

export { codeListById };

/** "retired: last valid 2020-01-01" for a code with a stop date (or known retired without one), '' otherwise. */
export function retiredNote(list: CodeList, info: CodeInfo): string {
  if (!isRetired(list, info)) return '';
  if (!info.stop) return 'retired (stop date not known)';
  const d = parseIsoDate(info.stop);
  return `retired: last valid ${d !== undefined ? formatDate(d) : info.stop}`;
}

/**
 * One line for a coded value: "`1` — Processed as primary", with "**retired** ..." when the code has a
 * stop date, and "unknown code" (naming the list) when the value is not in it.
 */
export function describeCode(list: CodeList, code: string, official?: OfficialLists): string {
  if (code === '') return '(empty)';
  const info = list.entries.get(code);
  const theirs = officialText(official, list.id, code);
  if (!info) return `${quoted(code)} — unknown code (not in ${list.name})${theirs}`;
  const retired = retiredNote(list, info);
  return `\`${code}\` — ${info.text}${retired ? ` · ⚠ **${retired}**` : ''}${theirs}`;
}

/** The organisation's official wording for a code, as a line to append ('' when none is loaded). */
export function officialText(official: OfficialLists | undefined, listId: string, code: string): string {
  const text = official?.get(listId)?.get(code);
  return text ? `\n\n_Official:_ ${text}` : '';
}
