import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import { shortLabel } from '../codes/types';
import type { Settings } from '../settings';
import { elementDef } from '../x835/dictionary';
import { tripletsOf } from '../x835/lookup';
import { formatCents } from '../x835/values';
import { codeListById } from './codeLookup';
import { DEFAULT_VIEW_LIMITS, MAX_ITEMS, Visible, type ViewLimits } from './visible';

/**
 * Elements whose code deserves a label after it: the ones an analyst reads to understand the money.
 * Keyed by segment id, the element positions to label.
 */
const LABELLED: Readonly<Record<string, readonly number[]>> = {
  BPR: [1, 4],
  CLP: [2, 6],
  CAS: [1, 2, 5, 8, 11, 14, 17],
  DTM: [1],
  REF: [1],
  AMT: [1],
  QTY: [1],
  LQ: [2],
  MOA: [3, 4, 5, 6, 7],
  MIA: [5, 20, 21, 22, 23, 24],
  N1: [1],
  NM1: [1],
  PLB: [3, 5, 7, 9, 11, 13],
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An inlay hint before the per-line fitting: `rank` 0 for code labels, 1 for element names, 2 for CAS groups. */
interface Candidate {
  readonly offset: number;
  readonly line: number;
  readonly rank: number;
  readonly hint: InlayHint;
}

/**
 * Inlay hints for the visible range: short labels after codes (`253 › sequestration`, `45 › fee
 * schedule`, `MB › Medicare Part B`) and, when `era835.inlayHints.elementNames` is on, element
 * positions (`CLP04`) before values. Only what VS Code shows: the rendered part of each line (see
 * Visible), and per line only whole labels that fit `editor.inlayHints.maximumLength` together.
 */
export function inlayHints(a: Analysis, range: Range, settings: Settings, limits: ViewLimits = DEFAULT_VIEW_LIMITS): InlayHint[] {
  if (!settings.inlayHints.enabled && !settings.inlayHints.elementNames) return [];
  const t = a.tokens;
  const view = new Visible(a, range, limits);
  const hints: InlayHint[] = [];
  let line: Candidate[] = [];
  const add = (offset: number, rank: number, hint: Omit<InlayHint, 'position'>) => {
    if (!view.shows(offset)) return;
    const position = a.lines.positionAt(offset);
    if (line.length && line[0].line !== position.line) {
      hints.push(...fitLine(line, limits.inlayChars));
      line = [];
    }
    line.push({ offset, line: position.line, rank, hint: { ...hint, position } });
  };
  for (const i of view.segments()) {
    if (hints.length >= MAX_ITEMS.inlayHints) break;
    const id = t.id(i);
    const n = t.elementCount(i);
    if (settings.inlayHints.elementNames) {
      for (let k = 1; k < n; k++) {
        if (t.elementEndOffset(i, k) === t.elementStartOffset(i, k)) continue;
        add(t.elementStartOffset(i, k), 1, { label: `${id}${pad2(k)}:`, kind: InlayHintKind.Parameter, paddingRight: false });
      }
    }
    if (!settings.inlayHints.enabled) continue;
    for (const k of LABELLED[id] ?? []) {
      if (k >= n) break;
      if (!view.shows(t.elementEndOffset(i, k))) continue;
      const label = labelFor(a, i, id, k);
      if (label)
        add(t.elementEndOffset(i, k), id === 'CAS' && k === 1 ? 2 : 0, {
          label: ` › ${label}`,
          kind: InlayHintKind.Type,
          paddingLeft: false,
        });
    }
  }
  hints.push(...fitLine(line, limits.inlayChars));
  return hints.slice(0, MAX_ITEMS.inlayHints);
}

/**
 * The hints of one line that VS Code shows whole: it adds up their labels in line order and cuts the
 * one that passes `maxChars` ("253 › sequestrati…"), dropping the rest. So: code labels from the start of
 * the line while they fit (a prefix, so no label is missing between two shown ones), then element names
 * and CAS group labels (a reason says more than its group) before the first code label that did not fit.
 */
function fitLine(line: readonly Candidate[], maxChars: number): InlayHint[] {
  const chosen: Candidate[] = [];
  let used = 0;
  let cut = Infinity;
  for (const rank of [0, 1, 2]) {
    for (const c of line) {
      if (c.rank !== rank || c.offset >= cut) continue;
      const length = labelLength(c.hint);
      if (used + length <= maxChars) {
        chosen.push(c);
        used += length;
      } else if (rank === 0) {
        cut = c.offset;
      }
    }
  }
  return chosen.sort((x, y) => x.offset - y.offset).map((c) => c.hint);
}

/** The characters VS Code counts for a label (the text of all its parts). */
function labelLength(h: InlayHint): number {
  return typeof h.label === 'string' ? h.label.length : h.label.reduce((n, p) => n + p.value.length, 0);
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
