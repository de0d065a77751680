import { readFile } from 'node:fs/promises';
import type { SegmentTable } from '../x12/tokenizer';
import { LineIndex } from '../x12/lineIndex';
import { Tokenizer } from '../x12/tokenizer';
import { ModelBuilder } from '../x835/builder';
import type { Model } from '../x835/types';

/** One claim as the workspace index keeps it: enough to find and show it, nothing more. */
export interface IndexedClaim {
  /** CLP01 patient control number. */
  readonly id: string;
  /** CLP07 payer claim control number. */
  readonly payerControlNumber: string;
  /** "LAST, FIRST" from NM1*QC. */
  readonly patient: string;
  readonly paid: number;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** Claims of one document, for the index. */
export function claimsOf(model: Model, lines: LineIndex): IndexedClaim[] {
  const out: IndexedClaim[] = [];
  listClaims(model, lines, 0, model.claims.length, out);
  return out;
}

/** Appends claims from..to-1 of the model to `out`. */
function listClaims(model: Model, lines: LineIndex, from: number, to: number, out: IndexedClaim[]): void {
  const t: SegmentTable = model.tokens;
  for (let i = from; i < to; i++) {
    const c = model.claims[i];
    const s = lines.positionAt(t.segStart[c.seg]);
    const e = lines.positionAt(t.segEnd[c.seg]);
    const p = c.patient;
    out.push({
      id: c.id,
      payerControlNumber: c.payerControlNumber,
      patient: p ? [p.last, p.first].filter(Boolean).join(', ') : '',
      paid: c.paid,
      line: s.line,
      character: s.character,
      endLine: e.line,
      endCharacter: e.character,
    });
  }
}

// Work between two turns of the event loop: each step takes a millisecond or two on a 50 MB file.
const CHARS_PER_STEP = 1 << 18;
const SEGMENTS_PER_STEP = 1 << 13;
const CLAIMS_PER_STEP = 1 << 11;

/** Lets the server answer requests before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads and models one file from disk (no rules), in steps with turns of the event loop between them:
 * a 50 MB file takes about half a second, which must not block requests.
 */
export async function readModel(path: string): Promise<{ model: Model; lines: LineIndex }> {
  const text = await readFile(path, 'utf8');
  const tokenizer = new Tokenizer(text);
  while (!tokenizer.step(CHARS_PER_STEP)) await nextTurn();
  const builder = new ModelBuilder(tokenizer.finish());
  while (!builder.step(SEGMENTS_PER_STEP)) await nextTurn();
  const model = builder.finish();
  await nextTurn();
  return { model, lines: new LineIndex(text) };
}

/** Reads and indexes one file from disk (only what the search needs), without blocking requests. */
export async function indexFile(path: string): Promise<IndexedClaim[]> {
  const { model, lines } = await readModel(path);
  const out: IndexedClaim[] = [];
  for (let from = 0; from < model.claims.length; from += CLAIMS_PER_STEP) {
    await nextTurn();
    listClaims(model, lines, from, Math.min(model.claims.length, from + CLAIMS_PER_STEP), out);
  }
  return out;
}

/** Does `query` (case-insensitive words, all of which must match) find this claim? */
export function matches(claim: IndexedClaim, words: readonly string[]): boolean {
  const hay = `${claim.id} ${claim.payerControlNumber} ${claim.patient}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * The claims of every 835 file in the workspace, by URI. Files are indexed in the background; open
 * documents replace their on-disk entry with their live content.
 */
export class ClaimIndex {
  /** Claims per file, or a function that lists them on first search (open documents: free until asked). */
  private readonly files = new Map<string, IndexedClaim[] | (() => IndexedClaim[])>();

  set(uri: string, claims: IndexedClaim[] | (() => IndexedClaim[])): void {
    this.files.set(uri, claims);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  get size(): number {
    return this.files.size;
  }

  /** Up to `limit` matches, in file order. */
  search(query: string, limit: number): Array<{ uri: string; claim: IndexedClaim }> {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: Array<{ uri: string; claim: IndexedClaim }> = [];
    for (const [uri, entry] of this.files) {
      let claims = entry;
      if (typeof claims === 'function') this.files.set(uri, (claims = claims()));
      for (const claim of claims) {
        if (matches(claim, words)) {
          out.push({ uri, claim });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}
