import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { nameKind, skipFolder, SNIFF_BYTES, startsLikeX12 } from './x12Names';

/** What a walk found: files to read, and one line per thing that could not be read or was skipped. */
export interface WalkResult {
  /** In order: arguments as given, each folder depth-first with names sorted. Each real file once. */
  readonly files: string[];
  /** Could not be read (missing, permission, broken link): the command line exits 2. */
  readonly problems: string[];
  /** Said but not an error: a link that leads back into a folder being walked (a loop). */
  readonly notes: string[];
}

export interface WalkOptions {
  /** Stop early (the server's cancellation). */
  readonly isCancelled?: () => boolean;
  /** Paths to leave out (VS Code's `files.exclude`), tested on each file and folder. */
  readonly exclude?: (path: string) => boolean;
}

/**
 * The 835 files under the given paths (see x12Names.ts for which files count). Symbolic links are
 * followed, but every real path is visited once: a link to a file already seen is skipped, a link to a
 * folder being walked is a loop (a note, not followed), and a file named twice is read once.
 * Paths named directly are read whatever their name; folders are walked.
 */
export async function walk835Files(paths: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const files: string[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const cancelled = options.isCancelled ?? (() => false);
  const excluded = options.exclude ?? (() => false);

  const addFile = (path: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push(path);
  };

  const walkFolder = async (dir: string, real: string, ancestors: Set<string>): Promise<void> => {
    if (cancelled()) return;
    if (seen.has(real)) return; // reached again through another link: walked once
    seen.add(real);
    let entries;
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      problems.push(`${dir}: cannot read folder (${why(e)})`);
      return;
    }
    const inside = new Set(ancestors).add(real);
    for (const entry of entries) {
      if (cancelled()) return;
      const path = join(dir, entry.name);
      if (excluded(path)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        if (skipFolder(entry.name) && !nameKind(entry.name)) continue;
        try {
          const st = await stat(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (e) {
          if (nameKind(entry.name)) problems.push(`${path}: cannot read (${why(e)})`);
          continue;
        }
      }
      if (isDir) {
        if (skipFolder(entry.name)) continue;
        let target: string;
        try {
          target = await realpath(path);
        } catch (e) {
          problems.push(`${path}: cannot read folder (${why(e)})`);
          continue;
        }
        if (inside.has(target)) {
          notes.push(`${path}: skipped, a link back to ${target} (a loop)`);
          continue;
        }
        await walkFolder(path, target, inside);
        continue;
      }
      if (!isFile) continue; // devices, sockets, FIFOs in a folder are never 835 files
      const kind = nameKind(entry.name);
      if (!kind) continue;
      let real: string;
      try {
        real = await realpath(path);
      } catch (e) {
        problems.push(`${path}: cannot read (${why(e)})`);
        continue;
      }
      if (seen.has(real)) continue;
      if (kind === 'maybe') {
        try {
          if (!(await startsWithIsa(path))) continue;
        } catch (e) {
          problems.push(`${path}: cannot read (${why(e)})`);
          continue;
        }
      }
      addFile(path, real);
    }
  };

  for (const arg of paths) {
    if (arg === '-') {
      files.push(arg);
      continue;
    }
    let st;
    try {
      st = await stat(arg);
    } catch (e) {
      problems.push(`${arg}: ${whyMissing(e)}`);
      continue;
    }
    let real: string;
    try {
      real = await realpath(arg);
    } catch (e) {
      problems.push(`${arg}: ${whyMissing(e)}`);
      continue;
    }
    if (st.isDirectory()) await walkFolder(arg, real, new Set());
    else addFile(arg, real); // named directly: read (and refused there if it is not a regular file)
  }
  return { files, problems, notes };
}

async function startsWithIsa(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return startsLikeX12(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EACCES'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'a broken link or a file that vanished'
      : code === 'ELOOP'
        ? 'too many levels of links'
        : (code ?? (e as Error).message);
}

function whyMissing(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT'
    ? 'no such file or directory'
    : code === 'EACCES'
      ? 'permission denied'
      : code === 'ENOTDIR'
        ? 'not found (a part of the path is a file, not a directory)'
        : code === 'ELOOP'
          ? 'too many levels of links (a loop)'
          : (e as Error).message;
}
