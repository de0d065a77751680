import type { OfficialLists } from '../../codes/official';
import type { ElementDef } from '../../x835/dictionary';
import { formatMoney, parseCents, parseDate } from '../../x835/values';
import { codeListById, describeCode, retiredNote } from '../codeLookup';
import { quoted } from '../quote';
import { longDate } from './format';

/**
 * An element's value in words, by its dictionary type: a code with its meaning, an amount as money,
 * a date as a date. Never throws: a value that does not read as its type says so.
 */
export function describeValue(def: ElementDef | undefined, value: string, official?: OfficialLists): string {
  if (value === '') return '_empty_';
  const list = codeListById(def?.codeList);
  if (list) return describeCode(list, value, official);
  if (def && isMoney(def)) {
    const cents = parseCents(value);
    return cents === undefined ? `${quoted(value)} — not a valid amount` : `${quoted(value)} = **${formatMoney(cents)}**`;
  }
  if (def?.type === 'DT' && def.max === 8) {
    const d = parseDate(value);
    return d === undefined ? `${quoted(value)} — not a valid date (CCYYMMDD)` : `${quoted(value)} = **${longDate(d)}**`;
  }
  return quoted(value);
}

/**
 * Monetary amounts are the `R` elements of X12 data element 782, whose maximum length is 18; quantities,
 * rates and weights (380 and others) are shorter. The dictionary keeps that length, so it tells them apart.
 */
export function isMoney(def: ElementDef): boolean {
  return def.type === 'R' && def.max === 18;
}

/** The value's code line only when the code is retired (for hovers that explain the code elsewhere), else ''. */
export function retiredCodeLine(def: ElementDef | undefined, value: string): string {
  const list = codeListById(def?.codeList);
  const info = list?.entries.get(value);
  return list && info && retiredNote(list, info) ? describeCode(list, value) : '';
}
