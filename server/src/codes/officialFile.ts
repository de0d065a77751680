import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { parseOfficialLists, type OfficialParse } from './official';

/**
 * Reads the official lists CSV from disk (local only: never fetched from anywhere). The language server
 * (`loadOfficialLists`) and the command line (`loadOfficialListsSync`) read it the same way: a file that
 * is not a regular file or is larger than `MAX_CODE_LIST_BYTES` is not read at all (a 300 MB file once
 * took the server down, and the client restarted it into the same crash); a bad row is skipped and said.
 */

/**
 * The largest code-list file read: the official CARC and RARC lists with their full wording are some
 * 400 KB together, so 4 MB leaves room for every list an organisation licenses.
 */
export const MAX_CODE_LIST_BYTES = 4 * 1024 * 1024;

export type OfficialFile = OfficialParse & {
  /** Why nothing was read (no file, not a regular file, too large): one line naming the path. */
  readonly error?: string;
};

const NOTHING = { lists: new Map(), rows: 0, skipped: 0, problems: [] } as const;

/** Why a file of this kind and size is not read, or undefined when it may be. */
function refusal(path: string, s: Stats): string | undefined {
  if (!s.isFile()) return `${path} is not a regular file; no official lists are read`;
  if (s.size > MAX_CODE_LIST_BYTES) {
    return `${path} is ${(s.size / 1048576).toFixed(1)} MB; a code list file may be at most ${MAX_CODE_LIST_BYTES / 1048576} MB (the official CARC and RARC lists are well under 1 MB), so it is not read`;
  }
  return undefined;
}

const cannotRead = (path: string, e: unknown): OfficialFile => {
  const code = (e as NodeJS.ErrnoException).code;
  return { ...NOTHING, error: `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? (e as Error).message)}` };
};

export async function loadOfficialLists(path: string): Promise<OfficialFile> {
  try {
    const refused = refusal(path, await stat(path));
    if (refused) return { ...NOTHING, error: refused };
    return parseOfficialLists(await readFile(path, 'utf8'));
  } catch (e) {
    return cannotRead(path, e);
  }
}

export function loadOfficialListsSync(path: string): OfficialFile {
  try {
    const refused = refusal(path, statSync(path));
    if (refused) return { ...NOTHING, error: refused };
    return parseOfficialLists(readFileSync(path, 'utf8'));
  } catch (e) {
    return cannotRead(path, e);
  }
}

/** One line for a user about what a load skipped, or '' when every row was read. */
export function skippedRows(r: OfficialParse): string {
  if (!r.skipped) return '';
  const more = r.skipped > r.problems.length ? `; ${r.skipped - r.problems.length} more` : '';
  return `${r.skipped} row(s) skipped (${r.problems.join('; ')}${more}); ${r.rows} code(s) read`;
}
