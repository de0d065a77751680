import type { Settings } from '../settings';
import type { Finding } from '../x12/finding';
import { codeFlags } from '../rules/engine/casRows';
import { addPaid, ClaimPass, claimPassOver, type ClaimPassFacts } from '../rules/engine/claimPass';
import { reversalPairs, type ReversalPairs } from '../rules/engine/reversalPairs';
import type { Model } from '../x835/types';
import { spliceByKey, spliceFindings } from './splice';

/** The claims an edit re-read, and where its text was: what the kept claim pass needs to take it in. */
export interface ClaimEdit {
  /** Claim rows first..last were read again (same rows, one transaction). */
  readonly first: number;
  readonly last: number;
  /** Their text was [oldFrom, oldTo) before the edit; everything after it moved by `delta`. */
  readonly oldFrom: number;
  readonly oldTo: number;
  readonly delta: number;
}

/**
 * The claim pass of the edited file made from the kept pass of the file before the edit (its per-claim
 * parts), walking again only the edited claims and the claims whose reversal pairing the edit changed:
 * each list (balance findings, the worklist, the co253 lists, the expected sequestration findings) has
 * their share replaced, every finding after the edit moved once; their verdicts are written again in the
 * kept columns; the transaction totals of their transactions are added up again from the claims' CLP04
 * column; the file-wide counts behind the unknown-rate answer take their old share out and their new share
 * in. Updates `kept` in place and returns it; undefined when it cannot (the kept pass failed somewhere, or
 * the file had an unknown rate, whose verdicts the per-claim parts do not keep): then walk every claim.
 * The rows must be the same as before the edit (one claim row per claim row, as reanalyse.ts ensures).
 */
export function spliceClaimPass(kept: ClaimPassFacts, model: Model, settings: Settings, edit: ClaimEdit): ClaimPass | undefined {
  if (!(kept instanceof ClaimPass)) return undefined;
  const seq = kept.sequestration;
  const failed = kept.failures;
  if (failed.balance !== undefined || failed.sequestration !== undefined || failed.actionable !== undefined) return undefined;
  const store = model.store;
  const claims = store.claims;
  const perClaim = seq.perClaim;
  if (seq.unknownRate || !perClaim || perClaim.inForce.length !== claims.length) return undefined;
  if (kept.verdicts.length !== store.cas.length || kept.transactionPaid.length !== model.transactions.length) return undefined;

  const reversals = reversalPairs(model.tokens, store, codeFlags(store));
  // The edited claims first (their lists are spliced by the old offsets, moving everything after them),
  // then each claim whose pairing changed, by the new offsets.
  const runs: [number, number][] = [[edit.first, edit.last + 1]];
  for (const c of pairingChanged(kept.reversals, reversals)) if (c < edit.first || c > edit.last) runs.push([c, c + 1]);
  const txs = new Set<number>();
  const t = model.tokens;
  for (let k = 0; k < runs.length; k++) {
    const [a, b] = runs[k];
    const casLo = casStart(model, a);
    const casHi = casStart(model, b);
    clearVerdicts(kept, casLo, casHi);
    for (let c = a; c < b; c++) {
      seq.inForceCount -= perClaim.inForce[c];
      seq.withinToleranceCount -= perClaim.within[c];
      perClaim.inForce[c] = 0;
      perClaim.within[c] = 0;
      txs.add(claims.tx[c]);
    }
    const part = claimPassOver(model, settings, a, b, { verdicts: kept.verdicts, reversals, perClaim });
    const f = part.failures;
    if (f.balance !== undefined || f.sequestration !== undefined || f.actionable !== undefined) return undefined;
    const ps = part.sequestration;
    seq.inForceCount += ps.inForceCount;
    seq.withinToleranceCount += ps.withinToleranceCount;

    const lastSeg = claims.lastSeg[b - 1] + 1;
    const from = k === 0 ? edit.oldFrom : t.segStart[claims.seg[a]];
    const to = k === 0 ? edit.oldTo : lastSeg < t.count ? t.segStart[lastSeg] : t.text.length;
    const delta = k === 0 ? edit.delta : 0;
    const lists: [Finding[], readonly Finding[]][] = [
      [kept.balance.serviceBalance, part.balance.serviceBalance],
      [kept.balance.claimBalance, part.balance.claimBalance],
      [kept.balance.patientResponsibility, part.balance.patientResponsibility],
      [kept.actionable, part.actionable],
      [seq.expected, ps.expected],
    ];
    for (const [list, items] of lists) spliceFindings(list, from, to, items, delta);

    const row = (r: number) => r;
    spliceByKey(seq.groupRows, row, casLo, casHi, ps.groupRows);
    spliceByKey(seq.nonMedicareRows, row, casLo, casHi, ps.nonMedicareRows);
    spliceByKey(seq.duplicateRows, row, casLo, casHi, ps.duplicateRows);
    spliceByKey(seq.deviating, (m) => m.row, casLo, casHi, ps.deviating);
    spliceByKey(seq.outOfPeriod, (m) => m.row, casLo, casHi, ps.outOfPeriod);
    // reversalUndoes runs beside reversalRows.
    const lo = firstAtLeast(seq.reversalRows, casLo);
    const hi = firstAtLeast(seq.reversalRows, casHi);
    seq.reversalRows.splice(lo, hi - lo, ...ps.reversalRows);
    seq.reversalUndoes.splice(lo, hi - lo, ...ps.reversalUndoes);
  }
  // CLP04 totals of the transactions whose claims were walked, added up again from the claims' column.
  for (const tx of txs) {
    kept.transactionPaid[tx] = 0;
    const [a, b] = claimsOfTransaction(model, tx);
    for (let c = a; c < b; c++) addPaid(model, c, kept.transactionPaid);
  }
  (kept as { reversals: ReversalPairs }).reversals = reversals;
  // The file had no unknown rate (checked above), so every kept verdict is the walk's: deciding it now
  // does what the end of a whole walk does.
  seq.decideUnknownRate();
  return kept;
}

/** Claims whose reversal pairing differs between `a` and `b` (originals and reversals both). */
function pairingChanged(a: ReversalPairs, b: ReversalPairs): number[] {
  const out = new Set<number>();
  for (const [o, r] of a.reversedBy) {
    if (b.reversedBy.get(o) !== r) out.add(o).add(r);
  }
  for (const [o, r] of b.reversedBy) {
    if (a.reversedBy.get(o) !== r) out.add(o).add(r);
  }
  return [...out].sort((x, y) => x - y);
}

/** The first CAS row of claim row `c` (rows in document order: a claim's own triplets, then its lines'); the end past the last claim. */
function casStart(model: Model, c: number): number {
  const s = model.store;
  return c < s.claims.length ? s.claims.casFrom[c] : s.cas.length;
}

/** Verdict rows lo..hi-1 as a new pass finds them before it walks. */
function clearVerdicts(pass: ClaimPass, lo: number, hi: number): void {
  const v = pass.verdicts;
  v.cls.fill(0, lo, hi);
  v.flags.fill(0, lo, hi);
  v.why.fill(0, lo, hi);
  v.recoverable.fill(0, lo, hi);
  v.expected.fill(NaN, lo, hi);
}

/** The claim rows of transaction `tx` (claims come in document order, so their transactions ascend). */
function claimsOfTransaction(model: Model, tx: number): [number, number] {
  const col = model.store.claims.tx;
  const n = model.store.claims.length;
  return [firstRowAtLeast(col, n, tx), firstRowAtLeast(col, n, tx + 1)];
}

function firstRowAtLeast(col: ArrayLike<number>, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (col[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstAtLeast(list: readonly number[], value: number): number {
  return firstRowAtLeast(list, list.length, value);
}
