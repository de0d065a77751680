import type { Analysis } from '../analysis';
import { ALL_RULES } from '../rules';
import { fullClaimPass, keptClaimPass, putClaimPass, type ClaimPassFacts } from '../rules/engine/claimPass';
import { elementFindingsIn, elementsRule } from '../rules/elements/elements';
import { repeatFindingsIn, repeatsRule } from '../rules/elements/repeats';
import { ruleContext } from '../rules/engine/shared';
import type { Settings } from '../settings';
import type { Finding } from '../x12/finding';
import { LineIndex } from '../x12/lineIndex';
import { lineStartsAfterEdit } from '../x12/lineStarts';
import { SegmentTable, Tokenizer } from '../x12/tokenizer';
import { rebuildClaims, rowCounts, type RowCounts } from '../x835/builder';
import { SegId, segIdOf } from '../x835/segmentIds';
import { Loop, type Model } from '../x835/types';
import { spliceClaimPass } from './claimPassSplice';
import type { EditRegion } from './region';
import { firstStartingAt, shiftFinding, spliceColumn, spliceFindings } from './splice';

/**
 * The analysis of an edited text from the analysis of the text before the edit, re-reading only the
 * claims the edit touched (DESIGN.md, Performance principles). Undefined when the edit reaches beyond
 * what this handles (an envelope, a transaction header, a PLB, a new or lost claim...): the caller then
 * analyses the whole text. The result equals `analyze(text, settings)` (the property test in
 * test/unit/incremental/ checks it after random edits); `prev` must not be used afterwards: its columns
 * are updated in place.
 *
 * How: the claims whose text the edit touched are tokenized again from the first one's CLP with the
 * interchange's delimiters, which must end exactly where the next claim (or LX, PLB, SE) starts, so the
 * rest of the text reads as before, only moved. Their model rows are written again in place; their
 * element and repeat findings replace the old ones in the kept lists; everything after them moves by the
 * change in length. The claim walk (balances, verdicts, worklist) runs again over every claim, since a
 * triplet's verdict may depend on other claims, and the rules run again on it.
 */
export function reanalyseClaims(
  prev: Analysis,
  region: EditRegion,
  text: string,
  settings: Settings,
  lineStarts?: Int32Array,
): Analysis | undefined {
  const parts = prev.parts;
  if (!parts || parts.settings !== settings) return undefined;
  const kept = keptClaimPass(parts.ctx);
  if (!kept) return undefined;
  const delta = region.newEnd - region.oldEnd;
  if (text.length !== prev.text.length + delta) return undefined;
  const unit = touchedClaims(prev, region, text);
  if (!unit) return undefined;
  const { first, last, s0, s1, table } = unit;
  const t = prev.tokens;
  const model = prev.model;
  const claims = model.store.claims;
  const txIndex = claims.tx[first];
  if (table.count !== s1 - s0) return undefined;
  for (let i = 0; i < table.count; i++) if (ENVELOPE[segIdOf(table, i)]) return undefined;
  const oldFrom = t.segStart[s0];
  const oldTo = t.segStart[s1];
  const rowsFrom = rowsAtClaim(model, first);
  const rowsTo = rowsAtClaim(model, last + 1);

  // From here on the old analysis is updated in place: any way out is a full analysis. Lists that
  // share their findings with `findings` (the table's, the model's, the claim pass's) are spliced
  // first, by the old offsets; the findings after the edit are moved once, through `findings`.
  const tokens = spliceTokens(t, text, s0, s1, table, oldFrom, oldTo, delta);
  (model as { tokens: SegmentTable }).tokens = tokens;
  (model.store as { tokens: SegmentTable }).tokens = tokens;
  const rebuilt = rebuildClaims(model, tokens, s0, s1, txIndex, rowsFrom, rowsTo);
  if (!sameRows(rebuilt.rows, rowsTo)) return undefined;
  for (let i = s0; i < s1; i++) {
    const loop = model.segLoop[i];
    if ((loop !== Loop.Claim && loop !== Loop.ServiceLine) || model.segIds[i] === SegId.BPR) return undefined;
  }
  (model as { findings: Finding[] }).findings = spliceFindings(model.findings, oldFrom, oldTo, rebuilt.findings, 0);

  // The claim pass (balances, verdicts, worklist) walks the edited claims again, and the claims whose
  // reversal pairing changed, and splices their share into the kept one (claimPassSplice.ts); when it
  // cannot (the file has an unknown rate...), it walks every claim.
  const facts = spliceClaimPass(kept, model, settings, { first, last, oldFrom, oldTo, delta }) ?? fullClaimPass(model, settings);
  if (hasFailure(facts)) return undefined;
  const ctx = ruleContext(model, settings);
  putClaimPass(ctx, facts);
  const replaced: Replacement[] = [
    { local: true, items: [] },
    { local: true, items: rebuilt.findings },
  ];
  for (const rule of ALL_RULES) {
    try {
      if (rule === elementsRule) replaced.push({ local: true, items: elementFindingsIn(ctx, s0, s1, txIndex) });
      else if (rule === repeatsRule) replaced.push({ local: true, items: repeatFindingsIn(model, s0, s1) });
      else replaced.push({ local: false, items: rule.check(ctx) });
    } catch {
      return undefined;
    }
  }
  const spliced = spliceParts(prev.findings, parts.partStarts, replaced, oldFrom, oldTo, delta);
  // The editor's document has the new line starts already (lineStarts); elsewhere they follow from the edit.
  const lines = new LineIndex(
    text,
    lineStarts ?? lineStartsAfterEdit(prev.lines.starts, prev.text, region.start, region.oldEnd, text.slice(region.start, region.newEnd)),
  );
  return {
    text,
    tokens,
    lines,
    model,
    findings: spliced.findings,
    verdicts: facts.verdicts,
    parts: { settings, ctx, partStarts: spliced.partStarts },
  };
}

/** The new findings of one source (the tokenizer, the model, a rule): of the edited claims (`local`), or all. */
interface Replacement {
  readonly local: boolean;
  readonly items: readonly Finding[];
}

/**
 * `findings` with each source's part replaced: a local one's findings in [oldFrom, oldTo) (the edited
 * claims) by its items and the ones after them moved by `delta`, another's whole part by its items.
 * In place when every part keeps its length (the usual keystroke), else in a new list.
 */
function spliceParts(
  findings: readonly Finding[],
  partStarts: readonly number[],
  replaced: readonly Replacement[],
  oldFrom: number,
  oldTo: number,
  delta: number,
): { findings: Finding[]; partStarts: number[] } {
  const blocks: { lo: number; hi: number }[] = [];
  let sameLength = true;
  for (let p = 0; p < replaced.length; p++) {
    const ps = partStarts[p];
    const pe = partStarts[p + 1];
    let lo = ps;
    let hi = pe;
    if (replaced[p].local) {
      lo = firstStartingAt(findings, oldFrom, ps, pe);
      hi = firstStartingAt(findings, oldTo, lo, pe);
      if (delta !== 0) for (let i = hi; i < pe; i++) shiftFinding(findings[i], oldTo, delta);
    }
    blocks.push({ lo, hi });
    if (replaced[p].items.length !== hi - lo) sameLength = false;
  }
  if (sameLength) {
    const out = findings as Finding[];
    for (let p = 0; p < replaced.length; p++) {
      const items = replaced[p].items;
      for (let i = 0; i < items.length; i++) out[blocks[p].lo + i] = items[i];
    }
    return { findings: out, partStarts: partStarts.slice() };
  }
  let total = 0;
  for (let p = 0; p < replaced.length; p++)
    total += partStarts[p + 1] - partStarts[p] - (blocks[p].hi - blocks[p].lo) + replaced[p].items.length;
  const out = new Array<Finding>(total);
  const starts: number[] = [];
  let n = 0;
  for (let p = 0; p < replaced.length; p++) {
    starts.push(n);
    const { lo, hi } = blocks[p];
    for (let i = partStarts[p]; i < lo; i++) out[n++] = findings[i];
    for (const f of replaced[p].items) out[n++] = f;
    for (let i = hi; i < partStarts[p + 1]; i++) out[n++] = findings[i];
  }
  starts.push(n);
  return { findings: out, partStarts: starts };
}

/** Segments that open or close an envelope: never part of a claim. */
const ENVELOPE: Readonly<Partial<Record<SegId, true>>> = {
  [SegId.ISA]: true,
  [SegId.GS]: true,
  [SegId.ST]: true,
  [SegId.SE]: true,
  [SegId.GE]: true,
  [SegId.IEA]: true,
  [SegId.TA1]: true,
};

interface Unit {
  /** Claim rows first..last (one transaction, back to back). */
  readonly first: number;
  readonly last: number;
  /** Their segments s0..s1-1 in the old table. */
  readonly s0: number;
  readonly s1: number;
  /** Their text in the edited one, tokenized. */
  readonly table: SegmentTable;
}

/** Claims read again past the touched ones when the edited text does not end where the next claim starts. */
const MAX_EXTRA_CLAIMS = 2;

/** The claims the edit touched, and their edited text tokenized; undefined when the edit is not inside claims. */
function touchedClaims(prev: Analysis, region: EditRegion, text: string): Unit | undefined {
  const t = prev.tokens;
  const model = prev.model;
  const claims = model.store.claims;
  const first = claimOf(model, t.segmentAt(region.start));
  let last = claimOf(model, t.segmentAt(Math.max(region.start, region.oldEnd - 1)));
  if (first < 0 || last < first) return undefined;
  for (let c = first + 1; c <= last; c++) if (!adjacent(model, c)) return undefined;
  const s0 = claims.seg[first];
  for (let extra = 0; extra <= MAX_EXTRA_CLAIMS; extra++) {
    const s1 = claims.lastSeg[last] + 1;
    if (s1 >= t.count) return undefined;
    for (let i = extra === 0 ? s0 : claims.seg[last]; i < s1; i++) {
      const loop = model.segLoop[i];
      if ((loop !== Loop.Claim && loop !== Loop.ServiceLine) || model.segIds[i] === SegId.BPR) return undefined;
    }
    const to = t.segStart[s1] + region.newEnd - region.oldEnd;
    const table = Tokenizer.range(text, t.segStart[s0], to, t.delimitersOf(s0));
    if (table && table.elemRel instanceof Int32Array === t.elemRel instanceof Int32Array) return { first, last, s0, s1, table };
    if (last + 1 >= claims.length || !adjacent(model, last + 1)) return undefined;
    last++;
  }
  return undefined;
}

/** True when claim row `c` starts right after claim row c - 1 ends, in the same transaction. */
function adjacent(model: Model, c: number): boolean {
  const claims = model.store.claims;
  return claims.seg[c] === claims.lastSeg[c - 1] + 1 && claims.tx[c] === claims.tx[c - 1];
}

/** The claim row whose segments include `seg`, or -1. */
function claimOf(model: Model, seg: number): number {
  if (seg < 0) return -1;
  const claims = model.store.claims;
  let lo = 0;
  let hi = claims.length - 1;
  if (hi < 0 || claims.seg[0] > seg) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (claims.seg[mid] <= seg) lo = mid;
    else hi = mid - 1;
  }
  return claims.lastSeg[lo] >= seg ? lo : -1;
}

/** The row counts when claim row `c` starts (the totals past the last claim): rows come in document order. */
function rowsAtClaim(model: Model, c: number): RowCounts {
  const s = model.store;
  if (c >= s.claims.length) return rowCounts(model);
  const line = s.claims.lineFrom[c];
  return {
    claims: c,
    lines: line,
    cas: s.claims.casFrom[c],
    claimRemarks: s.claims.remarkFrom[c],
    lineRemarks: line < s.lines.length ? s.lines.remarkFrom[line] : s.lineRemarks.length,
  };
}

function sameRows(a: RowCounts, b: RowCounts): boolean {
  return (
    a.claims === b.claims && a.lines === b.lines && a.cas === b.cas && a.claimRemarks === b.claimRemarks && a.lineRemarks === b.lineRemarks
  );
}

function hasFailure(facts: ClaimPassFacts): boolean {
  const f = facts.failures;
  return f.balance !== undefined || f.sequestration !== undefined || f.actionable !== undefined;
}

/** The old table with segments s0..s1-1 replaced by `part` (the edited claims), and the segments after them moved. */
function spliceTokens(
  t: SegmentTable,
  text: string,
  s0: number,
  s1: number,
  part: SegmentTable,
  oldFrom: number,
  oldTo: number,
  delta: number,
): SegmentTable {
  const firstElem = t.segElem[s0];
  // Read before the columns change (they are updated in place when their length stays).
  const endElem = t.segElem[s1];
  const elemDelta = part.elemRel.length - (endElem - firstElem);
  const segStart = spliceColumn(t.segStart, s0, s1, part.segStart, 0, delta);
  const segEnd = spliceColumn(t.segEnd, s0, s1, part.segEnd, 0, delta);
  // part.segElem has one entry past its last segment: the old table's entry for s1 follows instead.
  const segElem = spliceColumn(t.segElem, s0, s1, part.segElem.subarray(0, part.count), firstElem, elemDelta);
  const elemRel = spliceColumn(t.elemRel, firstElem, endElem, part.elemRel, 0, 0);
  // Its findings are moved with the others (`spliceParts`).
  const findings = spliceFindings(t.findings, oldFrom, oldTo, [], 0);
  return new SegmentTable(text, segStart, segEnd, segElem, elemRel, t.spans, findings);
}
