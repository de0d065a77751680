import { commQualifier } from '../codes/lists';
import type { Finding } from '../x12/finding';
import type { SegmentTable } from '../x12/tokenizer';
import { Loop } from '../x835/types';
import { elementName, elementRange } from './ranges';

/**
 * `element-required` for situational elements whose situation the segment itself decides (the
 * dictionary's usage R covers the unconditional ones): pairs that only mean something together, the
 * bank data of an electronic payment, names and ids the guide requires for some roles.
 */
export function situationalRequired(t: SegmentTable, i: number, id: string, loop: Loop, out: Finding[]): void {
  switch (id) {
    case 'CAS': return cas(t, i, out);
    case 'PLB': return plb(t, i, out);
    case 'BPR': return bpr(t, i, out);
    case 'NM1': return nm1(t, i, out);
    case 'N1': return n1(t, i, loop, out);
    case 'PER': for (const k of [3, 5, 7]) pair(t, i, k, k + 1, out, (v) => commQualifier.entries.has(v)); return;
  }
}

/** True for the segments `situationalRequired` checks: the others need not call it. */
export function hasSituations(id: string): boolean {
  return SITUATIONAL.has(id);
}

const SITUATIONAL: ReadonlySet<string> = new Set(['CAS', 'PLB', 'BPR', 'NM1', 'N1', 'PER']);

/** True when element k is absent or empty; offsets only, no substring (this runs for every CAS). */
function empty(t: SegmentTable, i: number, k: number): boolean {
  return k >= t.elementCount(i) || t.elementStartOffset(i, k) === t.elementEndOffset(i, k);
}

function need(t: SegmentTable, i: number, k: number, why: string, out: Finding[]): void {
  if (!empty(t, i, k)) return;
  out.push({ code: 'element-required', ...elementRange(t, i, k), message: `${elementName(t.id(i), k)} is required ${why}.` });
}

/**
 * Two elements that are sent together (a qualifier and its value): either both or neither. When the
 * qualifier is not a valid one (`isQualifier`), element-code already says so and the pair is not judged.
 */
function pair(t: SegmentTable, i: number, a: number, b: number, out: Finding[], isQualifier?: (v: string) => boolean): void {
  // Emptiness from the offsets: the value itself is read only when a qualifier must be judged.
  if (!empty(t, i, a)) {
    if (!isQualifier || isQualifier(t.element(i, a))) need(t, i, b, `with ${elementName(t.id(i), a)}`, out);
  }
  else if (!empty(t, i, b)) need(t, i, a, `with ${elementName(t.id(i), b)}`, out);
}

/** Each CAS triplet after the first: a reason needs its amount; an amount or quantity needs its reason. */
function cas(t: SegmentTable, i: number, out: Finding[]): void {
  const n = t.elementCount(i);
  for (let k = 5; k <= 17 && k < n; k += 3) {
    const reason = !empty(t, i, k);
    const amount = !empty(t, i, k + 1);
    const quantity = !empty(t, i, k + 2);
    if (reason && !amount) need(t, i, k + 1, `with reason ${elementName('CAS', k)} "${t.element(i, k)}": every adjustment reason has an amount`, out);
    else if (!reason && (amount || quantity)) need(t, i, k, `with the ${amount ? 'amount' : 'quantity'} in ${elementName('CAS', amount ? k + 1 : k + 2)}: which reason is it?`, out);
  }
}

/** Each PLB pair after the first: a reason composite needs its amount and the reverse. */
function plb(t: SegmentTable, i: number, out: Finding[]): void {
  for (let k = 5; k <= 13; k += 2) pair(t, i, k, k + 1, out);
}

const ELECTRONIC = new Set(['ACH', 'BOP', 'FWT']);

/** An electronic payment names the banks and accounts; an ACH payment its format. */
function bpr(t: SegmentTable, i: number, out: Finding[]): void {
  const method = t.element(i, 4);
  if (ELECTRONIC.has(method)) {
    const why = `when the payment is electronic (BPR04 ${method})`;
    if (method === 'ACH') need(t, i, 5, why, out);
    for (const k of [6, 7, 9, 12, 13, 14, 15]) need(t, i, k, why, out);
  }
  if (!empty(t, i, 9)) need(t, i, 8, 'with the payer account number (BPR09)', out);
}

const ID_REQUIRED = new Set(['IL', '82', 'TT', 'PR']);

function nm1(t: SegmentTable, i: number, out: Finding[]): void {
  const role = t.element(i, 1);
  if (role === 'TT' || role === 'PR') need(t, i, 3, `for ${role === 'TT' ? 'a crossover carrier' : 'a corrected priority payer'} (NM1*${role}): its name`, out);
  else if (role === 'QC' && t.element(i, 2) !== '2') need(t, i, 3, 'for the patient (NM1*QC): the last name', out);
  if (ID_REQUIRED.has(role)) {
    need(t, i, 8, `for NM1*${role}: the id qualifier`, out);
    need(t, i, 9, `for NM1*${role}: the id`, out);
  } else pair(t, i, 8, 9, out);
}

function n1(t: SegmentTable, i: number, loop: Loop, out: Finding[]): void {
  if (loop === Loop.Payee) {
    need(t, i, 3, 'for the payee (N1*PE): XX (NPI), FI (tax id) or XV', out);
    need(t, i, 4, 'for the payee (N1*PE): its id', out);
  } else pair(t, i, 3, 4, out);
}
