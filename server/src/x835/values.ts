/**
 * Exact parsing of X12 numbers and dates. Money is integer cents parsed from the decimal string,
 * never through floating point, so sums and balances are exact.
 */

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Cents of an X12 `R` amount ("-12.5" -> -1250), or `undefined` when it is not a plain decimal. */
export function parseCents(s: string): number | undefined {
  const m = DECIMAL.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const whole = m[2] === '' ? 0 : Number(m[2]);
  const frac = (m[3] ?? '').padEnd(3, '0');
  // Round half away from zero on the third decimal (amounts should have at most two).
  let cents = whole * 100 + Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
  if (!Number.isSafeInteger(cents)) return undefined;
  if (m[1] === '-') cents = -cents;
  return cents === 0 ? 0 : cents;
}

/** A decimal quantity (units, rates) as a number, or `undefined`. */
export function parseDecimal(s: string): number | undefined {
  if (!DECIMAL.test(s) || s === '' || s === '.' || s === '-' || s === '+') return undefined;
  return Number(s);
}

/** "1,234.50" style text for cents; negative as "-1,234.50". */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '?';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "$1,234.50" / "-$1,234.50". */
export function formatMoney(cents: number): string {
  const s = formatCents(cents);
  return s.startsWith('-') ? `-$${s.slice(1)}` : `$${s}`;
}

/** A CCYYMMDD date as the comparable number 20240131, or `undefined` when not a real calendar date. */
export function parseDate(s: string): number | undefined {
  if (!/^\d{8}$/.test(s)) return undefined;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return undefined;
  return y * 10000 + m * 100 + d;
}

/** 20240131 -> "2024-01-31". */
export function formatDate(date: number): string {
  const s = String(date);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** "2024-01-31" (ISO) -> 20240131, or `undefined`. */
export function parseIsoDate(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? parseDate(m[1] + m[2] + m[3]) : undefined;
}
