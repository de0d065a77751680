/**
 * Numbers and dates read straight from the text by offsets, with no substring, regex or array: the
 * model builder reads every amount and date of a 50 MB file through these. They give exactly what
 * `parseCents` and `parseDate` (x835/values.ts) give for `text.slice(start, end)`; a property test
 * holds them to it.
 */

/**
 * Cents of the X12 decimal in text[start..end) ("-12.5" -> -1250), or `undefined` when it is not a plain
 * decimal. Rounds half away from zero on the third decimal, as `parseCents` does.
 */
export function centsAt(text: string, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c === 43 /* + */) i++;
    else if (c === 45 /* - */) {
      negative = true;
      i++;
    }
  }
  let whole = 0;
  let wholeDigits = 0;
  for (; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    wholeDigits++;
  }
  let fraction = 0; // the first two decimals as cents
  let roundUp = 0;
  let fractionDigits = 0;
  if (i < end && text.charCodeAt(i) === 46 /* . */) {
    for (i++; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (fractionDigits === 0) fraction = d * 10;
      else if (fractionDigits === 1) fraction += d;
      else if (fractionDigits === 2) roundUp = d >= 5 ? 1 : 0;
      fractionDigits++;
    }
  }
  if (i !== end || (wholeDigits === 0 && fractionDigits === 0)) return undefined;
  // Past 2^53 the digits were not accumulated exactly, but then the cents are not a safe integer either.
  let cents = whole * 100 + fraction + roundUp;
  if (!Number.isSafeInteger(cents)) return undefined;
  if (negative) cents = -cents;
  return cents === 0 ? 0 : cents;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The CCYYMMDD date in text[start..end) as the number 20240131, or `undefined` when not a real date. */
export function dateAt(text: string, start: number, end: number): number | undefined {
  if (end - start !== 8) return undefined;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  const y = Math.floor(value / 10000);
  const m = Math.floor(value / 100) % 100;
  const d = value % 100;
  if (m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return undefined;
  return value;
}
