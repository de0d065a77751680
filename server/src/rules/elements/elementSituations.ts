import { commQualifier } from '../../codes/lists';
import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { Loop } from '../../x835/types';
import { elementName, elementRange } from '../engine/ranges';

/**
 * `element-required` for situational elements whose situation the segment itself decides (the
 * dictionary's usage R covers the unconditional ones): pairs that only mean something together, the
 * bank data of an electronic payment, names and ids the guide requires for some roles.
 * `situation` is `situationOf` the segment's id, resolved once per segment kind by the caller.
 */
export function situationalRequired(t: SegmentTable, i: number, situation: Situation, loop: Loop, out: Finding[]): void {
  switch (situation) {
    case Situation.Cas:
      return casRequired(t, i, out);
    case Situation.Plb:
      return plb(t, i, out);
    case Situation.Bpr:
      return bpr(t, i, out);
    case Situation.Nm1:
      return nm1Required(t, i, out);
    case Situation.N1:
      return n1(t, i, loop, out);
    case Situation.Per:
      for (let k = 3; k <= 7; k += 2) pair(t, i, k, k + 1, out, isCommQualifier);
      return;
    case Situation.None:
      return;
  }
}

/** The segments with situations `situationalRequired` checks; None for the others, which need not call it. */
export const enum Situation {
  None,
  Cas,
  Plb,
  Bpr,
  Nm1,
  N1,
  Per,
}

/** The situations of a segment id. */
export function situationOf(id: string): Situation {
  return SITUATIONS.get(id) ?? Situation.None;
}

const SITUATIONS: ReadonlyMap<string, Situation> = new Map([
  ['CAS', Situation.Cas],
  ['PLB', Situation.Plb],
  ['BPR', Situation.Bpr],
  ['NM1', Situation.Nm1],
  ['N1', Situation.N1],
  ['PER', Situation.Per],
]);

const isCommQualifier = (v: string) => commQualifier.entries.has(v);

/** True when element k is absent or empty; offsets only, no substring (this runs for every CAS). */
function empty(t: SegmentTable, i: number, k: number): boolean {
  const base = t.segElem[i];
  const n = t.segElem[i + 1] - base;
  if (k >= n) return true;
  // Element k ends one character before element k + 1 starts, or at the segment's end (offsets from the segment's start).
  const end = k + 1 < n ? t.elemRel[base + k + 1] - 1 : t.segEnd[i] - t.segStart[i];
  return end === t.elemRel[base + k];
}

/**
 * Element k as a number when it is 1 or 2 characters of codes 1..127 (as NM1 roles are): `a`, or
 * `a << 8 | b` (never below 256, so never equal to one character); -1 for anything else.
 */
function shortValue(t: SegmentTable, i: number, k: number): number {
  const base = t.segElem[i];
  const n = t.segElem[i + 1] - base;
  if (k >= n) return -1;
  const rel = t.elemRel[base + k];
  const start = t.segStart[i] + rel;
  const length = (k + 1 < n ? t.elemRel[base + k + 1] - 1 : t.segEnd[i] - t.segStart[i]) - rel;
  if (length !== 1 && length !== 2) return -1;
  const a = t.text.charCodeAt(start);
  const b = length === 2 ? t.text.charCodeAt(start + 1) : 1;
  // `(c - 1) >>> 0 > 126` is "c outside 1..127".
  if ((a - 1) >>> 0 > 126 || (b - 1) >>> 0 > 126) return -1;
  return length === 1 ? a : (a << 8) | b;
}

/** `shortValue` of a literal. */
const valueOf = (s: string) => (s.length === 1 ? s.charCodeAt(0) : (s.charCodeAt(0) << 8) | s.charCodeAt(1));

function need(t: SegmentTable, i: number, k: number, why: string, out: Finding[]): void {
  if (!empty(t, i, k)) return;
  out.push({ code: 'element-required', ...elementRange(t, i, k), message: `${elementName(t.id(i), k)} is required ${why}.` });
}

/**
 * Two elements that are sent together (a qualifier and its value): either both or neither. When the
 * qualifier is not a valid one (`isQualifier`), element-code already says so and the pair is not judged.
 */
function pair(t: SegmentTable, i: number, a: number, b: number, out: Finding[], isQualifier?: (v: string) => boolean): void {
  // Emptiness from the offsets: the value itself is read only when a qualifier must be judged, and
  // the message is written only when it is needed (pairs are checked in every NM1).
  if (!empty(t, i, a)) {
    if (empty(t, i, b) && (!isQualifier || isQualifier(t.element(i, a)))) need(t, i, b, `with ${elementName(t.id(i), a)}`, out);
  } else if (!empty(t, i, b)) need(t, i, a, `with ${elementName(t.id(i), b)}`, out);
}

/**
 * True when `casRequired` has nothing to say: each triplet after the first has a reason and an amount,
 * or none of reason, amount and quantity. Offsets only, small enough to be inlined for every CAS.
 */
export function casOk(t: SegmentTable, i: number): boolean {
  const { segElem, elemRel: elemStart } = t;
  const base = segElem[i];
  const n = segElem[i + 1] - base;
  // Element k is filled when it ends (one before element k + 1 starts, or at the segment's end) past its
  // start; all counted from the segment's start.
  const last = t.segEnd[i] - t.segStart[i] + 1;
  for (let k = 5; k <= 17 && k < n; k += 3) {
    const reason = (k + 1 < n ? elemStart[base + k + 1] : last) - 1 > elemStart[base + k];
    const amount = k + 1 < n && (k + 2 < n ? elemStart[base + k + 2] : last) - 1 > elemStart[base + k + 1];
    if (reason !== amount) return false;
    if (!reason && k + 2 < n && (k + 3 < n ? elemStart[base + k + 3] : last) - 1 > elemStart[base + k + 2]) return false;
  }
  return true;
}

/** Each CAS triplet after the first: a reason needs its amount; an amount or quantity needs its reason. */
export function casRequired(t: SegmentTable, i: number, out: Finding[]): void {
  const n = t.elementCount(i);
  for (let k = 5; k <= 17 && k < n; k += 3) {
    const reason = !empty(t, i, k);
    const amount = !empty(t, i, k + 1);
    if (reason && amount) continue;
    const quantity = !empty(t, i, k + 2);
    if (reason && !amount)
      need(t, i, k + 1, `with reason ${elementName('CAS', k)} "${t.element(i, k)}": every adjustment reason has an amount`, out);
    else if (!reason && (amount || quantity))
      need(
        t,
        i,
        k,
        `with the ${amount ? 'amount' : 'quantity'} in ${elementName('CAS', amount ? k + 1 : k + 2)}: which reason is it?`,
        out,
      );
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

const TT = valueOf('TT');
const PR = valueOf('PR');
const QC = valueOf('QC');
const IL = valueOf('IL');
const N82 = valueOf('82');
const ENTITY_PERSON = valueOf('2');

/** NM1's name and id, required for some roles; its id qualifier and id as a pair otherwise. */
export function nm1Required(t: SegmentTable, i: number, out: Finding[]): void {
  // The role (NM101) is read as a number; its string is made only for a message.
  const role = shortValue(t, i, 1);
  if (role === TT || role === PR) {
    if (empty(t, i, 3))
      need(
        t,
        i,
        3,
        `for ${role === TT ? 'a crossover carrier' : 'a corrected priority payer'} (NM1*${role === TT ? 'TT' : 'PR'}): its name`,
        out,
      );
  } else if (role === QC && shortValue(t, i, 2) !== ENTITY_PERSON) need(t, i, 3, 'for the patient (NM1*QC): the last name', out);
  if (role === IL || role === N82 || role === TT || role === PR) {
    if (empty(t, i, 8) || empty(t, i, 9)) {
      const name = t.element(i, 1);
      need(t, i, 8, `for NM1*${name}: the id qualifier`, out);
      need(t, i, 9, `for NM1*${name}: the id`, out);
    }
  } else pair(t, i, 8, 9, out);
}

function n1(t: SegmentTable, i: number, loop: Loop, out: Finding[]): void {
  if (loop === Loop.Payee) {
    need(t, i, 3, 'for the payee (N1*PE): XX (NPI), FI (tax id) or XV', out);
    need(t, i, 4, 'for the payee (N1*PE): its id', out);
  } else pair(t, i, 3, 4, out);
}
