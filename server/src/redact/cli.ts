import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from '../cli/args';
import { expandPaths } from '../cli/files';
import { readText } from '../cli/readText';
import { redact } from './redact';

export const REDACT_USAGE = 'era835 redact FILE... [--salt S] [--out-dir DIR]  the file with patient data replaced by consistent fakes';

/**
 * `era835 redact FILE > sample.835`: prints the redacted text (several files: one after the other), or
 * writes each to `--out-dir` under its own name. One salt per run, so a claim or patient that appears in
 * several files gets the same fake in each; `--salt` makes the fakes repeatable across runs.
 * A file that cannot be read or is not X12 gets one line on stderr and is skipped (never echoed: it may
 * hold exactly what redaction is for); the others are still redacted. Exit 0, or 2 when any file failed.
 */
export function runRedact(args: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const p = parseArgs(args, { flags: [], values: ['--salt', '--out-dir'] });
  if (p.problems.length || !p.paths.length) {
    err(`era835: ${p.problems[0] ?? 'redact needs a file'}\nusage: ${REDACT_USAGE}\n`);
    return 2;
  }
  const salt = p.values.get('--salt') ?? randomBytes(16).toString('hex');
  const outDir = p.values.get('--out-dir');
  const { files, problems } = expandPaths(p.paths);
  for (const problem of problems) err(`era835: ${problem}\n`);
  let failed = problems.length;
  if (outDir) {
    try { mkdirSync(outDir, { recursive: true }); } catch (e) {
      err(`era835: --out-dir ${outDir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  }
  const written = new Set<string>();
  for (const { path } of files) {
    const read = readText(path);
    if ('problem' in read) { err(`era835: ${read.problem}\n`); failed++; continue; }
    const r = redact(read.text, { salt });
    if (!r.ok) { err(`era835: ${path}: ${r.message}\n`); failed++; continue; }
    if (!outDir) {
      out(r.text);
      err(`era835: ${path}: ${r.replaced} value(s) replaced (${r.distinct} distinct)\n`);
      continue;
    }
    const target = uniqueName(outDir, basename(path), written);
    try {
      writeFileSync(target, r.text);
      err(`era835: ${path} -> ${target}: ${r.replaced} value(s) replaced (${r.distinct} distinct)\n`);
    } catch (e) {
      err(`era835: ${target}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      failed++;
    }
  }
  return failed ? 2 : 0;
}

/** DIR/name, or DIR/name-2... when another input of this run (or an existing file) already has it. */
function uniqueName(dir: string, name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = join(dir, name);
  for (let n = 2; taken.has(candidate) || existsSync(candidate); n++) candidate = join(dir, `${stem}-${n}${ext}`);
  taken.add(candidate);
  return candidate;
}
