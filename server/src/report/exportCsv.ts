import type { Analysis } from '../analysis';
import { ADJUSTMENT_TABLE, csvHeader, fileTables } from './tables';

/**
 * Every CAS triplet as one CSV record (the adjustment table of tables/): which file, payer and payment
 * it came with, which claim and line, the group and reason, the amount as a plain decimal, the reason's
 * category and the verdict. RFC 4180 (see csv.ts). Unreadable amounts are left empty.
 */

/** The header record (CRLF-terminated). */
export const ADJUSTMENT_CSV_HEADER = csvHeader(ADJUSTMENT_TABLE);

export interface AdjustmentRecords {
  /** CRLF-terminated records, without the header. */
  readonly csv: string;
  readonly rows: number;
}

/** The records of one analysed file, in document order; `file` is the name the first column shows. */
export function adjustmentRecords(a: Analysis, file: string): AdjustmentRecords {
  const t = fileTables(a, file, ['adjustment'], 'csv');
  return { csv: t.text.adjustment!, rows: t.rows.adjustment };
}

/** A whole CSV document for one file: header plus its records. */
export function adjustmentsCsv(a: Analysis, file: string): string {
  return ADJUSTMENT_CSV_HEADER + adjustmentRecords(a, file).csv;
}
