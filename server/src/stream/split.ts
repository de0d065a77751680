import { readSync } from 'node:fs';
import { interchangeStart, START, type Origin } from './pieces';

/** A byte range of a file, and where it starts (line, column, character). */
export interface Part {
  readonly start: number;
  readonly end: number;
  /**
   * Where it starts in the file's text; absent for a part after the first, whose origin the main thread
   * learns from the part before it once that one is read (parallelCheck.ts): counting the lines and
   * characters of everything before a cut would be a serial read of the file.
   */
  readonly origin?: Origin;
  /** For a part cut inside an interchange (transactionSplit.ts): what is analysed around its bytes. */
  readonly context?: PartContext;
}

/**
 * Text analysed before and after a part's bytes so that the part reads as the whole file does there: the
 * envelope it sits in (prefix: on one line, with no line break) and what closes it (suffix). Findings on
 * either are not the part's and are dropped.
 */
export interface PartContext {
  readonly prefix: string;
  readonly suffix: string;
}

/** How far past a wished cut an interchange start is looked for before that cut is given up. */
const MAX_WINDOW = 16 * 1024 * 1024;

/**
 * Cuts a file into about `count` parts of whole interchanges (ISA..IEA, which the analysis treats
 * independently), found by a byte scan near each wished cut: a part can be read and analysed on its
 * own, by a worker reading its byte range. A file of one interchange is one part.
 */
export function interchangeParts(fd: number, size: number, count: number): Part[] {
  const cuts: number[] = [];
  for (let k = 1; k < count; k++) {
    const wished = Math.max(Math.round((k * size) / count), (cuts[cuts.length - 1] ?? 0) + 1);
    const cut = nextInterchange(fd, wished, size);
    if (cut > 0 && cut < size && cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
  }
  const bounds = [0, ...cuts, size];
  return bounds.slice(1).map((end, i) => ({ start: bounds[i], end, origin: i === 0 ? START : undefined }));
}

/** The byte offset of the first interchange start at or after `from`, or -1. */
function nextInterchange(fd: number, from: number, size: number): number {
  const back = Math.min(from, 8); // the bytes before an ISA say whether it starts a segment
  for (let window = 256 * 1024; ; window *= 4) {
    const length = Math.min(window, size - (from - back));
    const buf = Buffer.allocUnsafe(length);
    const n = readSync(fd, buf, 0, length, from - back);
    // Latin-1: one character per byte, so offsets are byte offsets; delimiters and "ISA" are ASCII.
    const at = interchangeStart(buf.toString('latin1', 0, n), back);
    if (at >= 0) return from - back + at;
    if (from - back + n >= size || window >= MAX_WINDOW) return -1;
  }
}
