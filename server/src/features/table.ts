import type { Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { elementDef } from '../x835/dictionary';
import { claimAt } from '../x835/lookup';
import { LOOP_LABELS, type Loop } from '../x835/types';
import { neutralised } from '../report/csv';
import { formatCents, formatDate, parseCents, parseDate } from '../x835/values';
import { codeListById } from './codeLookup';

/**
 * Tabs and line breaks inside a value would break the table: they become spaces. A value that a
 * spreadsheet would take for a formula (`=HYPERLINK(...)` in a claim number) gets an apostrophe, as in CSV.
 */
const cell = (s: string) => neutralised(s.replace(/[\t\r\n]+/g, ' '));
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "Copy as table": the selected segments (or the claim around the cursor when nothing is selected) as
 * tab-separated values, one row per element with its name and meaning, ready for a spreadsheet or a ticket.
 */
export function tableOf(a: Analysis, range: Range): { tsv: string; rows: number } {
  const t = a.tokens;
  const start = a.lines.offsetAt(range.start);
  const end = a.lines.offsetAt(range.end);
  let first = t.segmentAt(start);
  let last = t.segmentAt(Math.max(start, end - 1));
  if (first < 0 && last < 0) return { tsv: '', rows: 0 };
  first = Math.max(first, 0);
  if (start === end) {
    const claim = claimAt(a.model, first);
    if (claim) {
      first = claim.seg;
      last = claim.lastSeg;
    } else last = first;
  }
  const rows: string[] = ['Line\tLoop\tSegment\tElement\tName\tValue\tMeaning'];
  for (let i = first; i <= last; i++) {
    const id = t.id(i);
    const line = a.lines.positionAt(t.segStart[i]).line + 1;
    const loop = LOOP_LABELS[a.model.segLoop[i] as Loop].id;
    for (let k = 1; k < t.elementCount(i); k++) {
      const value = t.element(i, k);
      if (value === '') continue;
      const def = elementDef(id, k);
      rows.push(
        [String(line), loop, id, `${id}${pad2(k)}`, def?.name ?? '', value, meaning(def?.type, def?.codeList, value)].map(cell).join('\t'),
      );
    }
  }
  return { tsv: rows.join('\n') + '\n', rows: last - first + 1 };
}

function meaning(type: string | undefined, list: string | undefined, value: string): string {
  if (type === 'R') {
    const c = parseCents(value);
    return c === undefined ? '' : formatCents(c);
  }
  if (type === 'DT') {
    const d = parseDate(value);
    return d === undefined ? '' : formatDate(d);
  }
  return codeListById(list)?.entries.get(value)?.text ?? '';
}
