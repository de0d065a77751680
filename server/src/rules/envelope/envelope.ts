import type { Finding, FindingFix } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Interchange, Transaction } from '../../x835/types';
import { elementRange, relatedAt, segmentIdRange, segmentRange } from '../engine/ranges';
import { eachInSteps, ENVELOPES_PER_STEP, steppedRule } from '../engine/shared';

/**
 * The envelope's own bookkeeping: SE01 counts the segments of its transaction, GE01 the transactions
 * of its group, IEA01 the groups of its interchange; every trailer repeats its header's control number;
 * and every header has its trailer. Applies to every transaction set, 835 or not (the envelope is X12's).
 */
export const envelopeRule = steppedRule('envelope', function* ({ model }) {
  const t = model.tokens;
  const out: Finding[] = [];
  const interchanges = model.interchanges;
  yield* eachInSteps(interchanges, ENVELOPES_PER_STEP, (ic) => checkInterchange(t, ic, out));
  // Transactions are checked from the flat list so that ones outside any group (a pasted ST..SE) count too.
  const transactions = model.transactions;
  yield* eachInSteps(transactions, ENVELOPES_PER_STEP, (tx) => checkTransaction(t, tx, out));
  return out;
});

function checkInterchange(t: SegmentTable, ic: Interchange, out: Finding[]): void {
  for (const g of ic.groups) checkGroup(t, g.seg, g.geSeg, g.transactions.length, out);
  if (ic.ieaSeg === undefined) {
    out.push(
      missing(
        t,
        ic.seg,
        `This interchange (ISA13 ${ic.controlNumber || '(empty)'}) has no IEA trailer: the file may be truncated or two files were joined.`,
      ),
    );
    return;
  }
  checkCount(t, ic.ieaSeg, ic.seg, ic.groups.length, 'IEA01', 'functional group(s) (GS)', 'interchange', out);
  checkControl(t, ic.ieaSeg, 2, ic.seg, 13, 'IEA02', 'ISA13', true, out);
}

function checkTransaction(t: SegmentTable, tx: Transaction, out: Finding[]): void {
  if (tx.seSeg === undefined) {
    const f = missing(
      t,
      tx.seg,
      `This transaction set (ST02 ${tx.controlNumber || '(empty)'}) has no SE trailer: ${t.count > tx.lastSeg + 1 ? `a ${t.id(tx.lastSeg + 1)} follows its last segment` : 'the file ends inside it (truncated?)'}.`,
    );
    out.push({ ...f, related: [relatedAt(segmentRange(t, tx.lastSeg), 'the transaction set ends here')] });
    return;
  }
  const counted = tx.seSeg - tx.seg + 1;
  const se01 = t.element(tx.seSeg, 1);
  if (!sameNumber(se01, String(counted))) {
    const said =
      se01 === '' ? 'SE01 is empty' : /^\d+$/.test(se01) ? `SE01 says ${Number(se01)} segments` : `SE01 "${se01}" is not a count`;
    out.push({
      code: 'se-count',
      ...elementRange(t, tx.seSeg, 1),
      message: `${said}, but this transaction set holds ${counted} (counting from ST to SE, both included).`,
      fix: setElement(t, tx.seSeg, 1, String(counted), `Set SE01 to ${counted} (the segments counted)`),
      related: [relatedAt(segmentIdRange(t, tx.seg), `the transaction set starts here (ST02 ${tx.controlNumber})`)],
    });
  }
  checkControl(t, tx.seSeg, 2, tx.seg, 2, 'SE02', 'ST02', false, out);
}

function checkGroup(t: SegmentTable, gs: number, ge: number | undefined, transactions: number, out: Finding[]): void {
  if (ge === undefined) {
    out.push(missing(t, gs, `This functional group (GS06 ${t.element(gs, 6) || '(empty)'}) has no GE trailer.`));
    return;
  }
  checkCount(t, ge, gs, transactions, 'GE01', 'transaction set(s) (ST)', 'group', out);
  checkControl(t, ge, 2, gs, 6, 'GE02', 'GS06', true, out);
}

/** A header without its trailer: reported on the header, the only place that exists. */
function missing(t: SegmentTable, opener: number, message: string): Finding {
  return { code: 'segment-missing', ...segmentIdRange(t, opener), message };
}

function checkCount(
  t: SegmentTable,
  trailer: number,
  opener: number,
  counted: number,
  name: string,
  what: string,
  container: string,
  out: Finding[],
): void {
  const said = t.element(trailer, 1);
  if (sameNumber(said, String(counted))) return;
  const head = said === '' ? `${name} is empty` : /^\d+$/.test(said) ? `${name} says ${Number(said)}` : `${name} "${said}" is not a count`;
  out.push({
    code: 'envelope-count',
    ...elementRange(t, trailer, 1),
    message: `${head}, but this ${container} holds ${counted} ${what}.`,
    fix: setElement(t, trailer, 1, String(counted), `Set ${name} to ${counted}, the count in this ${container}`),
    related: [relatedAt(segmentIdRange(t, opener), `the ${container} starts here`)],
  });
}

/** Control numbers must be the same; numeric ones (GS06, ISA13) are compared as numbers. */
function checkControl(
  t: SegmentTable,
  trailer: number,
  k: number,
  opener: number,
  openerK: number,
  name: string,
  openerName: string,
  numeric: boolean,
  out: Finding[],
): void {
  const closing = t.element(trailer, k);
  const opening = t.element(opener, openerK);
  if (closing === opening || (numeric && sameNumber(closing, opening))) return;
  out.push({
    code: 'control-number-mismatch',
    ...elementRange(t, trailer, k),
    fix:
      opening === ''
        ? undefined
        : setElement(t, trailer, k, opening, `Set ${name} to "${opening}" (${openerName}, the header's control number)`),
    message: `${name} "${closing}" does not match ${openerName} "${opening}": a trailer repeats its header's control number (a mismatch usually means segments were lost or two envelopes were mixed).`,
    related: [relatedAt(elementRange(t, opener, openerK), `${openerName} is "${opening}" here`)],
  });
}

/**
 * The edit that writes `value` as element k of a segment: its characters replaced when it is present
 * (even empty); when the segment stops before it, the missing separators and the value are inserted at
 * its end. The segment terminator and every other byte stay.
 */
function setElement(t: SegmentTable, seg: number, k: number, value: string, title: string): FindingFix {
  const n = t.elementCount(seg);
  if (k < n) return { title, start: t.elementStartOffset(seg, k), end: t.elementEndOffset(seg, k), newText: value };
  const at = t.segEnd[seg];
  return { title, start: at, end: at, newText: t.delimitersOf(seg).element.repeat(k - n + 1) + value };
}

function sameNumber(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  return /^\d+$/.test(x) && /^\d+$/.test(y) && Number(x) === Number(y);
}
