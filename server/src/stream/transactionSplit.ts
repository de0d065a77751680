import { readSync } from 'node:fs';
import { readIsa, type Delimiters } from '../x12/delimiters';
import { START } from './pieces';
import { interchangeParts, type Part } from './split';

/**
 * Cutting one interchange (one transaction set after another, ST..SE, as the big remits are) into parts
 * that workers analyse apart, each reading only its own byte range. A part that starts inside a
 * functional group is analysed after a prefix (the interchange's ISA, stand-in groups, the group's GS,
 * stand-in transactions: as many as the file has before the cut, so GE01 and IEA01 are checked against
 * the same counts), and a part that ends inside one before a suffix (a GE and an IEA): the findings on
 * those are dropped, and the workers report what they saw open at each cut so the merge can check that
 * the counts were right (else the file is checked whole: parallelCheck.ts).
 *
 * Cuts are made only where the analysis of the parts equals the analysis of the whole:
 * - before an ST whose previous segment is an SE (the transaction before it is complete);
 * - with no reversal claim (CLP02 22) near the cut: a reversal looks for its original among the 200
 *   claims before it and for its correction among the 50 after it (rules/engine/reversalPairs.ts,
 *   rules/co253/co253Reversal.ts), which may lie on the other side of a cut;
 * - at an interchange start (ISA after a segment end): no prefix needed, as interchangeParts does.
 */

/** Bytes read at once by the scan. */
const CHUNK = 8 * 1024 * 1024;
/** Bytes a chunk overlaps the previous one, so a needle or the blanks before it are never cut. */
const OVERLAP = 256;
/** Claims each side of a cut that must not be reversals (twice what the rules look at: 200 and 50). */
const CLAIMS_AFTER = 400;
const CLAIMS_BEFORE = 100;
/** Bytes each side of a cut searched for those claims. */
const CLAIM_WINDOW = 2 * 1024 * 1024;

/**
 * About `count` parts of the file: at interchange starts or at transaction starts (with their prefix and
 * suffix), whichever comes first after each wished cut. Falls back to interchange parts when the file
 * does not start with a readable ISA or ends segments with a line break (a prefix must not add lines).
 */
export function transactionParts(fd: number, size: number, count: number): Part[] {
  const head = Buffer.allocUnsafe(Math.min(size, 4096));
  const n = readSync(fd, head, 0, head.length, 0);
  const text = head.toString('latin1', 0, n);
  const at = text.search(/\S/);
  const delimiters = at >= 0 && text.startsWith('ISA', at) ? readIsa(text, at).delimiters : undefined;
  if (!delimiters || /[\r\n\t ]/.test(delimiters.segment) || delimiters.segment.length !== 1) return interchangeParts(fd, size, count);
  const cuts = new Scan(fd, size, delimiters).cuts(count);
  const bounds = [0, ...cuts.map((c) => c.at), size];
  return bounds.slice(1).map((end, i) => {
    const prefix = i > 0 ? (cuts[i - 1].prefix ?? '') : '';
    const suffix = i < cuts.length && cuts[i].prefix !== undefined ? closing(delimiters) : '';
    return { start: bounds[i], end, origin: i === 0 ? START : undefined, context: prefix || suffix ? { prefix, suffix } : undefined };
  });
}

/** What closes the group and interchange a part leaves open: a GE and an IEA (their findings are dropped). */
function closing(d: Delimiters): string {
  return `GE${d.element}1${d.element}1${d.segment}IEA${d.element}1${d.element}1${d.segment}`;
}

interface Cut {
  readonly at: number;
  /** Set for a cut before an ST: the part from there on is read after this prefix. */
  readonly prefix?: string;
}

const BLANK = new Set([10, 13, 32, 9]);

/** One forward pass over the file's bytes, looking only at ISA, GS and ST segment starts. */
class Scan {
  private readonly element: number;
  private readonly terminator: number;
  private readonly needles: Buffer[];

  constructor(
    private readonly fd: number,
    private readonly size: number,
    private readonly d: Delimiters,
  ) {
    this.element = d.element.charCodeAt(0);
    this.terminator = d.segment.charCodeAt(0);
    this.needles = ['ISA', 'GS', 'ST'].map((id) => Buffer.from(id + d.element, 'latin1'));
  }

  cuts(count: number): Cut[] {
    const out: Cut[] = [];
    const wished = Array.from({ length: count - 1 }, (_, k) => Math.round(((k + 1) * this.size) / count));
    if (!wished.length) return out;
    const buf = Buffer.allocUnsafe(CHUNK + OVERLAP);
    // What is open at the position reached: the ISA and GS segments' bytes, groups and transactions so far.
    let isa: Buffer | undefined;
    let gs: Buffer | undefined;
    let groups = 0;
    let transactions = 0;
    for (let base = 0; base < this.size && wished.length; base += CHUNK) {
      const from = Math.max(0, base - OVERLAP);
      const n = readSync(this.fd, buf, 0, Math.min(buf.length, this.size - from), from);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      const skip = base - from; // needles before this offset were seen in the previous chunk
      const events: [number, number][] = [];
      this.needles.forEach((needle, kind) => {
        for (let i = chunk.indexOf(needle, skip); i >= 0 && i < skip + CHUNK; i = chunk.indexOf(needle, i + 1))
          if (this.startsSegment(chunk, i, from)) events.push([i, kind]);
      });
      events.sort((a, b) => a[0] - b[0]);
      for (const [i, kind] of events) {
        const pos = from + i;
        if (kind === 0) {
          if (pos >= wished[0] && pos > 0) {
            out.push({ at: pos });
            while (wished.length && wished[0] <= pos) wished.shift();
            if (!wished.length) return out;
          }
          // An interchange with other delimiters than the first is not cut inside (the scan reads the first's).
          isa = this.segmentBytes(pos);
          if (!sameDelimiters(readIsa(isa.toString('latin1'), 0).delimiters, this.d)) isa = undefined;
          gs = undefined;
          groups = 0;
          transactions = 0;
        } else if (kind === 1) {
          gs = this.segmentBytes(pos);
          groups++;
          transactions = 0;
        } else {
          if (isa && gs && pos >= wished[0] && this.afterSe(chunk, i, from) && this.noReversalNear(pos)) {
            out.push({ at: pos, prefix: this.prefix(isa, gs, groups - 1, transactions) });
            while (wished.length && wished[0] <= pos) wished.shift();
            if (!wished.length) return out;
          }
          transactions++;
        }
      }
    }
    return out;
  }

  /** Is the needle at `i` the start of a segment: after blanks after a terminator (or at the file start)? */
  private startsSegment(chunk: Buffer, i: number, from: number): boolean {
    let j = i - 1;
    while (j >= 0 && BLANK.has(chunk[j])) j--;
    return j < 0 ? from === 0 : chunk[j] === this.terminator;
  }

  /** Is the segment before the one at `i` an SE? */
  private afterSe(chunk: Buffer, i: number, from: number): boolean {
    let j = i - 1;
    while (j >= 0 && BLANK.has(chunk[j])) j--; // j: the previous segment's terminator
    const prev = chunk.lastIndexOf(this.terminator, j - 1);
    if (prev < 0 && from > 0) return false;
    let s = prev + 1;
    while (s < j && BLANK.has(chunk[s])) s++;
    return chunk[s] === 83 /* S */ && chunk[s + 1] === 69 /* E */ && (chunk[s + 2] === this.element || s + 2 === j);
  }

  /** The bytes of the segment starting at `pos`, its terminator included (an ISA or GS: short). */
  private segmentBytes(pos: number): Buffer {
    const buf = Buffer.allocUnsafe(4096);
    const n = readSync(this.fd, buf, 0, Math.min(buf.length, this.size - pos), pos);
    const end = buf.subarray(0, n).indexOf(this.terminator);
    return Buffer.from(buf.subarray(0, end < 0 ? n : end + 1));
  }

  /** No CLP02 22 among the claims each side of `pos` that a reversal's pairing could reach across it. */
  private noReversalNear(pos: number): boolean {
    const from = Math.max(0, pos - CLAIM_WINDOW);
    const length = Math.min(this.size, pos + CLAIM_WINDOW) - from;
    const buf = Buffer.allocUnsafe(length);
    const n = readSync(this.fd, buf, 0, length, from);
    const chunk = buf.subarray(0, n);
    const needle = Buffer.from('CLP' + this.d.element, 'latin1');
    const before: number[] = [];
    const after: number[] = [];
    for (let i = chunk.indexOf(needle); i >= 0; i = chunk.indexOf(needle, i + 1)) {
      if (!this.startsSegment(chunk, i, from)) continue;
      if (from + i < pos) before.push(i);
      else if (after.length < CLAIMS_AFTER) after.push(i);
      else break;
    }
    // Too few claims found in the window while the file goes on: cannot tell, no cut here.
    if (before.length < CLAIMS_BEFORE && from > 0) return false;
    if (after.length < CLAIMS_AFTER && from + n < this.size) return false;
    return !before.slice(-CLAIMS_BEFORE).some((i) => this.isReversal(chunk, i)) && !after.some((i) => this.isReversal(chunk, i));
  }

  /** CLP02 of the CLP at `i` is 22 (a reversal), spaces aside. */
  private isReversal(chunk: Buffer, i: number): boolean {
    const s1 = chunk.indexOf(this.element, i + 4);
    if (s1 < 0) return false;
    let end = s1 + 1;
    while (end < chunk.length && chunk[end] !== this.element && chunk[end] !== this.terminator) end++;
    return chunk.toString('latin1', s1 + 1, end).trim() === '22';
  }

  /** The prefix of a part cut before an ST (see the file comment). */
  private prefix(isa: Buffer, gs: Buffer, groupsBefore: number, transactionsBefore: number): string {
    const e = this.d.element;
    const t = this.d.segment;
    const group = `GS${e}HP${e}X${e}X${e}20000101${e}0000${e}1${e}X${e}005010X221A1${t}GE${e}0${e}1${t}`;
    const transaction = `ST${e}835${e}0${t}SE${e}2${e}0${t}`;
    return isa.toString('utf8') + group.repeat(groupsBefore) + gs.toString('utf8') + transaction.repeat(transactionsBefore);
  }
}

function sameDelimiters(a: Delimiters | undefined, b: Delimiters): boolean {
  return !!a && a.element === b.element && a.segment === b.segment && a.component === b.component && a.repetition === b.repetition;
}
