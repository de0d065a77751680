/**
 * CSV as RFC 4180 says: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a quote, CR or LF, and quotes inside doubled. Pure: the client bundles it for its exports.
 */

/** One field, quoted only when it must be. */
export function csvField(value: string | number | boolean | undefined | null): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, terminated by CRLF. */
export function csvRecord(fields: ReadonlyArray<string | number | boolean | undefined | null>): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/**
 * Cents as a plain decimal for spreadsheets: 123450 -> "1234.50", -5 -> "-0.05". No thousands
 * separators and no currency sign, so every spreadsheet reads it as a number.
 */
export function decimalOf(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
