import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { TABLE_LEVELS, TABLES, type TableFormat, type TableLevel } from '../report/tables';
import { walk835Files } from '../workspace/walk';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { jobsOption } from './args';
import { exportInParallel } from './exportParallel';
import { exportTables, type TableSink } from './exportTables';
import { BlockWriter } from './output';
import { progressLine } from './progress';

const FORMATS: readonly TableFormat[] = ['csv', 'ndjson'];

/**
 * `era835 export`: the claim, line or adjustment table of every file (columns: docs/export-columns.md),
 * as CSV or NDJSON, to stdout, to `-o FILE`, or with `-o DIR/` all three tables into DIR
 * (claims.csv, lines.csv, adjustments.csv, or .ndjson). Written piece by piece, never held in memory.
 * `--redact` replaces patient data by consistent fakes first (as `era835 redact` does).
 */
export const exportCommand: Command = {
  name: 'export',
  usage:
    'era835 export FILE|DIR|-... [--level claim|line|adjustment] [--format csv|ndjson] [-o FILE | -o DIR/] [--redact] [--jobs N]   tables of claims, lines or adjustments',
  help: `Options:
  --level L        claim, line or adjustment (one row per CAS triplet; the default)
  --format F       csv (RFC 4180; the default) or ndjson (one JSON object per line)
  --csv            the same as --format csv
  -o, --output P   write to file P; a directory (existing, or ending in /) gets all three tables
                   (claims, lines, adjustments) unless --level names one
  --redact         replace patient names, member ids and claim numbers by consistent fakes first
  --salt S         the key of those fakes (repeatable across runs); random by default
  -j, --jobs N     files exported at once on worker threads; default: the number of cores. The
                   tables are the same as with one job, row for row
Columns: docs/export-columns.md.`,
  options: {
    csv: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    level: { type: 'string' },
    format: { type: 'string' },
    redact: { type: 'boolean' },
    salt: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
  },
  async run(args, ctx) {
    if (!args.paths.length) return usageProblem(ctx, 'export needs files or directories');
    const level = args.values.level as TableLevel | undefined;
    if (level !== undefined && !TABLE_LEVELS.includes(level)) return usageProblem(ctx, `--level must be one of ${TABLE_LEVELS.join(', ')}`);
    const format = (args.values.format ?? 'csv') as TableFormat;
    if (!FORMATS.includes(format)) return usageProblem(ctx, '--format must be csv or ndjson');
    if (args.values.csv && format !== 'csv') return usageProblem(ctx, '--csv and --format ndjson contradict each other');
    const outPath = args.values.output as string | undefined;
    const toDir = outPath !== undefined && (/[\\/]$/.test(outPath) || isDirectory(outPath));
    const levels: TableLevel[] = toDir && level === undefined ? [...TABLE_LEVELS] : [level ?? 'adjustment'];
    const jobs = jobsOption(args.values.jobs, availableParallelism());
    if (typeof jobs !== 'number') return usageProblem(ctx, jobs.problem);
    const redactSalt = args.values.redact ? ((args.values.salt as string | undefined) ?? randomBytes(16).toString('hex')) : undefined;

    const fds: number[] = [];
    const writers: BlockWriter[] = [];
    const sinks: Partial<Record<TableLevel, TableSink>> = {};
    const targets: string[] = [];
    try {
      if (toDir) mkdirSync(outPath, { recursive: true });
      for (const l of levels) {
        if (outPath === undefined) {
          sinks[l] = (s) => ctx.out.write(s);
          continue;
        }
        const target = toDir ? join(outPath, `${TABLES[l].stem}.${format}`) : outPath;
        const fd = openSync(target, 'w');
        fds.push(fd);
        targets.push(target);
        const w = new BlockWriter(fd);
        writers.push(w);
        sinks[l] = (s) => w.write(s);
      }
    } catch (e) {
      for (const fd of fds) closeSync(fd);
      ctx.err(`era835: ${outPath}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
    const walked = await walk835Files(args.paths);
    for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
    const progress = progressLine(walked.files.length, ctx.stderr as NodeJS.WriteStream);
    let counts;
    try {
      const tick = (done: number, path: string) => progress.tick(done, path);
      // Workers pay off from two files; one file is exported here (its pieces one after the other).
      counts =
        jobs > 1 && walked.files.length > 1
          ? await exportInParallel(walked.files, jobs, sinks, ctx.settings, { format, redactSalt }, ctx.workerFile, tick)
          : exportTables(walked.files, sinks, ctx.settings, { format, redactSalt }, tick);
      for (const w of writers) w.flush();
      ctx.out.flush();
    } finally {
      progress.end();
      for (const fd of fds) closeSync(fd);
    }
    if (outPath !== undefined) {
      const what = levels.map((l) => `${counts.rows[l]} ${TABLES[l].stem}`).join(', ');
      ctx.err(`era835: ${what} from ${counts.files} file(s) written to ${targets.join(', ')}\n`);
    }
    const problems = [...walked.problems, ...counts.problems];
    for (const problem of problems) ctx.err(`era835: ${problem}\n`);
    return problems.length ? 2 : 0;
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
