/**
 * CSV as RFC 4180 says: fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, a quote, CR or LF, and quotes inside doubled. Pure: the client bundles it for its exports.
 *
 * Every CSV the product writes (era835 export and impact, the editor's exports) goes through `csvField`,
 * so it is the one place that keeps a spreadsheet from running what an 835 carries: payer names, claim
 * numbers and file names are the sender's text, and a cell such as `=cmd|' /C calc'!A0` or
 * `=HYPERLINK(...)` is a formula to Excel, LibreOffice and Google Sheets.
 */

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection": `=`, `+`,
 * `-`, `@`, tab, CR), and LF, which some importers strip before looking.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A plain decimal such as `-0.05`: read as a number by every spreadsheet, never as a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A text cell as a spreadsheet may safely open it: one that would start a formula gets a leading
 * apostrophe, as OWASP advises (it shows, and it makes the cell text). Numbers and plain decimals (the
 * amounts: `decimalOf` gives `-0.05` for a negative one) are left as they are, so they stay numbers.
 */
export function neutralised(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One field, made safe for spreadsheets (see `neutralised`), quoted only when it must be. */
export function csvField(value: string | number | boolean | undefined | null): string {
  const s = value === undefined || value === null ? '' : typeof value === 'string' ? neutralised(value) : String(value);
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
