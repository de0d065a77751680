import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const SURE = /\.(835|era)$/i;
const MAYBE = /\.(edi|x12|txt|dat)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

/** Does the file start with "ISA" (after blanks or a BOM)? Reads 16 bytes only. */
async function startsWithIsa(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return /^[\s\uFEFF]*ISA/.test(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await fh.close();
  }
}

/** The 835 files under a folder: *.835 and *.era, and other X12-looking files that start with ISA. */
export async function find835Files(root: string, isCancelled: () => boolean = () => false): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (isCancelled()) return;
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) { if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(p); continue; }
      if (!e.isFile()) continue;
      if (SURE.test(e.name)) out.push(p);
      else if (MAYBE.test(e.name)) { try { if (await startsWithIsa(p)) out.push(p); } catch { /* unreadable: skip */ } }
    }
  };
  await walk(root);
  return out.sort();
}
