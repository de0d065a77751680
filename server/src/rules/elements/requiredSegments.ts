import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { Transaction } from '../../x835/types';
import { segmentIdRange } from '../engine/ranges';
import { eachInSteps, ENVELOPES_PER_STEP, steppedRule } from '../engine/shared';

/**
 * The segments every 835 needs to be a remittance at all: the payment (BPR), the trace number that ties
 * it to the deposit (TRN), the payer (N1*PR) and the payee (N1*PE). One finding per transaction set,
 * naming all that are missing, on its ST. Envelope trailers are the envelope rule's business.
 */
export const requiredSegmentsRule = steppedRule('required-segments', function* ({ model }) {
  const t = model.tokens;
  const transactions = model.transactions;
  const out: Finding[] = [];
  yield* eachInSteps(transactions, ENVELOPES_PER_STEP, (tx) => checkTransaction(t, tx, out));
  return out;
});

function checkTransaction(t: SegmentTable, tx: Transaction, out: Finding[]): void {
  if (tx.setId !== '835') return;
  const absent: string[] = [];
  if (!tx.payment) absent.push('BPR (the payment)');
  if (!tx.trace) absent.push('TRN (the check or EFT trace number)');
  if (!tx.payer) absent.push('N1*PR (the payer, loop 1000A)');
  if (!tx.payee) absent.push('N1*PE (the payee, loop 1000B)');
  if (!absent.length) return;
  out.push({
    code: 'segment-missing',
    ...segmentIdRange(t, tx.seg),
    message: `This 835 (ST02 ${tx.controlNumber || '(empty)'}) has no ${list(absent)}; the guide requires ${absent.length === 1 ? 'it' : 'them'} in every remittance.`,
  });
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
