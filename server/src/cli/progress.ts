/**
 * A progress line on stderr for long runs. On a terminal it rewrites one line (`\r[n/N] file`); when
 * stderr is a pipe or a file (CI logs) it writes a whole line every `every` files (and for the last one
 * of a long run), so logs stay short but show the run is alive; short runs stay quiet.
 */
export interface Progress {
  tick(done: number, file: string): void;
  /** Clears the terminal line (no-op when not a terminal). */
  end(): void;
}

export function progressLine(total: number, stream: NodeJS.WriteStream = process.stderr, every = 50): Progress {
  const tty = !!stream.isTTY;
  return {
    tick(done, file) {
      if (tty) stream.write(`\r\x1b[K[${done}/${total}] ${file}`);
      else if (done % every === 0 || (done === total && total > every)) stream.write(`[${done}/${total}] ${file}\n`);
    },
    end() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
