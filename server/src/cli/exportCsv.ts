import { closeSync, openSync } from 'node:fs';
import { analyze } from '../analysis';
import { ADJUSTMENT_CSV_HEADER, adjustmentRecords } from '../report/exportCsv';
import { walk835Files } from '../workspace/walk';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { BlockWriter } from './output';
import { progressLine } from './progress';
import { eachPiece, notX12 } from './readPieces';

/**
 * `era835 export --csv`: every adjustment of every file as CSV, written piece by piece (to stdout or
 * `-o FILE`) so the output never has to be held in memory. CSV is the only format; `--csv` is accepted
 * so scripts say what they expect.
 */
export const exportCommand: Command = {
  name: 'export',
  usage: 'era835 export FILE|DIR|-... --csv [-o out.csv]   one CSV row per adjustment (CAS triplet)',
  help: `Options:
  --csv            CSV (RFC 4180; the only format, named so scripts say what they expect)
  -o, --output F   write to file F instead of standard output`,
  options: { csv: { type: 'boolean' }, output: { type: 'string', short: 'o' } },
  async run(args, ctx) {
    if (!args.paths.length) return usageProblem(ctx, 'export needs files or directories');
    const outPath = args.values.output as string | undefined;
    let fd: number | undefined;
    if (outPath) {
      try { fd = openSync(outPath, 'w'); } catch (e) {
        ctx.err(`era835: ${outPath}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        return 2;
      }
    }
    const out = fd === undefined ? ctx.out : new BlockWriter(fd);
    const walked = await walk835Files(args.paths);
    for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
    const problems = [...walked.problems];
    const progress = progressLine(walked.files.length, ctx.stderr as NodeJS.WriteStream);
    let rows = 0;
    let exported = 0;
    try {
      out.write(ADJUSTMENT_CSV_HEADER);
      for (const [i, path] of walked.files.entries()) {
        let segments = 0;
        const problem = eachPiece(path, (piece) => {
          const a = analyze(piece.text, ctx.settings);
          segments += a.tokens.count;
          const recs = adjustmentRecords(a, path);
          out.write(recs.csv);
          rows += recs.rows;
        });
        if (problem) problems.push(problem);
        else if (segments === 0) problems.push(notX12(path));
        else exported++;
        progress.tick(i + 1, path);
      }
      out.flush();
    } finally {
      progress.end();
      if (fd !== undefined) closeSync(fd);
    }
    if (outPath) ctx.err(`era835: ${rows} adjustment(s) from ${exported} file(s) written to ${outPath}\n`);
    for (const problem of problems) ctx.err(`era835: ${problem}\n`);
    return problems.length ? 2 : 0;
  },
};
