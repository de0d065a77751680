import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A path the user named, expanded: files as they are, directories to their 835-looking files. */
export interface InputFile {
  readonly path: string;
}

export interface Expansion {
  readonly files: InputFile[];
  /** One clear line per path that could not be used. */
  readonly problems: string[];
}

const X12_NAME = /\.(835|era|edi|x12|txt|dat)$/i;

/** Expands arguments; directories are walked recursively for files with X12-like extensions. */
export function expandPaths(args: readonly string[]): Expansion {
  const files: InputFile[] = [];
  const problems: string[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push(`${dir}: cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!name.startsWith('.') && name !== 'node_modules') walk(p);
      } else if (X12_NAME.test(name)) files.push({ path: p });
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = statSync(arg);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(
        `${arg}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' ? 'not found (a part of the path is a file, not a directory)' : (e as Error).message}`,
      );
      continue;
    }
    if (st.isDirectory()) walk(arg);
    else files.push({ path: arg });
  }
  return { files, problems };
}
