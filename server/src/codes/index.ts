import { CARC, CARC_RETIRED_UNDATED } from './carc';
import { SMALL_LISTS_BY_ID } from './lists';
import { RARC } from './rarc';
import type { CodeInfo, CodeList } from './types';

/**
 * Code lists by the id an element names in the dictionary (`ElementDef.codeList`): the guide's small
 * lists, plus `carc` and `rarc`. The one lookup hover, completion, inlay hints and rules share.
 */
export function codeListById(id: string | undefined): CodeList | undefined {
  if (!id) return undefined;
  if (id === 'carc') return CARC;
  if (id === 'rarc') return RARC;
  return SMALL_LISTS_BY_ID.get(id);
}

/** True when the code is retired: it has a stop date, or X12 retired it without a known date. */
export function isRetired(list: CodeList, info: CodeInfo): boolean {
  return !!info.stop || (list === CARC && CARC_RETIRED_UNDATED.has(info.code));
}
