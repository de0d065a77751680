import type { Position, Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { claimAt, firstAfter } from '../x835/lookup';
import { LOOP_LABELS, type Loop } from '../x835/types';

/** Where the cursor is, for the status bar: `2110 › CAS02`. */
export interface Location835 {
  /** `2110 › CAS02` (loop id, then segment or element position). */
  readonly path: string;
  readonly loop: string;
  readonly loopName: string;
  readonly segment: string;
  /** `CAS02`, or '' on the segment id. */
  readonly element: string;
  /** CLP01 of the claim around the cursor, if any. */
  readonly claimId?: string;
  /** 0-based index of the segment in the document (stable across formatting). */
  readonly segmentIndex: number;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function segmentAtPosition(a: Analysis, position: Position): number {
  const t = a.tokens;
  const offset = a.lines.offsetAt(position);
  return t.segmentAt(offset);
}

export function whereAmI(a: Analysis, position: Position): Location835 | null {
  const t = a.tokens;
  const seg = segmentAtPosition(a, position);
  if (seg < 0) return null;
  const offset = Math.min(a.lines.offsetAt(position), t.segEnd[seg]);
  const k = t.elementAt(seg, offset);
  const id = t.id(seg);
  const label = LOOP_LABELS[a.model.segLoop[seg] as Loop];
  const element = k > 0 ? `${id}${pad2(k)}` : '';
  return {
    path: `${label.id ? label.id + ' › ' : ''}${element || id}`,
    loop: label.id,
    loopName: label.name,
    segment: id,
    element,
    claimId: claimAt(a.model, seg)?.id,
    segmentIndex: seg,
  };
}

/** The range of segment `index` (for jumping between the original and the one-segment-per-line view). */
export function segmentRange(a: Analysis, index: number): Range | null {
  const t = a.tokens;
  if (index < 0 || index >= t.count) return null;
  return { start: a.lines.positionAt(t.segStart[index]), end: a.lines.positionAt(t.segEnd[index]) };
}

export type NavigationTarget = 'nextClaim' | 'previousClaim' | 'nextActionable' | 'previousActionable';

/** The range to reveal for a "go to" command, or null when there is nothing further that way. */
export function navigate(a: Analysis, position: Position, target: NavigationTarget, _settings: Settings): Range | null {
  const t = a.tokens;
  const m = a.model;
  const offset = a.lines.offsetAt(position);
  let seg = t.segmentAt(offset);
  const range = (start: number, end: number) => ({ start: a.lines.positionAt(start), end: a.lines.positionAt(end) });
  switch (target) {
    case 'nextClaim': {
      const c = m.claims[firstAfter(m.claims, seg)];
      return c ? range(t.segStart[c.seg], t.segEnd[c.seg]) : null;
    }
    case 'previousClaim': {
      // Inside a claim's body, "previous" first goes back to that claim's own CLP.
      const current = claimAt(m, seg);
      const i = firstAfter(m.claims, current && current.seg < seg ? current.seg : seg - 1) - 1;
      const c = m.claims[i];
      return c ? range(t.segStart[c.seg], t.segEnd[c.seg]) : null;
    }
    case 'nextActionable':
    case 'previousActionable': {
      const forward = target === 'nextActionable';
      const cas = m.cas;
      if (seg < 0) seg = -1;
      // Within the same CAS segment, move by triplet: compare (seg, reason element) to the cursor.
      const k = seg >= 0 ? t.elementAt(seg, offset) : 0;
      const after = (x: { seg: number; reasonElem: number }) => x.seg > seg || (x.seg === seg && x.reasonElem > k);
      const before = (x: { seg: number; reasonElem: number }) => x.seg < seg || (x.seg === seg && x.reasonElem + 1 < k);
      let i = forward ? cas.firstAfter(seg - 1) : cas.firstAfter(seg) - 1;
      // The targets are the triplets whose verdict is work (x835/verdicts.ts): the worklist, in file order.
      const verdicts = a.verdicts;
      for (; i >= 0 && i < cas.length; i += forward ? 1 : -1) {
        if (!verdicts.isActionable(i)) continue;
        const adj = cas.at(i);
        if (forward ? after(adj) : before(adj)) {
          return range(
            t.elementStartOffset(adj.seg, adj.reasonElem - (adj.triplet === 0 ? 1 : 0)),
            t.elementEndOffset(adj.seg, adj.reasonElem + 1),
          );
        }
      }
      return null;
    }
  }
}
