import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import { claimsNear } from '../../x835/lookup';
import type { Adjustment, Claim, Model } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { Why } from '../../x835/verdicts';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts } from '../engine/claimPass';
import { ADJUSTMENTS_PER_STEP, inSteps, steppedRule } from '../engine/shared';

/**
 * A sequestration reason in a reversal (CLP02 22) whose original was not the expected Medicare cut:
 * taken off the rate, while suspended, by a payer with no law behind it, twice, or under the wrong group.
 * The reversal takes the whole original payment back, this amount included: it is the undoing (or the
 * refund) of what the original got wrong, never a request for negative money. Information, never work.
 * When the correction that follows is in the file, the net effect of the two is said.
 */
export const co253ReversalRule = steppedRule('co253-reversal', function* (ctx) {
  const { reversalRows, reversalUndoes } = yield* sequestrationFacts(ctx);
  const model = ctx.model;
  const out: Finding[] = [];
  yield* inSteps(reversalRows.length, ADJUSTMENTS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) report(model, model.store.cas.at(reversalRows[i]), reversalUndoes[i], out);
  });
  return out;
});

const UNDOES: Partial<Record<Why, string>> = {
  [Why.Amount]: 'taken off the rate in force',
  [Why.Suspended]: 'taken when no sequestration was in force',
  [Why.NonMedicare]: 'taken by a payer that is not Medicare fee-for-service',
  [Why.Group]: 'reported under the wrong group',
  [Why.Duplicate]: 'taken at claim level and again on the lines',
  [Why.UnknownRate]: 'taken at a rate the table does not know',
};

function report(model: Model, adj: Adjustment, undoes: number, out: Finding[]): void {
  const t: SegmentTable = model.tokens;
  const code = `${adj.group.trim().toUpperCase()}-${adj.reason.trim()}`;
  const what = UNDOES[undoes as Why] ?? 'of the original payment';
  const claim = adj.claim;
  const range = tripletRange(t, adj);
  out.push({
    code: 'co253-reversal',
    start: range.start,
    end: range.end,
    message: `Reverses the ${code} of ${formatCents(-adj.amount)} of claim ${claim.id || '(no CLP01)'}'s original payment (${what}): the payer takes the whole payment back, this amount included. Nothing to claim: if you asked for it, this is its undoing.${netEffect(model, claim, adj)}`,
  });
}

/** " Corrected by claim X (CO-253 1.60): net effect +0.00." when the correction follows in the file; else ''. */
function netEffect(model: Model, reversal: Claim, adj: Adjustment): string {
  const correction = claimsNear(model, reversal, 50).find(
    (c) => c.seg > reversal.seg && c.status.trim() !== '22' && sameClaim(c, reversal),
  );
  if (!correction) return '';
  const reversed = sumOf(reversal, adj);
  const again = sumOf(correction, adj);
  const net = reversed + again;
  return ` Corrected by claim ${correction.id || '(no CLP01)'} later in this file (${adj.group.trim().toUpperCase()}-${adj.reason.trim()} ${formatCents(again)}): net effect ${net > 0 ? '+' : ''}${formatCents(net)}.`;
}

const sameClaim = (a: Claim, b: Claim) =>
  (b.id !== '' && a.id === b.id) || (b.payerControlNumber !== '' && a.payerControlNumber === b.payerControlNumber);

/** The claim's triplets (claim and line level) with `adj`'s reason, added up. */
function sumOf(claim: Claim, adj: Adjustment): number {
  const reason = adj.reason.trim();
  let sum = 0;
  for (const a of claim.adjustments) if (a.reason.trim() === reason && Number.isFinite(a.amount)) sum += a.amount;
  for (const l of claim.lines) for (const a of l.adjustments) if (a.reason.trim() === reason && Number.isFinite(a.amount)) sum += a.amount;
  return sum;
}
