import type { Analysis } from '../../analysis';
import { TABLES, type TableDef, type TableLevel } from './columns';
import { visitRows } from './facts';
import { headerOf, rowOf, type TableFormat } from './format';

export { ADJUSTMENT_TABLE, CLAIM_TABLE, LINE_TABLE, TABLES, type Column, type ColumnKind, type TableDef, type TableLevel } from './columns';
export { csvHeader, csvRow, headerOf, ndjsonRow, rowOf, type TableFormat } from './format';
export { visitRows, type AdjustmentFacts, type ClaimFacts, type LineFacts, type RowVisitor } from './facts';

export const TABLE_LEVELS: readonly TableLevel[] = ['claim', 'line', 'adjustment'];

/** Text of one file's rows per level (no header), with their counts. */
export interface FileTables {
  readonly text: Partial<Record<TableLevel, string>>;
  readonly rows: Record<TableLevel, number>;
}

/**
 * The rows of one analysed file for the asked levels, in one walk. The text of one file is held, never
 * more: callers write it out and drop it (constant memory per file).
 */
export function fileTables(a: Analysis, file: string, levels: readonly TableLevel[], format: TableFormat): FileTables {
  const parts: Partial<Record<TableLevel, string[]>> = {};
  for (const l of levels) parts[l] = [];
  const rows = { claim: 0, line: 0, adjustment: 0 };
  visitRows(a, file, {
    claim:
      parts.claim &&
      ((f) => {
        parts.claim!.push(rowOf(TABLES.claim, format, f));
        rows.claim++;
      }),
    line:
      parts.line &&
      ((f) => {
        parts.line!.push(rowOf(TABLES.line, format, f));
        rows.line++;
      }),
    adjustment:
      parts.adjustment &&
      ((f) => {
        parts.adjustment!.push(rowOf(TABLES.adjustment, format, f));
        rows.adjustment++;
      }),
  });
  const text: Partial<Record<TableLevel, string>> = {};
  for (const l of levels) text[l] = parts[l]!.join('');
  return { text, rows };
}

/** One whole table (header and rows) of one file. */
export function tableText(a: Analysis, file: string, level: TableLevel, format: TableFormat): string {
  return headerOf(TABLES[level] as TableDef<unknown>, format) + fileTables(a, file, [level], format).text[level]!;
}
