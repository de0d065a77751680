import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Group, Transaction } from '../../x835/types';
import { elementRange } from '../engine/ranges';
import { eachInSteps, ENVELOPES_PER_STEP, inSteps, steppedRule } from '../engine/shared';

/** The one implementation guide this product checks against. */
export const GUIDE_VERSION = '005010X221A1';

/**
 * Version and functional id of the envelope around each 835: GS01 must be HP (health care claim
 * payment), GS08 and ST03 must name 005010X221A1. Groups and transactions that are not 835s are left
 * alone (the builder already reports them as `not-835`).
 *
 * ST03 may be absent: the guide's own example 835 (`ST*835*1234~`) and every 5010 sample we have
 * leave it out, so only a present ST03 that names another version is reported.
 */
export const envelopeVersionRule = steppedRule('envelope-version', function* ({ model }) {
  const t = model.tokens;
  const out: Finding[] = [];
  const interchanges = model.interchanges;
  yield* inSteps(interchanges.length, ENVELOPES_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) for (const g of interchanges[i].groups) checkGroup(t, g, out);
  });
  const transactions = model.transactions;
  yield* eachInSteps(transactions, ENVELOPES_PER_STEP, (tx) => checkTransaction(t, tx, out));
  return out;
});

function checkGroup(t: SegmentTable, g: Group, out: Finding[]): void {
  if (!g.transactions.some((tx) => tx.setId === '835')) return;
  const gs01 = t.element(g.seg, 1);
  if (gs01 !== 'HP') {
    out.push({
      code: 'envelope-version',
      ...elementRange(t, g.seg, 1),
      message: `GS01 is ${gs01 ? `"${gs01}"` : 'empty'}; a group of 835s is a health care claim payment group, GS01 = HP.`,
    });
  }
  if (g.version !== GUIDE_VERSION)
    out.push({ code: 'envelope-version', ...elementRange(t, g.seg, 8), message: `GS08 ${describeVersion(g.version)}` });
}

function checkTransaction(t: SegmentTable, tx: Transaction, out: Finding[]): void {
  if (tx.setId !== '835' || tx.implementation === '' || tx.implementation === GUIDE_VERSION) return;
  // The same wrong version already reported on GS08 is not worth a second warning per transaction.
  if (tx.group && tx.group.version === tx.implementation) return;
  out.push({
    code: 'envelope-version',
    ...elementRange(t, tx.seg, 3),
    message: `ST03 ${describeVersion(tx.implementation)}${tx.group ? mismatch(t, tx.group.seg) : ''}`,
  });
}

function describeVersion(v: string): string {
  if (v === '') return `is empty; it should name the implementation guide, ${GUIDE_VERSION}.`;
  if (v === '005010X221')
    return `is 005010X221, the 835 guide before its 2008 errata; read as 5010, but ask the sender for ${GUIDE_VERSION} (some code lists and notes changed).`;
  if (v.startsWith('004010'))
    return `is ${v}, the retired 4010 version of the 835; the checks here follow 5010 (${GUIDE_VERSION}), so some findings may only be version differences.`;
  return `is "${v}", not ${GUIDE_VERSION}, the 835 guide these checks follow.`;
}

function mismatch(t: SegmentTable, gs: number): string {
  return ` It differs from GS08 "${t.element(gs, 8)}".`;
}
