import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Analysis } from '../analysis';
import type { VerdictClass } from '../x835/verdicts';
import { elementDef } from '../x835/dictionary';
import { tripletsOf } from '../x835/lookup';
import { DEFAULT_VIEW_LIMITS, MAX_ITEMS, Visible, type ViewLimits } from './visible';

/**
 * Semantic tokens: segment ids, qualifiers, amounts and dates everywhere, and for CAS the group code,
 * reason and amount of each triplet with a modifier carrying its class, so themes (through the
 * `semanticTokenScopes` in package.json) mute sequestration and contractual write-offs and make the
 * adjustments that need work stand out. The class and the work are the triplet's verdict (x835/verdicts.ts).
 */
export const TOKEN_TYPES = ['segment', 'envelope', 'qualifier', 'amount', 'date', 'casGroup', 'casReason', 'casAmount'] as const;
export const TOKEN_MODIFIERS = ['sequestration', 'contractual', 'patientResponsibility', 'actionable', 'recoverable'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
const T = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const ENVELOPE = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE']);

/** Modifier bits for a verdict: its class (needs work and other: none) and whether it is work. */
export function modifierBits(cls: VerdictClass, actionable: boolean): number {
  let bits = 0;
  if (cls === 'sequestration') bits |= 1 << 0;
  if (cls === 'contractual') bits |= 1 << 1;
  if (cls === 'patientResponsibility') bits |= 1 << 2;
  if (actionable) bits |= 1 << 3;
  if (cls === 'recoverable' && actionable) bits |= 1 << 4;
  return bits;
}

/**
 * Semantic tokens of what VS Code shows of `range` (the whole document when absent): the rendered part of
 * each line (see Visible), at most MAX_ITEMS.semanticTokensRange tokens, so a one-line remit costs what
 * its first 10,000 characters cost.
 */
export function semanticTokens(a: Analysis, range?: Range, limits: ViewLimits = DEFAULT_VIEW_LIMITS): SemanticTokens {
  return { data: tokenData(a, new Visible(a, range, limits), MAX_ITEMS.semanticTokensRange).data };
}

/**
 * The whole document's tokens (each line cut at the render limit), or undefined when there are more than
 * one response may hold (MAX_ITEMS.semanticTokensFull): VS Code then asks for the visible ranges instead.
 */
export function fullSemanticTokens(a: Analysis, limits: ViewLimits = DEFAULT_VIEW_LIMITS): SemanticTokens | undefined {
  const r = tokenData(a, new Visible(a, undefined, limits), MAX_ITEMS.semanticTokensFull);
  return r.capped ? undefined : { data: r.data };
}

function tokenData(a: Analysis, view: Visible, cap: number): { data: number[]; capped: boolean } {
  const t = a.tokens;
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let count = 0;
  const pushOne = (start: number, end: number, type: number, mods: number) => {
    const length = Math.min(end, view.shownEnd(start)) - start;
    if (length <= 0 || !view.shows(start)) return;
    const p = a.lines.positionAt(start);
    data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, length, type, mods);
    prevLine = p.line;
    prevChar = p.character;
    count++;
  };
  // A value wrapped across lines (fixed-width files with '~' terminators) becomes one token per line:
  // a token may not span a line break.
  const push = (start: number, end: number, type: number, mods: number) => {
    for (let s = start, i = start; i <= end; i++) {
      const c = i < end ? a.text.charCodeAt(i) : -1;
      if (c === 10 || c === 13 || c === -1) {
        pushOne(s, i, type, mods);
        s = i + 1;
      }
    }
  };

  for (const i of view.segments()) {
    if (count >= cap) return { data: data.slice(0, cap * 5), capped: true };
    const id = t.id(i);
    push(t.segStart[i], t.elementEndOffset(i, 0), ENVELOPE.has(id) ? T.envelope : T.segment, 0);
    if (id === 'CAS') {
      casTokens(a, i, push);
      continue;
    }
    const n = t.elementCount(i);
    for (let k = 1; k < n; k++) {
      const def = elementDef(id, k);
      if (!def) continue;
      const type = def.type === 'R' ? T.amount : def.type === 'DT' ? T.date : def.type === 'ID' && def.codeList ? T.qualifier : -1;
      if (type >= 0) push(t.elementStartOffset(i, k), t.elementEndOffset(i, k), type, 0);
    }
  }
  return count > cap ? { data: data.slice(0, cap * 5), capped: true } : { data, capped: false };
}

/** The triplets of one CAS segment, from the model (so classes match hovers and rules). */
function casTokens(a: Analysis, seg: number, push: (s: number, e: number, type: number, mods: number) => void): void {
  const t = a.tokens;
  const triplets = tripletsOf(a.model, seg);
  const v = a.verdicts;
  const mods = triplets.map((x) => {
    const row = a.model.cas.rowOf(x.seg, x.triplet);
    return row < 0 ? 0 : modifierBits(v.classOf(row), v.isActionable(row));
  });
  // The group code covers every triplet of the segment: it carries all their classes.
  const groupMods = mods.reduce((acc, m) => acc | m, 0);
  push(t.elementStartOffset(seg, 1), t.elementEndOffset(seg, 1), T.casGroup, groupMods);
  triplets.forEach((x, j) => {
    push(t.elementStartOffset(seg, x.reasonElem), t.elementEndOffset(seg, x.reasonElem), T.casReason, mods[j]);
    push(t.elementStartOffset(seg, x.reasonElem + 1), t.elementEndOffset(seg, x.reasonElem + 1), T.casAmount, mods[j]);
  });
}
