import { readSync } from 'node:fs';
import { KeepBytesDecoder } from './keepBytes';
import { advance, interchangeStart, START, type Origin } from './pieces';

/** A byte range of a file holding whole interchanges, and where it starts (line, column, character). */
export interface Part {
  readonly start: number;
  readonly end: number;
  readonly origin: Origin;
}

/** How far past a wished cut an interchange start is looked for before that cut is given up. */
const MAX_WINDOW = 16 * 1024 * 1024;
const CHUNK = 4 * 1024 * 1024;

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
  const origins = originsAt(fd, cuts);
  const bounds = [0, ...cuts, size];
  return origins.map((origin, i) => ({ start: bounds[i], end: bounds[i + 1], origin }));
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

/** Where each cut starts in the file's text: the lines and UTF-16 characters before it, read once. */
function originsAt(fd: number, cuts: readonly number[]): Origin[] {
  const out: Origin[] = [START];
  const decoder = new KeepBytesDecoder(0);
  const buf = Buffer.allocUnsafe(CHUNK);
  let origin = START;
  let position = 0;
  let heldCr = ''; // a CR at a chunk's end may be the first half of a CRLF
  for (const cut of cuts) {
    while (position < cut) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, cut - position), position);
      if (n <= 0) break;
      position += n;
      let text = heldCr + decoder.write(buf.subarray(0, n));
      heldCr = '';
      if (position < cut && text.endsWith('\r')) {
        heldCr = '\r';
        text = text.slice(0, -1);
      }
      origin = advance(origin, text);
    }
    // A cut is at an ISA: nothing is pending in the decoder there, and a held CR is a line end.
    const rest = heldCr + decoder.end();
    heldCr = '';
    origin = advance(origin, rest);
    out.push(origin);
  }
  return out;
}
