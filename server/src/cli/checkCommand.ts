import { availableParallelism } from 'node:os';
import { walk835Files } from '../workspace/walk';
import { jobsOption } from './args';
import { checkFile } from './check';
import { checkInParallel, worthWorkers } from './parallelCheck';
import { reversalPairFindings } from './reversalPairs';
import type { Command } from './context';

/**
 * `era835 check`: every finding of every file, as `file:line:col severity code message` lines or as
 * JSON written as it is made (`{"findings":[...],"problems":[...],"filesChecked":N,"counts":{...}}`:
 * two million findings never become one string). Text output shows each identical finding (same code,
 * same words) REPEAT_CAP times per file and says how many more there were; `--all` shows them all.
 */
export const checkCommand: Command = {
  name: 'check',
  usage: 'era835 check FILE|DIR|-... [--json] [--all]   every finding as file:line:col severity code message',
  help: `Options:
  --json        JSON written as it is made: {"findings":[{file,line,column,endLine,endColumn,severity,code,message}...],
                "problems":[...],"filesChecked":N,"counts":{"error":N,...}}
  --all         show every finding; by default a finding repeated with the same code and words is shown
                100 times per file, then counted on stderr
  -j, --jobs N  files (or parts of one big file) analysed at once; default: the number of cores
Lines and columns are 1-based; columns count UTF-16 units, as the editor does.`,
  options: { json: { type: 'boolean' }, all: { type: 'boolean' }, jobs: { type: 'string', short: 'j' } },
  async run(args, ctx) {
    if (!args.paths.length) return usageProblem(ctx, 'check needs at least one file or directory');
    const jobs = jobsOption(args.values.jobs, availableParallelism());
    if (typeof jobs !== 'number') return usageProblem(ctx, jobs.problem);
    const walked = await walk835Files(args.paths);
    for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
    const json = args.values.json === true;
    const problems = [...walked.problems];
    const counts = [0, 0, 0, 0];
    let filesChecked = 0;
    let first = true;
    const emit = json
      ? (block: string) => {
          ctx.out.write(first ? block : ',\n' + block);
          first = false;
        }
      : (block: string) => ctx.out.write(block);
    if (json) ctx.out.write('{"findings":[\n');
    const format = json ? 'json' : 'text';
    const all = args.values.all === true;
    const results = worthWorkers(walked.files, jobs)
      ? await checkInParallel(walked.files, jobs, { format, all, settings: ctx.settings, emit, err: ctx.err }, ctx.workerFile)
      : walked.files.map((path) => checkFile(path, ctx.settings, { format, all }, emit, (l) => ctx.err(l)));
    for (const r of results) {
      for (const n of r.notes) ctx.err(`era835: ${n}\n`);
      if (r.problem) problems.push(r.problem);
      if (!r.problem || r.read) filesChecked++;
      for (let i = 0; i < 4; i++) counts[i] += r.counts[i];
    }
    // Reversals whose original is in another of the files: said after the files' own findings.
    const pairs = await reversalPairFindings(walked.files, ctx.settings, format);
    for (const block of pairs.blocks) emit(block);
    for (let i = 0; i < 4; i++) counts[i] += pairs.counts[i];
    if (json) {
      ctx.out.write(
        `${first ? '' : '\n'}],\n"problems":${JSON.stringify(problems)},\n"filesChecked":${filesChecked},\n"counts":{"error":${counts[0]},"warning":${counts[1]},"information":${counts[2]},"hint":${counts[3]}}}\n`,
      );
    }
    ctx.out.flush();
    for (const p of problems) ctx.err(`era835: ${p}\n`);
    if (!json)
      ctx.err(
        `${filesChecked} file(s) checked: ${counts[0]} error(s), ${counts[1]} warning(s), ${counts[2]} information, ${counts[3]} hint(s)\n`,
      );
    if (problems.length) return 2;
    return counts[0] ? 1 : 0;
  },
};

export function usageProblem(ctx: { err: (s: string) => void }, problem: string): number {
  ctx.err(`era835: ${problem} (era835 --help for usage)\n`);
  return 2;
}
