import { closeSync, openSync, writeSync } from 'node:fs';
import { analyze } from '../analysis';
import { ADJUSTMENT_CSV_HEADER, adjustmentRecords } from '../report/exportCsv';
import type { Settings } from '../settings';
import { parseArgs } from './args';
import { expandPaths } from './files';
import { progressLine } from './progress';
import { readText } from './readText';

export const EXPORT_USAGE = 'era835 export FILE|DIR... --csv [-o out.csv]   one CSV row per adjustment (CAS triplet)';

/**
 * `era835 export --csv`: every adjustment of every file as CSV, written file by file (to stdout or
 * `-o FILE`) so the output never has to be held in memory. CSV is the only format; `--csv` is accepted
 * so scripts say what they expect.
 */
export function runExport(args: readonly string[], settings: Settings, out: (s: string) => void, err: (s: string) => void, stderr: NodeJS.WriteStream = process.stderr): number {
  const p = parseArgs(args, { flags: ['--csv'], values: ['--output'], aliases: { '-o': '--output' } });
  if (p.problems.length || !p.paths.length) {
    err(`era835: ${p.problems[0] ?? 'export needs files or directories'}\nusage: ${EXPORT_USAGE}\n`);
    return 2;
  }
  const outPath = p.values.get('--output');
  let fd: number | undefined;
  if (outPath) {
    try { fd = openSync(outPath, 'w'); } catch (e) {
      err(`era835: ${outPath}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
  }
  const write = fd === undefined ? out : (s: string) => { writeSync(fd!, s); };
  const { files, problems } = expandPaths(p.paths);
  const progress = progressLine(files.length, stderr);
  let rows = 0;
  let exported = 0;
  try {
    write(ADJUSTMENT_CSV_HEADER);
    for (const [i, { path }] of files.entries()) {
      const r = readText(path);
      if ('problem' in r) problems.push(r.problem);
      else {
        const recs = adjustmentRecords(analyze(r.text, settings), path);
        write(recs.csv);
        rows += recs.rows;
        exported++;
      }
      progress.tick(i + 1, path);
    }
  } finally {
    progress.end();
    if (fd !== undefined) closeSync(fd);
  }
  if (outPath) err(`era835: ${rows} adjustment(s) from ${exported} file(s) written to ${outPath}\n`);
  for (const problem of problems) err(`era835: ${problem}\n`);
  return problems.length ? 2 : 0;
}
