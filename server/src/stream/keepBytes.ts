import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 decoding that keeps every byte. A byte that is not part of valid UTF-8 becomes one lone
 * surrogate U+DC80..U+DCFF (Python's "surrogateescape"), never U+FFFD: the text keeps one UTF-16 unit
 * per bad byte, so offsets and findings still line up, and `encodeKeepingBytes` writes the original
 * byte back (redacted output lines up with its input byte for byte). Valid UTF-8 never decodes to a
 * lone surrogate, so the escape cannot be confused with real text.
 */
export class KeepBytesDecoder {
  private carry: Buffer = Buffer.alloc(0);
  private produced = 0;
  /** UTF-16 offsets (in all the text returned so far) of bytes that were not UTF-8, up to `limit`. */
  readonly invalid: number[] = [];
  /** How many bytes were not UTF-8 (also those past `limit`). */
  invalidCount = 0;

  constructor(private readonly limit = 10_000) {}

  /** Decodes a chunk; an incomplete sequence at its end waits for the next chunk. `chunk` may be reused afterwards. */
  write(chunk: Uint8Array): string {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const cut = incompleteTail(buf);
    this.carry = Buffer.from(buf.subarray(cut)); // a copy: the caller reuses its read buffer
    return this.decode(buf.subarray(0, cut));
  }

  /** The rest: an unfinished sequence at the very end is bytes that are not UTF-8. */
  end(): string {
    const rest = this.carry;
    this.carry = Buffer.alloc(0);
    return rest.length ? this.decode(rest, true) : '';
  }

  private decode(body: Buffer, final = false): string {
    if (!final && isUtf8(body)) {
      const text = body.toString('utf8');
      this.produced += text.length;
      return text;
    }
    const parts: string[] = [];
    let runStart = 0;
    let i = 0;
    while (i < body.length) {
      if (body[i] < 0x80) {
        i++;
        continue;
      }
      const n = sequenceLength(body, i);
      if (n) {
        i += n;
        continue;
      }
      if (i > runStart) this.push(parts, body.toString('utf8', runStart, i));
      if (this.invalid.length < this.limit) this.invalid.push(this.produced);
      this.invalidCount++;
      this.push(parts, String.fromCharCode(0xdc00 + body[i]));
      runStart = ++i;
    }
    if (i > runStart) this.push(parts, body.toString('utf8', runStart, i));
    return parts.join('');
  }

  private push(parts: string[], s: string): void {
    parts.push(s);
    this.produced += s.length;
  }
}

/** Where a trailing, not yet complete UTF-8 sequence starts (the buffer's length when there is none). */
function incompleteTail(buf: Uint8Array): number {
  const len = buf.length;
  for (let k = 1; k <= 3 && k <= len; k++) {
    const b = buf[len - k];
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? len - k : len;
  }
  return len;
}

const cont = (b: number | undefined, lo = 0x80, hi = 0xbf) => b !== undefined && b >= lo && b <= hi;

/** Length of the valid UTF-8 sequence at `i` (Unicode table 3-7), or 0 when the byte there starts none. */
function sequenceLength(s: Uint8Array, i: number): number {
  const b = s[i];
  if (b >= 0xc2 && b <= 0xdf) return cont(s[i + 1]) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(s[i + 1], lo, hi) && cont(s[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(s[i + 1], lo, hi) && cont(s[i + 2]) && cont(s[i + 3]) ? 4 : 0;
  }
  return 0;
}

const ESCAPED = /[\udc80-\udcff]/u;
const ESCAPED_ALL = /[\udc80-\udcff]/gu;

/** Text back to bytes: UTF-8, with each escaped byte (see KeepBytesDecoder) written as the byte it was. */
export function encodeKeepingBytes(text: string): Buffer {
  if (!ESCAPED.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(ESCAPED_ALL)) {
    parts.push(Buffer.from(text.slice(last, m.index), 'utf8'), Buffer.of(m[0].charCodeAt(0) - 0xdc00));
    last = m.index + 1;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/** Decodes a whole buffer keeping every byte (small inputs: stdin of a test, a settings file). */
export function decodeKeepingBytes(bytes: Uint8Array): { text: string; invalid: number[]; invalidCount: number } {
  const d = new KeepBytesDecoder();
  const text = d.write(bytes) + d.end();
  return { text, invalid: d.invalid, invalidCount: d.invalidCount };
}
