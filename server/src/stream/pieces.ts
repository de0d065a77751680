import { readSync } from 'node:fs';
import { readIsa } from '../x12/delimiters';
import { KeepBytesDecoder } from './keepBytes';

/**
 * A file of any size as text pieces of whole interchanges (ISA..IEA are independent), read in chunks
 * from a file descriptor. Used by the command line (every command) and by the server's large-file path:
 * a V8 string stops at about 512 M characters and memory grows with the text, so nothing here ever
 * holds more than one piece.
 */

/** Where a piece starts in its file: 1-based line, 0-based UTF-16 column, UTF-16 offset. */
export interface Origin {
  readonly line: number;
  readonly column: number;
  readonly char: number;
}

export interface Piece {
  readonly text: string;
  readonly origin: Origin;
  /** Offsets in `text` of bytes that were not UTF-8 (kept as U+DC80..U+DCFF; see keepBytes.ts). */
  readonly invalid: readonly number[];
}

export interface PieceOptions {
  /** Characters from which a piece is cut at the next interchange start. */
  readonly pieceChars?: number;
  /** Past this, one interchange is too long for one string: said once, the rest is skipped. */
  readonly maxPieceChars?: number;
  /** Bytes read per call. */
  readonly chunkBytes?: number;
  /** Told once when an interchange is too long (the rest of the file is then not read). */
  readonly onProblem?: (message: string) => void;
  /** Read bytes start..end only (a part of a file given to a worker); `origin` is where `start` is. */
  readonly start?: number;
  readonly end?: number;
  readonly origin?: Origin;
}

export const PIECE_CHARS = 160 * 1024 * 1024;
export const MAX_PIECE_CHARS = 480 * 1024 * 1024;
const CHUNK_BYTES = 16 * 1024 * 1024;

export const START: Origin = { line: 1, column: 0, char: 0 };

/**
 * The text of `fd` in pieces: all of it when it is shorter than `pieceChars` (nearly always), else cut
 * before an ISA that starts a segment, so that every piece holds whole interchanges.
 */
export function* readPieces(fd: number, options: PieceOptions = {}): Generator<Piece, void, void> {
  const pieceChars = options.pieceChars ?? PIECE_CHARS;
  const maxPieceChars = Math.max(options.maxPieceChars ?? MAX_PIECE_CHARS, pieceChars);
  const decoder = new KeepBytesDecoder();
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? CHUNK_BYTES);
  let parts: string[] = [];
  let length = 0;
  let origin = options.origin ?? START;
  const charBase = origin.char; // the decoder counts from the range's first byte
  let position = options.start ?? -1;
  const end = options.end ?? Infinity;
  let taken = 0; // invalid offsets already handed out
  const invalidBefore = (upTo: number) => {
    const out: number[] = [];
    while (taken < decoder.invalid.length && decoder.invalid[taken] + charBase < upTo)
      out.push(decoder.invalid[taken++] + charBase - origin.char);
    return out;
  };
  for (;;) {
    const want = Math.min(buffer.length, end - Math.max(position, 0));
    const n = want <= 0 ? 0 : readChunk(fd, buffer.subarray(0, want), position);
    if (position >= 0) position += n;
    const chunk = n > 0 ? decoder.write(buffer.subarray(0, n)) : decoder.end();
    if (chunk) {
      parts.push(chunk);
      length += chunk.length;
    }
    if (n > 0 && length < pieceChars) continue;
    let text = parts.join('');
    parts = [];
    length = 0;
    if (n > 0) {
      const cut = interchangeStart(text, pieceChars);
      if (cut < 0) {
        if (text.length < maxPieceChars) {
          parts = [text];
          length = text.length;
          continue;
        }
        options.onProblem?.(
          `an interchange longer than ${maxPieceChars / 2 ** 20} M characters cannot be analysed in one piece; the file was checked up to line ${origin.line}`,
        );
        return;
      }
      parts = [text.slice(cut)];
      length = parts[0].length;
      text = text.slice(0, cut);
    }
    yield { text, origin, invalid: invalidBefore(origin.char + text.length) };
    // Only a next piece needs to know where this one ends (counting a 50 MB piece's lines takes ~150 ms).
    if (n === 0) return;
    origin = advance(origin, text);
  }
}

/** Reads into `buffer`; 0 at the end. Standard input (a pipe) may say "try again": wait a little. */
function readChunk(fd: number, buffer: Buffer, position: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, position >= 0 ? position : null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') return 0;
      throw e;
    }
  }
}

/** The first "ISA" at or after `from` that starts an interchange (a readable ISA after a segment end), or -1. */
export function interchangeStart(text: string, from: number): number {
  for (let i = text.indexOf('ISA', from); i >= 0; i = text.indexOf('ISA', i + 3)) {
    const isa = readIsa(text, i);
    if (!isa.delimiters) continue;
    let j = i - 1;
    while (j >= 0 && (text[j] === '\n' || text[j] === '\r' || text[j] === ' ')) j--;
    // After the previous segment's terminator; "ISA" inside data follows a letter, digit or separator.
    if (j >= 0 && !/[A-Za-z0-9]/.test(text[j]) && text[j] !== isa.delimiters.element) return i;
  }
  return -1;
}

/**
 * The origin of the text that follows `text`. Line breaks as the line index counts them: LF, CRLF and
 * a lone CR (old Mac files: the whole file is one line to `\n`-only counting).
 */
export function advance(origin: Origin, text: string): Origin {
  let lines = 0;
  let lastStart = -1;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf >= 0 || cr >= 0) {
    if (cr >= 0 && (lf < 0 || cr < lf)) {
      if (lf === cr + 1) {
        lastStart = lf + 1;
        lf = text.indexOf('\n', lastStart);
      } else lastStart = cr + 1;
      cr = text.indexOf('\r', cr + 1);
    } else {
      lastStart = lf + 1;
      lf = text.indexOf('\n', lastStart);
    }
    lines++;
  }
  const char = origin.char + text.length;
  return lastStart < 0
    ? { line: origin.line, column: origin.column + text.length, char }
    : { line: origin.line + lines, column: text.length - lastStart, char };
}
