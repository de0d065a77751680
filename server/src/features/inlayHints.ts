import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { shortLabel } from '../codes/types';
import type { Settings } from '../settings';
import { elementDef } from '../x835/dictionary';
import { tripletsOf } from '../x835/lookup';
import { formatCents } from '../x835/values';
import { codeListById } from './codeLookup';

/**
 * Elements whose code deserves a label after it: the ones an analyst reads to understand the money.
 * Keyed by segment id, the element positions to label.
 */
const LABELLED: Readonly<Record<string, readonly number[]>> = {
  BPR: [1, 4], CLP: [2, 6], CAS: [1, 2, 5, 8, 11, 14, 17], DTM: [1], REF: [1], AMT: [1], QTY: [1],
  LQ: [2], MOA: [3, 4, 5, 6, 7], MIA: [5, 20, 21, 22, 23, 24], N1: [1], NM1: [1], PLB: [3, 5, 7, 9, 11, 13],
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Inlay hints for the visible range: short labels after codes (`253 › sequestration`, `45 › fee
 * schedule`, `MB › Medicare Part B`) and, when `era835.inlayHints.elementNames` is on, element
 * positions (`CLP04`) before values.
 */
export function inlayHints(a: Analysis, range: Range, settings: Settings): InlayHint[] {
  if (!settings.inlayHints.enabled && !settings.inlayHints.elementNames) return [];
  const t = a.tokens;
  const hints: InlayHint[] = [];
  const first = Math.max(0, t.segmentAt(a.lines.offsetAt(range.start)));
  const last = t.segmentAt(a.lines.offsetAt(range.end));
  for (let i = first; i <= last; i++) {
    const id = t.id(i);
    const n = t.elementCount(i);
    if (settings.inlayHints.elementNames) {
      for (let k = 1; k < n; k++) {
        if (t.elementEndOffset(i, k) === t.elementStartOffset(i, k)) continue;
        hints.push({ position: a.lines.positionAt(t.elementStartOffset(i, k)), label: `${id}${pad2(k)}:`, kind: InlayHintKind.Parameter, paddingRight: false });
      }
    }
    if (!settings.inlayHints.enabled) continue;
    for (const k of LABELLED[id] ?? []) {
      if (k >= n) break;
      const label = labelFor(a, i, id, k);
      if (label) hints.push({ position: a.lines.positionAt(t.elementEndOffset(i, k)), label: ` › ${label}`, kind: InlayHintKind.Type, paddingLeft: false });
    }
  }
  return hints;
}

function labelFor(a: Analysis, seg: number, id: string, k: number): string | undefined {
  const t = a.tokens;
  const value = id === 'PLB' ? t.components(seg, k)[0] : t.element(seg, k);
  if (!value) return undefined;
  if (id === 'CAS' && k >= 2) {
    // A reason: its verdict decides the label when it is sequestration or money to recover; else the
    // code's own short label.
    const adj = tripletsOf(a.model, seg).find((x) => x.reasonElem === k);
    const row = adj ? a.model.cas.rowOf(adj.seg, adj.triplet) : -1;
    if (row >= 0) {
      const v = a.verdicts;
      if (v.isActionable(row) && v.recoverable[row] > 0) return `${formatCents(v.recoverable[row])} to recover`;
      if (v.classOf(row) === 'sequestration') return 'sequestration';
    }
  }
  const def = elementDef(id, k);
  const listId = id === 'PLB' ? 'plbReason' : id === 'LQ' && t.element(seg, 1) !== 'HE' ? undefined : def?.codeList;
  const info = codeListById(listId)?.entries.get(value);
  return info ? shortLabel(info) : undefined;
}
