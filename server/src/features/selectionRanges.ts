import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { claimAt, interchangeIndexAt, interchangeLastSeg, lineAt, transactionAt } from '../x835/lookup';
import { componentAt, componentOffsets, offsetRange } from './segmentRanges';

/**
 * Expand selection, from the inside out: component (in a composite) > element > segment > service line
 * > claim > transaction > interchange. Each step is found by binary search, so this costs the same on
 * a 50 MB file as on a fragment.
 */
export function selectionRanges(a: Analysis, positions: readonly Position[], _settings: Settings): SelectionRange[] {
  return positions.map((p) => selectionAt(a, p));
}

function selectionAt(a: Analysis, position: Position): SelectionRange {
  const t = a.tokens;
  const offset = a.lines.offsetAt(position);
  const seg = t.segmentAt(offset);
  const steps: Array<{ start: number; end: number }> = [];
  if (seg >= 0 && offset <= t.segEnd[seg]) {
    const k = t.elementAt(seg, offset);
    const eStart = t.elementStartOffset(seg, k);
    const eEnd = t.elementEndOffset(seg, k);
    if (k > 0 && a.text.slice(eStart, eEnd).includes(t.delimitersOf(seg).component)) {
      const c = componentOffsets(a, seg, k, componentAt(a, seg, k, offset));
      if (c) steps.push(c);
    }
    steps.push({ start: eStart, end: eEnd });
  }
  if (seg >= 0) {
    const m = a.model;
    const span = (first: number, last: number) => ({ start: t.segStart[first], end: t.segEnd[Math.min(last, t.count - 1)] });
    steps.push(span(seg, seg));
    const claim = claimAt(m, seg);
    const line = claim && lineAt(claim, seg);
    if (line) steps.push(span(line.seg, line.lastSeg));
    if (claim) steps.push(span(claim.seg, claim.lastSeg));
    const tx = transactionAt(m, seg);
    if (tx) steps.push(span(tx.seg, tx.lastSeg));
    const ic = interchangeIndexAt(m, seg);
    if (ic >= 0) steps.push(span(m.interchanges[ic].seg, interchangeLastSeg(m, ic)));
  }
  // Each parent must strictly contain its child: drop repeats (a one-element segment, a one-segment claim).
  let parent: SelectionRange | undefined;
  let prev: { start: number; end: number } | undefined;
  const chain: Array<{ start: number; end: number }> = [];
  for (const step of steps) {
    // Broken structure (an ST before its ISA) can give a "parent" that does not hold the child: widen it.
    const s = prev ? { start: Math.min(step.start, prev.start), end: Math.max(step.end, prev.end) } : step;
    if (prev && s.start >= prev.start && s.end <= prev.end) continue;
    chain.push(s);
    prev = s;
  }
  for (let i = chain.length - 1; i >= 0; i--) parent = { range: offsetRange(a, chain[i].start, chain[i].end), parent };
  return parent ?? { range: emptyAt(position) };
}

const emptyAt = (p: Position): Range => ({ start: p, end: p });
