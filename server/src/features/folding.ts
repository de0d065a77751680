import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { interchangeLastSeg } from '../x835/lookup';
import { formatMoney } from '../x835/values';
import { patientName, procedureLabel } from './symbols';

/** How many claims get folding ranges (with their lines); VS Code itself keeps at most 5000 regions by default. */
export const MAX_FOLDED_CLAIMS = 5000;

export interface FoldingOptions {
  /** The client's `foldingRange.rangeLimit`, when it announced one. */
  readonly rangeLimit?: number;
  readonly maxClaims?: number;
}

/**
 * Folding per loop: interchange, transaction, claim (2100 with its lines), service line (2110).
 * Only ranges that span several lines are useful (a one-line file folds nothing). Envelopes come first,
 * so when a cap cuts the list the outer structure still folds. `collapsedText` says what is hidden.
 */
export function foldingRanges(a: Analysis, _settings: Settings, options: FoldingOptions = {}): FoldingRange[] {
  const limit = options.rangeLimit ?? Number.MAX_SAFE_INTEGER;
  let claimsLeft = options.maxClaims ?? MAX_FOLDED_CLAIMS;
  const out: FoldingRange[] = [];
  const t = a.tokens;
  const add = (first: number, last: number, collapsedText?: string): boolean => {
    if (out.length >= limit) return false;
    if (last < first || first < 0 || last >= t.count) return true;
    const startLine = a.lines.positionAt(t.segStart[first]).line;
    const endLine = a.lines.positionAt(t.segEnd[last]).line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region, ...(collapsedText ? { collapsedText } : {}) });
    return true;
  };
  const m = a.model;
  m.interchanges.forEach((ic, i) => add(ic.seg, interchangeLastSeg(m, i), `ISA ${ic.controlNumber}`));
  for (const tx of m.transactions) add(tx.seg, tx.lastSeg, `ST ${tx.setId} ${tx.controlNumber}`);
  for (const claim of m.claims) {
    if (claimsLeft-- <= 0) break;
    const who = patientName(claim);
    if (!add(claim.seg, claim.lastSeg, `CLP ${claim.id}${who ? ` · ${who}` : ''} · paid ${formatMoney(claim.paid)}`)) break;
    for (const line of claim.lines) add(line.seg, line.lastSeg, `SVC ${procedureLabel(line)} · ${formatMoney(line.paid)}`);
  }
  return out;
}
