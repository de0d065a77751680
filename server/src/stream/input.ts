import { closeSync, fstatSync, openSync } from 'node:fs';

/** An open input: a regular file, or standard input for `-`. */
export interface Input {
  readonly fd: number;
  /** Bytes, when known (standard input: undefined). */
  readonly size: number | undefined;
  close(): void;
}

/** The name standard input goes by on the command line. */
export const STDIN = '-';

/**
 * Opens a path for reading, or says in one line why not. Only regular files (and `-`, standard input)
 * are read: a device (`/dev/zero`, `/dev/urandom`), a FIFO or a socket may never end.
 */
export function openInput(path: string): Input | { problem: string } {
  if (path === STDIN) return { fd: 0, size: undefined, close: () => undefined };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { problem: cannotRead(path, e) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      return {
        problem: `${path}: ${st.isDirectory() ? 'is a directory' : 'not a regular file (a device, pipe or socket); era835 reads files, and - for standard input'}`,
      };
    }
    return { fd, size: st.size, close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    return { problem: cannotRead(path, e) };
  }
}

/** "PATH: cannot read (why)" in words a person knows. */
export function cannotRead(path: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'ENOENT'
          ? 'no such file or directory'
          : code === 'ENOTDIR'
            ? 'not found (a part of the path is a file, not a directory)'
            : (code ?? (e as Error).message);
  return `${path}: ${code === 'ENOENT' || code === 'ENOTDIR' ? why : `cannot read (${why})`}`;
}

/** Is this error the engine running out of memory for a buffer, string or array (not a bug)? */
export function isOutOfMemory(e: unknown): boolean {
  if (!(e instanceof RangeError) && (e as NodeJS.ErrnoException)?.code !== 'ERR_STRING_TOO_LONG') return false;
  return /allocation failed|Invalid string length|Invalid array length|Invalid typed array length|too long|Array buffer/i.test(
    (e as Error).message,
  );
}

/** The one line said when a file does not fit in memory. */
export function outOfMemory(path: string): string {
  return `${path}: not enough memory to analyse this file (the analysis needs about 3 times its size; raise the memory limit or split the file)`;
}
