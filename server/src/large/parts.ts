import { readSync } from 'node:fs';
import type { FileSpan, IndexedTransaction, RemittanceIndex } from './remittanceIndex';

/**
 * A small piece of a large remittance as a file of its own: the interchange and group headers, the
 * payment's header and one claim (or the whole payment), closed by SE, GE and IEA whose counts and control
 * numbers agree, so that every feature (hover, diagnostics, code lens, summary) works on it unchanged.
 * One segment per line; each line remembers where its segment is in the original file.
 */
export interface Part {
  readonly text: string;
  /** Per line of `text` (= per segment): 1-based line and column of the segment in the original, 0 for a trailer added here. */
  readonly lines: Int32Array;
  readonly columns: Int32Array;
}

export type PartKey = { readonly kind: 'claim' | 'payment'; readonly n: number };

/** Parts larger than this are not built (a payment of many thousand claims): pick its claims instead. */
export const MAX_PART_BYTES = 4 * 1024 * 1024;

/** The bytes a part reads from the original, or undefined when the key names nothing in the index. */
export function partSize(index: RemittanceIndex, key: PartKey): number | undefined {
  if (key.kind === 'payment') {
    const tx = index.transactions[key.n];
    return tx && tx.envelope.isa.bytes + tx.envelope.gs.bytes + tx.span.bytes;
  }
  const claim = index.claims[key.n];
  if (!claim) return undefined;
  const tx = index.transactions[claim.transaction];
  return tx.envelope.isa.bytes + tx.envelope.gs.bytes + tx.header.bytes + (claim.lx?.bytes ?? 0) + claim.span.bytes;
}

/** Builds the part from the original file (open as `fd`), or returns why not. */
export function buildPart(index: RemittanceIndex, fd: number, key: PartKey): Part | { problem: string } {
  const size = partSize(index, key);
  if (size === undefined) return { problem: `There is no ${key.kind} ${key.n + 1} in this file.` };
  if (size > MAX_PART_BYTES)
    return {
      problem: `This ${key.kind} is ${(size / 1e6).toFixed(1)} MB: too large to open as a part (at most ${MAX_PART_BYTES / 2 ** 20} MiB). Open one of its claims instead.`,
    };
  const claim = key.kind === 'claim' ? index.claims[key.n] : undefined;
  const tx: IndexedTransaction = index.transactions[claim ? claim.transaction : key.n];
  const { envelope } = tx;
  const out = new PartWriter(envelope.element, envelope.terminator);
  const segs = (s: FileSpan) => out.copy(s, readSpan(fd, s));
  segs(envelope.isa);
  segs(envelope.gs);
  if (claim) {
    segs(tx.header);
    if (claim.lx) segs(claim.lx);
    segs(claim.span);
    out.add(['SE', String(out.count - out.stAt + 1), out.element(out.stAt, 2)].join(envelope.element));
  } else {
    segs(tx.span);
  }
  out.add(['GE', '1', out.element(1, 6)].join(envelope.element));
  out.add(['IEA', '1', out.element(0, 13)].join(envelope.element));
  return out.finish();
}

function readSpan(fd: number, s: FileSpan): string {
  const buffer = Buffer.alloc(s.bytes);
  let done = 0;
  while (done < s.bytes) {
    const n = readSync(fd, buffer, done, s.bytes - done, s.byte + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.toString('utf8', 0, done);
}

/** Collects segments, one per line, and the original place of each. */
class PartWriter {
  private readonly segments: string[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  /** Index of the ST segment (for the SE count). */
  stAt = -1;
  private readonly separator: string;

  constructor(
    private readonly elementSeparator: string,
    private readonly terminator: string,
  ) {
    // A file whose terminator is a line break needs no second one.
    this.separator = terminator === '\n' || terminator === '\r' ? '' : '\n';
  }

  get count(): number {
    return this.segments.length;
  }

  /** Copies the segments of `text`, which starts at `s` in the original, keeping each one's original place. */
  copy(s: FileSpan, text: string): void {
    let line = s.line;
    let column = s.column;
    let i = 0;
    while (i < text.length) {
      // Line breaks and blanks between segments are layout, not data.
      const c = text[i];
      if (c === '\n') {
        line++;
        column = 1;
        i++;
        continue;
      }
      if (c === '\r' || c === ' ' || c === '\t') {
        column++;
        i++;
        continue;
      }
      let end = text.indexOf(this.terminator, i);
      if (end < 0) end = text.length;
      const segment = text.slice(i, end);
      if (this.stAt < 0 && segment.startsWith(`ST${this.elementSeparator}`)) this.stAt = this.segments.length;
      this.segments.push(segment);
      this.lines.push(line);
      this.columns.push(column);
      column += end + 1 - i;
      i = end + 1;
    }
  }

  /** A segment that is not in the original (a trailer that closes the part). */
  add(segment: string): void {
    this.segments.push(segment);
    this.lines.push(0);
    this.columns.push(0);
  }

  /** Element `k` of segment `i` written so far ('' when absent). */
  element(i: number, k: number): string {
    const seg = this.segments[i];
    if (seg === undefined) return '';
    return seg.split(this.elementSeparator)[k] ?? '';
  }

  finish(): Part {
    const text = this.segments.map((s) => s + this.terminator + this.separator).join('');
    return { text, lines: Int32Array.from(this.lines), columns: Int32Array.from(this.columns) };
  }
}
