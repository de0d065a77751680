import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { Settings } from '../settings';
import { interchangeLastSeg } from '../x835/lookup';
import { formatMoney } from '../x835/values';
import { patientName, procedureLabel } from './symbols';
import { jsonBytes, MAX_BYTES } from './visible';

/** How many claims get folding ranges (with their lines); VS Code itself keeps at most 5000 regions by default. */
export const MAX_FOLDED_CLAIMS = 5000;

export interface FoldingOptions {
  /** The client's `foldingRange.rangeLimit`, when it announced one. */
  readonly rangeLimit?: number;
  readonly maxClaims?: number;
  /** Most bytes of JSON the answer holds (MAX_BYTES.foldingRanges). */
  readonly maxBytes?: number;
}

/**
 * Folding per loop: interchange, transaction, claim (2100 with its lines), service line (2110).
 * Only ranges that span several lines are useful (a one-line file folds nothing). Envelopes come first,
 * so when a cap cuts the list the outer structure still folds. `collapsedText` says what is hidden.
 * Bounded by the client's range limit, `maxClaims` and `maxBytes` of JSON, whatever the file.
 */
export function foldingRanges(a: Analysis, _settings: Settings, options: FoldingOptions = {}): FoldingRange[] {
  const limit = options.rangeLimit ?? Number.MAX_SAFE_INTEGER;
  let claimsLeft = options.maxClaims ?? MAX_FOLDED_CLAIMS;
  let bytesLeft = options.maxBytes ?? MAX_BYTES.foldingRanges;
  const out: FoldingRange[] = [];
  const t = a.tokens;
  if (a.lines.positionAt(a.text.length).line === 0) return out; // one line: nothing to fold, no claim to walk
  const add = (first: number, last: number, collapsedText?: string): boolean => {
    if (out.length >= limit || bytesLeft <= 0) return false;
    if (last < first || first < 0 || last >= t.count) return true;
    const startLine = a.lines.positionAt(t.segStart[first]).line;
    const endLine = a.lines.positionAt(t.segEnd[last]).line;
    if (endLine <= startLine) return true;
    const range: FoldingRange = { startLine, endLine, kind: FoldingRangeKind.Region, ...(collapsedText ? { collapsedText } : {}) };
    bytesLeft -= jsonBytes(range) + 1; // and its comma
    if (bytesLeft < 0) return false;
    out.push(range);
    return true;
  };
  const m = a.model;
  for (let i = 0; i < m.interchanges.length; i++)
    if (!add(m.interchanges[i].seg, interchangeLastSeg(m, i), `ISA ${m.interchanges[i].controlNumber}`)) return out;
  for (const tx of m.transactions) if (!add(tx.seg, tx.lastSeg, `ST ${tx.setId} ${tx.controlNumber}`)) return out;
  for (const claim of m.claims) {
    if (claimsLeft-- <= 0) break;
    const who = patientName(claim);
    if (!add(claim.seg, claim.lastSeg, `CLP ${claim.id}${who ? ` · ${who}` : ''} · paid ${formatMoney(claim.paid)}`)) break;
    for (const line of claim.lines) if (!add(line.seg, line.lastSeg, `SVC ${procedureLabel(line)} · ${formatMoney(line.paid)}`)) return out;
  }
  return out;
}
