import { csvRecord, decimalOf } from '../csv';
import type { TableDef } from './columns';

/**
 * Rows as text: CSV (RFC 4180 through the shared cell writer, which also neutralises formula-like
 * text) or NDJSON (one JSON object per line, the format DuckDB's read_json and Spark's spark.read.json
 * take). Money is a plain decimal in both: "12.30" in CSV, 12.3 in JSON; an unreadable amount is empty
 * (CSV) or null (JSON).
 */
export type TableFormat = 'csv' | 'ndjson';

/** The CSV header record of a table (CRLF-terminated). */
export function csvHeader<R>(t: TableDef<R>): string {
  return csvRecord(t.columns.map((c) => c.name));
}

export function csvRow<R>(t: TableDef<R>, r: R): string {
  return csvRecord(
    t.columns.map((c) => {
      const v = c.get(r);
      return c.kind === 'money' && typeof v === 'number' ? decimalOf(v) : v;
    }),
  );
}

export function ndjsonRow<R>(t: TableDef<R>, r: R): string {
  const o: Record<string, string | number | null> = {};
  for (const c of t.columns) {
    const v = c.get(r);
    if (c.kind === 'money') o[c.name] = typeof v === 'number' && Number.isFinite(v) ? v / 100 : null;
    else if (c.kind === 'count') o[c.name] = v === '' ? null : v;
    else o[c.name] = typeof v === 'number' ? String(v) : v === '' && c.kind === 'date' ? null : v;
  }
  return JSON.stringify(o) + '\n';
}

/** The header a format needs before the first row ('' for NDJSON). */
export function headerOf<R>(t: TableDef<R>, format: TableFormat): string {
  return format === 'csv' ? csvHeader(t) : '';
}

export function rowOf<R>(t: TableDef<R>, format: TableFormat, r: R): string {
  return format === 'csv' ? csvRow(t, r) : ndjsonRow(t, r);
}
