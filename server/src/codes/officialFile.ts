import { readFile } from 'node:fs/promises';
import { parseOfficialLists, type OfficialParse } from './official';

/** Reads the official lists CSV from disk (local only: never fetched from anywhere). */
export async function loadOfficialLists(path: string): Promise<OfficialParse & { error?: string }> {
  try {
    return parseOfficialLists(await readFile(path, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { lists: new Map(), rows: 0, problems: [], error: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message}` };
  }
}
