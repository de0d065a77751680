import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { basename, join } from 'node:path';
import { encodeKeepingBytes } from '../stream/keepBytes';
import { cannotRead, isOutOfMemory, openInput, outOfMemory } from '../stream/input';
import { readPieces } from '../stream/pieces';
import { walk835Files } from '../workspace/walk';
import { redact } from './redact';

/**
 * The `era835 redact` command. It takes what it needs from the command line through these small types
 * (no import of cli/: the command line imports redaction, not the other way round).
 */
export interface RedactCliContext {
  /** Writes bytes to standard output (after anything written before). */
  readonly writeOut: (bytes: Uint8Array) => void;
  /** Writes bytes to a file descriptor (an `--out-dir` file). */
  readonly writeFd: (fd: number, bytes: Uint8Array) => void;
  readonly err: (line: string) => void;
}

export const REDACT_USAGE =
  'era835 redact FILE|DIR|-... [--salt S] [--out-dir DIR]  the file with patient data replaced by consistent fakes';
export const REDACT_HELP = `Options:
  --salt S         the same salt gives the same fakes (across runs and files); default: random per run
  --out-dir DIR    write each file to DIR under its own name instead of standard output
Bytes that are not UTF-8 are kept as they are: the output lines up with the input byte for byte.`;
export const REDACT_OPTIONS = { salt: { type: 'string' }, 'out-dir': { type: 'string' } } as const;

/**
 * `era835 redact FILE > sample.835`: prints the redacted text (several files: one after the other), or
 * writes each to `--out-dir` under its own name. One salt per run, so a claim or patient that appears in
 * several files gets the same fake in each; `--salt` makes the fakes repeatable across runs. Files are
 * redacted piece by piece (whole interchanges) and written as they are done.
 * A file that cannot be read or is not X12 gets one line on stderr and is skipped (never echoed: it may
 * hold exactly what redaction is for); the others are still redacted. Exit 0, or 2 when any file failed.
 */
export async function runRedact(
  paths: readonly string[],
  values: { salt?: string; outDir?: string },
  ctx: RedactCliContext,
): Promise<number> {
  const salt = values.salt ?? randomBytes(16).toString('hex');
  const outDir = values.outDir;
  const walked = await walk835Files(paths);
  for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
  for (const problem of walked.problems) ctx.err(`era835: ${problem}\n`);
  let failed = walked.problems.length;
  if (outDir) {
    try {
      mkdirSync(outDir, { recursive: true });
    } catch (e) {
      ctx.err(`era835: --out-dir ${outDir}: cannot create it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  }
  const written = new Set<string>();
  for (const path of walked.files) {
    const input = openInput(path);
    if ('problem' in input) {
      ctx.err(`era835: ${input.problem}\n`);
      failed++;
      continue;
    }
    const target = outDir ? uniqueName(outDir, basename(path === '-' ? 'stdin.835' : path), written) : undefined;
    let fd: number | undefined;
    let replaced = 0;
    let distinct = 0;
    let problem: string | undefined;
    try {
      for (const piece of readPieces(input.fd, { onProblem: (m) => (problem = `${path}: ${m}`) })) {
        const r = redact(piece.text, { salt });
        if (!r.ok) {
          // A first piece that is not X12 is never echoed; a later one (junk after the last IEA) is dropped.
          problem ??= `${path}: ${r.message}`;
          break;
        }
        const bytes = encodeKeepingBytes(r.text);
        if (target && fd === undefined) {
          try {
            fd = openSync(target, 'w');
          } catch (e) {
            problem = `${target}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
            break;
          }
        }
        if (fd === undefined) ctx.writeOut(bytes);
        else ctx.writeFd(fd, bytes);
        replaced += r.replaced;
        distinct += r.distinct;
      }
    } catch (e) {
      if (isOutOfMemory(e)) problem = outOfMemory(path);
      else if ((e as NodeJS.ErrnoException).code && (e as NodeJS.ErrnoException).code !== 'EPIPE') problem = cannotRead(path, e);
      else throw e;
    } finally {
      input.close();
      if (fd !== undefined) closeSync(fd);
    }
    if (problem) {
      ctx.err(`era835: ${problem}\n`);
      failed++;
      continue;
    }
    ctx.err(
      target
        ? `era835: ${path} -> ${target}: ${replaced} value(s) replaced (${distinct} distinct)\n`
        : `era835: ${path}: ${replaced} value(s) replaced (${distinct} distinct)\n`,
    );
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
