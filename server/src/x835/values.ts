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

/**
 * "1,234.50" style text for cents; negative as "-1,234.50". Integer arithmetic, no regex: the rules
 * format a few hundred thousand amounts on a 50 MB file.
 */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '?';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  // Amounts are whole cents well below 2^53; anything else keeps the general (slower) formatting.
  if (!Number.isInteger(abs) || abs >= 1e17) return sign + formatCentsSlowly(abs);
  let whole = Math.floor(abs / 100);
  let text = '';
  while (whole >= 1000) {
    const group = whole % 1000;
    text = (group < 10 ? ',00' : group < 100 ? ',0' : ',') + group + text;
    whole = Math.floor(whole / 1000);
  }
  const fraction = abs % 100;
  return sign + whole + text + (fraction < 10 ? '.0' : '.') + fraction;
}

function formatCentsSlowly(abs: number): string {
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "$1,234.50" / "-$1,234.50". */
export function formatMoney(cents: number): string {
  const s = formatCents(cents);
  return s.startsWith('-') ? `-$${s.slice(1)}` : `$${s}`;
}

/** A CCYYMMDD date as the comparable number 20240131, or `undefined` when not a real calendar date. */
export function parseDate(s: string): number | undefined {
  return parseDateAt(s, 0, s.length);
}

/**
 * The one date check: the CCYYMMDD date in text[start..end) as the number 20240131, or `undefined` when it
 * is not a real calendar date. Reads the digits in place, without a substring: the model builder and the
 * element checks read every date of a 50 MB file through it.
 */
export function parseDateAt(text: string, start: number, end: number): number | undefined {
  if (end - start !== 8) return undefined;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : DAYS_IN_MONTH[m - 1];
  return d > days ? undefined : n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
