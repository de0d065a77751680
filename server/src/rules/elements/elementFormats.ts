import type { Finding } from '../../x12/finding';
import type { ElementDef } from '../../x835/dictionary';
import { parseDate, parseDateAt } from '../../x835/values';

/**
 * `element-format` for one non-empty element value (text[start..end)), by its dictionary type:
 * R decimal numbers (amounts: at most 2 decimals), N0/N2 integers, DT dates (real calendar dates),
 * TM times, and min/max lengths (for numbers the digits only, as X12 counts them). Numbers are read
 * character by character, so a valid value costs no substring.
 */
export function checkFormat(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  switch (e.type) {
    case 'R':
      return decimal(text, e, start, end, out);
    case 'N0':
    case 'N2':
      return integer(text, e, start, end, out);
    case 'DT':
      return date(text, e, start, end, out);
    case 'TM':
      return time(text, e, start, end, out);
    case 'AN':
    case 'ID':
      // A coded value is judged against its list (element-code), which says more than a length would.
      if (!e.codeList) length(text, e, start, end, out);
      return;
    case 'COMP':
      return;
  }
}

/*
 * Fast verdicts for the elements rule's pass: true exactly when `checkFormat` would find nothing to say
 * of the value, read from char codes with the limits passed as numbers (no ElementDef, no substring).
 * False means "ask checkFormat", which words the finding.
 */

/** An R value: `decimal` finds nothing. `money`: at most 2 decimals (see `isMoney`). */
export function decimalOk(text: string, start: number, end: number, min: number, max: number, money: boolean): boolean {
  // The sign is added, not branched on: arithmetic on a rare path has no type feedback when the
  // caller's loop is optimized, and reaching it later would deoptimize that loop.
  const first = start + (text.charCodeAt(start) === 45 /* - */ ? 1 : 0);
  let point = -1;
  for (let i = first; i < end; i++) {
    const c = text.charCodeAt(i);
    // `(c - 48) >>> 0 > 9` is "not a digit".
    if ((c - 48) >>> 0 > 9) {
      if (c !== 46 /* . */ || point >= 0) return false;
      point = i;
    }
  }
  // Every character after the sign is a digit but the point, if any.
  const digits = end - first - (point >= 0 ? 1 : 0);
  if (digits === 0 || digits > max || digits < min) return false;
  // Only digits follow the point, so they are the decimals.
  return !money || point < 0 || end - point - 1 <= 2;
}

/** An N0/N2 value: `integer` finds nothing. */
export function integerOk(text: string, start: number, end: number, min: number, max: number): boolean {
  let i = start + (text.charCodeAt(start) === 45 ? 1 : 0);
  const digits = end - i;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return digits > 0 && digits <= max && digits >= min;
}

/** A CCYYMMDD value (DT of 8) that `date` finds nothing in: a real calendar date in 1900-2099. */
export function dateOk(text: string, start: number, end: number): boolean {
  const d = parseDateAt(text, start, end);
  return d !== undefined && d >= PLAUSIBLE_FROM && d < PLAUSIBLE_UNTIL;
}

/**
 * The R values `decimal` holds to at most 2 decimals: element 782 (monetary amount) is R 1-18 in the
 * dictionary; quantities and rates are shorter.
 */
export function isMoney(e: ElementDef): boolean {
  return e.max === 18;
}

function decimal(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  let i = start;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  let digits = 0;
  let decimals = 0;
  let point = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (point) decimals++;
    } else if (c === 46 /* . */ && !point) point = true;
    else break;
  }
  if (i < end || digits === 0) {
    const v = text.slice(start, end);
    return bad(
      out,
      start,
      end,
      `${e.id} (${e.name}) is "${v}", not a number: X12 numbers are digits with an optional leading minus and decimal point${v.includes(',') ? ' (no thousands separators)' : ''}.`,
    );
  }
  if (isMoney(e) && decimals > 2) {
    return bad(out, start, end, `${e.id} (${e.name}) is "${text.slice(start, end)}": an amount has at most 2 decimals (cents).`);
  }
  digitCount(e, digits, start, end, out);
}

function integer(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  const first = i;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (i < end || i === first) return bad(out, start, end, `${e.id} (${e.name}) is "${text.slice(start, end)}", not a whole number.`);
  digitCount(e, end - first, start, end, out);
}

function digitCount(e: ElementDef, digits: number, start: number, end: number, out: Finding[]): void {
  if (digits > e.max) bad(out, start, end, `${e.id} (${e.name}) has ${digits} digits; the guide allows at most ${e.max}.`);
  else if (digits < e.min)
    bad(out, start, end, `${e.id} (${e.name}) has ${digits} digit${digits === 1 ? '' : 's'}; the guide requires at least ${e.min}.`);
}

function date(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  if (e.max === 6) {
    const v = text.slice(start, end);
    if (!isYymmdd(v)) bad(out, start, end, `${e.id} (${e.name}) is "${v}", not a real date written YYMMDD.`);
    return;
  }
  // The usual case, a plausible date, is read from the text without a substring.
  const d = parseDateAt(text, start, end);
  if (d !== undefined && d >= PLAUSIBLE_FROM && d < PLAUSIBLE_UNTIL) return;
  const v = text.slice(start, end);
  if (d === undefined) {
    bad(
      out,
      start,
      end,
      /^\d{8}$/.test(v)
        ? `${e.id} (${e.name}) is "${v}", which is not a real calendar date (CCYYMMDD: month ${v.slice(4, 6)}, day ${v.slice(6, 8)}).`
        : `${e.id} (${e.name}) is "${v}"; a date is written CCYYMMDD, e.g. 20240131.`,
    );
  } else {
    bad(
      out,
      start,
      end,
      `${e.id} (${e.name}) is "${v}", the year ${v.slice(0, 4)}: no date of an 835 lies outside 1900-2099 (a placeholder or a shifted value?).`,
    );
  }
}

/** Calendar-valid dates like 11111111 are placeholders: no payment, service or fiscal date is that far off. */
const PLAUSIBLE_FROM = 19000101;
const PLAUSIBLE_UNTIL = 21000101;

/** HHMM, HHMMSS, HHMMSSD or HHMMSSDD, on a 24-hour clock. */
function time(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  const v = text.slice(start, end);
  const ok = /^([01]\d|2[0-3])[0-5]\d([0-5]\d\d{0,2})?$/.test(v) && v.length >= e.min && v.length <= e.max;
  if (!ok)
    bad(
      out,
      start,
      end,
      `${e.id} (${e.name}) is "${v}"; a time is written HHMM (24-hour)${e.max > 4 ? ', optionally followed by seconds' : ''}.`,
    );
}

function length(text: string, e: ElementDef, start: number, end: number, out: Finding[]): void {
  const n = end - start;
  if (n > e.max) bad(out, start, end, `${e.id} (${e.name}) is ${n} characters long; the guide allows at most ${e.max}.`);
  else if (n < e.min)
    bad(
      out,
      start,
      end,
      `${e.id} (${e.name}) is "${text.slice(start, end)}", ${n} character${n === 1 ? '' : 's'}; the guide requires at least ${e.min}.`,
    );
}

function bad(out: Finding[], start: number, end: number, message: string): void {
  out.push({ code: 'element-format', start, end, message });
}

export function isYymmdd(s: string): boolean {
  if (!/^\d{6}$/.test(s)) return false;
  return parseDate(`20${s}`) !== undefined;
}
