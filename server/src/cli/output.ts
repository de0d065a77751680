import { writeSync } from 'node:fs';

/** The reader of our output went away (`era835 check big.835 | head`): stop quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
  }
}

/** Characters collected before one write: a 50 MB check writes ~40 blocks, not 158,000 lines. */
const BLOCK_CHARS = 1 << 20;

/**
 * Output written in large blocks, synchronously, straight to a file descriptor (stdout, or `-o FILE`):
 * no stream buffering that grows without bound when the reader is slower than we are.
 */
export class BlockWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly fd: number,
    private readonly blockChars = BLOCK_CHARS,
  ) {}

  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= this.blockChars) this.flush();
  }

  /** Bytes as they are (redacted text that keeps non-UTF-8 bytes), after what was written before. */
  writeBytes(bytes: Uint8Array): void {
    this.flush();
    writeAll(this.fd, bytes);
  }

  flush(): void {
    if (!this.size) return;
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.size = 0;
    writeAll(this.fd, Buffer.from(s, 'utf8'));
  }
}

/** Writes every byte: a pipe may take part of a block, or say "try again" when it is full. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') throw new OutputClosed();
      throw e;
    }
  }
}

/** One line on stderr, written at once (progress and problems are read while the command runs). */
export function errLine(s: string): void {
  try {
    writeAll(2, Buffer.from(s, 'utf8'));
  } catch {
    /* stderr closed: nothing left to tell */
  }
}
