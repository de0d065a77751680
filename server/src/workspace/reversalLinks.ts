import type { LineIndex } from '../x12/lineIndex';
import type { Model } from '../x835/types';
import { formatCents } from '../x835/values';

/**
 * Reversals (CLP02 22) whose original payment is in another file of the workspace (or of a folder given
 * to the command line). Within one file the claim pass pairs them (rules/engine/reversalPairs.ts) and
 * co253-reversal says the net effect; a payer often sends the reversal in a later remittance, though,
 * so the original sits in another file. Paired the same way: same CLP01 (or CLP07), the reversal's
 * charge and payment the exact negation of the original's. Said on both sides as `reversal-pair`
 * (Information): the reversal names the original's file and the net effect on the CO-253; the original
 * names the reversal that takes it back. The verdicts of each file stay its own (a file's views never
 * change because another file did); this is what links them.
 *
 * Only claims that carry reason 253 take part, and a file keeps only what pairing needs: its unpaired
 * reversals (a handful) and its originals by CLP01 and CLP07.
 */

/** One claim as pairing needs it. */
export interface ClaimMoney {
  readonly id: string;
  readonly payerControlNumber: string;
  readonly charge: number;
  readonly paid: number;
  /** Σ reason-253 amounts of the claim and its lines (cents). */
  readonly co253: number;
  /** Where the claim's CLP01 is (0-based line and UTF-16 character), and where it ends. */
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  /** For a reversal: the correction that follows it in its file (same claim, not a reversal), if any. */
  readonly correction?: { readonly id: string; readonly co253: number };
}

/** What one file offers to pairing. */
export interface FileClaims {
  /** Reversals carrying reason 253 whose original is not in this file. */
  readonly reversals: readonly ClaimMoney[];
  /**
   * Non-reversal claims carrying reason 253, by CLP01 and by CLP07 (keys prefixed "1:" and "7:"). Made
   * on first use (when another file has a reversal to pair): most files are never asked, and a 50 MB
   * file has 140,000 such claims, which an edit's re-analysis must not pay for.
   */
  originals(): ReadonlyMap<string, readonly ClaimMoney[]>;
}

/** How far after a reversal its correction is looked for (payers send them together). */
const CORRECTION_WINDOW = 50;

/** The claims of a model that pairing needs. Reads the model's columns: a 50 MB file takes a few milliseconds. */
export function fileClaimsOf(model: Model, lines: LineIndex): FileClaims {
  const { claims, cas, codes } = model.store;
  const t = model.tokens;
  const co253 = new Float64Array(claims.length);
  for (let r = 0; r < cas.length; r++) {
    if (codes.list[cas.reason[r]].trim() === '253' && Number.isFinite(cas.amount[r])) co253[cas.claim[r]] += cas.amount[r];
  }
  const has253 = new Uint8Array(claims.length);
  for (let r = 0; r < cas.length; r++) if (codes.list[cas.reason[r]].trim() === '253') has253[cas.claim[r]] = 1;
  const isReversal = (c: number) => codes.list[claims.status[c]].trim() === '22';
  const money = (c: number, correction?: ClaimMoney['correction']): ClaimMoney => {
    const seg = claims.seg[c];
    const s = lines.positionAt(t.elementStartOffset(seg, 1));
    const e = lines.positionAt(t.elementEndOffset(seg, 1));
    return {
      id: t.element(seg, 1),
      payerControlNumber: t.element(seg, 7),
      charge: claims.charge[c],
      paid: claims.paid[c],
      co253: co253[c],
      line: s.line,
      character: s.character,
      endLine: e.line,
      endCharacter: e.character,
      ...(correction ? { correction } : {}),
    };
  };
  let originals: Map<string, ClaimMoney[]> | undefined;
  const originalsOf = () => {
    if (originals) return originals;
    const made = new Map<string, ClaimMoney[]>();
    const add = (key: string, m: ClaimMoney) => {
      const list = made.get(key);
      if (list) list.push(m);
      else made.set(key, [m]);
    };
    for (let c = 0; c < claims.length; c++) {
      if (!has253[c] || isReversal(c)) continue;
      const m = money(c);
      if (m.id) add(`1:${m.id}`, m);
      if (m.payerControlNumber) add(`7:${m.payerControlNumber}`, m);
    }
    return (originals = made);
  };
  const reversals: ClaimMoney[] = [];
  for (let c = 0; c < claims.length; c++) {
    if (!has253[c] || !isReversal(c)) continue;
    const r = money(c);
    // Paired in this file already (claim pass, rules/engine/reversalPairs.ts): not ours to say.
    if (pairedBefore(c, r)) continue;
    let correction: ClaimMoney['correction'];
    for (let n = c + 1; n < claims.length && n <= c + CORRECTION_WINDOW; n++) {
      if (isReversal(n)) continue;
      const id = t.element(claims.seg[n], 1);
      const pcn = t.element(claims.seg[n], 7);
      if ((r.id && id === r.id) || (r.payerControlNumber && pcn === r.payerControlNumber)) {
        correction = { id, co253: co253[n] };
        break;
      }
    }
    reversals.push(correction ? { ...r, correction } : r);
  }
  return { reversals, originals: originalsOf };

  /** An earlier claim of this file that reversal row `c` undoes (as the claim pass pairs them, within its window). */
  function pairedBefore(c: number, r: ClaimMoney): boolean {
    for (let o = c - 1; o >= 0 && o >= c - IN_FILE_WINDOW; o--) {
      if (isReversal(o) || claims.charge[o] !== -r.charge || claims.paid[o] !== -r.paid) continue;
      const seg = claims.seg[o];
      if ((r.id && t.element(seg, 1) === r.id) || (r.payerControlNumber && t.element(seg, 7) === r.payerControlNumber)) return true;
    }
    return false;
  }
}

/** How far back the claim pass looks for a reversal's original in its own file (reversalPairs.ts). */
const IN_FILE_WINDOW = 200;

/** The claim of `claims` (another file's) that reversal `r` undoes, if any. */
export function originalIn(claims: FileClaims, r: ClaimMoney): ClaimMoney | undefined {
  return candidates(claims.originals(), r)[0];
}

/** What pairing keeps of a file read from disk: its originals made at once, so that neither its model nor its text stays alive. */
export function keptClaimsOf(model: Model, lines: LineIndex): FileClaims {
  const c = fileClaimsOf(model, lines);
  const originals = c.originals();
  return { reversals: c.reversals, originals: () => originals };
}

/** Originals of `originals` that reversal `r` may undo: same CLP01 or CLP07, exact negated charge and payment. */
function candidates(originals: ReadonlyMap<string, readonly ClaimMoney[]>, r: ClaimMoney): ClaimMoney[] {
  const out: ClaimMoney[] = [];
  for (const key of [r.id && `1:${r.id}`, r.payerControlNumber && `7:${r.payerControlNumber}`]) {
    if (!key) continue;
    for (const o of originals.get(key) ?? []) if (o.charge === -r.charge && o.paid === -r.paid && !out.includes(o)) out.push(o);
  }
  return out;
}

/** A reversal in one file and the original it undoes in another. */
export interface ReversalLink {
  readonly reversalFile: string;
  readonly reversal: ClaimMoney;
  readonly originalFile: string;
  readonly original: ClaimMoney;
}

/**
 * The links that concern file `file`: its reversals' originals in other files, and reversals in other
 * files of its originals. The first file in `files`' order wins when several hold a match.
 */
export function linksOf(file: string, files: ReadonlyMap<string, FileClaims>): ReversalLink[] {
  const own = files.get(file);
  if (!own) return [];
  const out: ReversalLink[] = [];
  for (const reversal of own.reversals) {
    const link = originalElsewhere(file, reversal, files);
    if (link) out.push(link);
  }
  for (const [other, claims] of files) {
    if (other === file) continue;
    for (const reversal of claims.reversals) {
      const link = originalElsewhere(other, reversal, files);
      if (link && link.originalFile === file) out.push(link);
    }
  }
  return out;
}

function originalElsewhere(file: string, reversal: ClaimMoney, files: ReadonlyMap<string, FileClaims>): ReversalLink | undefined {
  for (const [other, claims] of files) {
    if (other === file) continue;
    const found = candidates(claims.originals(), reversal)[0];
    if (found) return { reversalFile: file, reversal, originalFile: other, original: found };
  }
  return undefined;
}

const signed = (cents: number) => `${cents > 0 ? '+' : ''}${formatCents(cents)}`;

/**
 * What is said on the reversal: "Reverses the CO-253 of 3.00 of claim X in FILE (line n): …; net effect …".
 * `name` turns a file into what the reader sees (a path relative to the folder, a file name).
 */
export function reversalMessage(link: ReversalLink, name: (file: string) => string): string {
  const { reversal: r, original: o } = link;
  const head = `Reverses the CO-253 of ${formatCents(o.co253)} of claim ${o.id || o.payerControlNumber} in ${name(link.originalFile)} (line ${o.line + 1}): the payer takes that payment back, this amount included.`;
  if (r.correction) {
    const net = r.co253 + r.correction.co253;
    return `${head} Corrected by claim ${r.correction.id} later in this file (CO-253 ${formatCents(r.correction.co253)}): net effect ${signed(net)}; CO-253 taken in the end ${formatCents(o.co253 + net)}.`;
  }
  return `${head} Net effect ${signed(r.co253)}: no CO-253 of that payment remains until a correction comes.`;
}

/** What is said on the original: taken back by a reversal in another file. */
export function originalMessage(link: ReversalLink, name: (file: string) => string): string {
  const { reversal: r, original: o } = link;
  const then = r.correction
    ? ` It is corrected there by claim ${r.correction.id} (CO-253 ${formatCents(r.correction.co253)}): net effect ${signed(r.co253 + r.correction.co253)}; work the correction, not this payment.`
    : ' Nothing to claim on this payment any more.';
  return `Reversed by claim ${r.id || r.payerControlNumber} in ${name(link.reversalFile)} (line ${r.line + 1}): this payment and its CO-253 of ${formatCents(o.co253)} are taken back.${then}`;
}
