import { readFileSync } from 'node:fs';

/** Reads a file as UTF-8, or says in one line why it cannot (the CLI's `problems`). */
export function readText(path: string): { text: string } | { problem: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: `${path}: cannot read (${code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code ?? (e as Error).message})` };
  }
}
