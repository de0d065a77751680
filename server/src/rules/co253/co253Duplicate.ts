import type { Finding } from '../../x12/finding';
import type { SegmentTable } from '../../x12/tokenizer';
import type { ModelStore } from '../../x835/records';
import type { Adjustment } from '../../x835/types';
import { formatCents } from '../../x835/values';
import { codeFlags, CodeFlag, firstOfItsKindReported } from '../engine/casRows';
import { verdictNote, verdictSeverity } from './co253Common';
import { tripletRange } from '../../x835/tripletRange';
import { sequestrationFacts, verdictsOf } from '../engine/claimPass';
import type { Verdicts } from '../../x835/verdicts';
import { MAX_RELATED, relatedAt } from '../engine/ranges';
import { CLAIMS_PER_STEP, inSteps, steppedRule } from '../engine/shared';

/**
 * Sequestration taken at claim level and again on service lines of the same claim. Medicare reports it
 * once: on the lines (Part B, DME, outpatient) or on the claim (Part A inpatient). Reported on each
 * claim-level CO-253 of a Medicare fee-for-service claim whose lines carry CO-253 too (the claim pass
 * judges the claim-level amount recoverable), with the line-level ones as related locations. On other
 * payers the whole cut is recoverable already (co253-non-medicare).
 */
export const co253DuplicateRule = steppedRule('co253-duplicate', function* (ctx) {
  const { tokens: t, store } = ctx.model;
  const out: Finding[] = [];
  // The claim-level CO-253s the claim pass judged taken twice (Part A: few), then their claims' line-level ones.
  const { duplicateRows } = yield* sequestrationFacts(ctx);
  if (!duplicateRows.length) return out;
  const verdicts = yield* verdictsOf(ctx);
  const flags = codeFlags(store);
  yield* inSteps(duplicateRows.length, CLAIMS_PER_STEP, (from, to) => {
    for (let i = from; i < to; i++) {
      const row = duplicateRows[i];
      const lines = lineLevelCo(store, flags, store.cas.claim[row]);
      if (lines.length) report(t, store.cas.at(row), lines, verdicts, row, out);
    }
  });
  return out;
});

/** The line-level CO-253s worth a word (as the co253 pass judges them) of claim row `claim`, in document order. */
function lineLevelCo(store: ModelStore, flags: Uint8Array, claim: number): readonly Adjustment[] {
  const { cas, lines } = store;
  let found: Adjustment[] | undefined;
  for (let line = store.claims.lineFrom[claim]; line < store.claims.lineTo[claim]; line++) {
    const from = lines.casFrom[line];
    const to = lines.casTo[line];
    for (let r = from; r < to; r++) {
      if (cas.amount[r] === 0 || !(flags[cas.reason[r]] & CodeFlag.Reason253) || !(flags[cas.group[r]] & CodeFlag.GroupCo)) continue;
      if (firstOfItsKindReported(cas, r, from, to) !== undefined) (found ??= []).push(cas.at(r));
    }
  }
  return found ?? NONE;
}

const NONE: readonly Adjustment[] = [];

function report(
  t: SegmentTable,
  claimLevel: Adjustment,
  lines: readonly Adjustment[],
  verdicts: Verdicts,
  row: number,
  out: Finding[],
): void {
  const lineTotal = lines.reduce((s, a) => s + a.amount, 0);
  out.push({
    code: 'co253-duplicate',
    ...tripletRange(t, claimLevel),
    message: `Sequestration taken twice on claim ${claimLevel.claim.id}: ${formatCents(claimLevel.amount)} at claim level and ${formatCents(lineTotal)} on ${lines.length} service line${lines.length > 1 ? 's' : ''}. It belongs at one level only: ask the payer to reprocess and refund the double cut.${verdictNote(verdicts, row)}`,
    severity: verdictSeverity(verdicts, row),
    related: lines.slice(0, MAX_RELATED).map((a) => relatedAt(tripletRange(t, a), `line-level CO-253 of ${formatCents(a.amount)}`)),
  });
}
