import { analyze } from '../analysis';
import { summarize, type RemittanceSummary } from '../report/summary';
import { walk835Files } from '../workspace/walk';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { eachPiece, notX12 } from './readPieces';
import { summaryText } from './summaryText';

/**
 * `era835 summary FILE [--json]`: the remittance summary of each file, as tables or as JSON (one file:
 * the summary object the editor's webview draws; several: an array of { file, summary }, written file by
 * file). A file too long for one piece (over 160 M characters) gets one summary per piece of whole
 * interchanges, labelled with the line it starts at.
 */
export const summaryCommand: Command = {
  name: 'summary',
  usage: 'era835 summary FILE|DIR|-... [--json]            payments, totals by class, adjustments by reason, worklist, balancing',
  help: `Options:
  --json   the summary as JSON (one file: the object; several: [{ "file", "summary" }...]); money in integer cents`,
  options: { json: { type: 'boolean' } },
  async run(args, ctx) {
    if (!args.paths.length) return usageProblem(ctx, 'summary needs a file');
    const walked = await walk835Files(args.paths);
    for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
    const problems = [...walked.problems];
    const json = args.values.json === true;
    const single = walked.files.length === 1 && args.paths.length === 1;
    const held: Array<{ file: string; fromLine?: number; summary: RemittanceSummary }> = [];
    let printed = 0;
    const show = (file: string, summary: RemittanceSummary, fromLine: number | undefined) => {
      const entry = fromLine === undefined ? { file, summary } : { file, fromLine, summary };
      if (json && single) held.push(entry);
      else if (json) ctx.out.write(`${printed++ ? ',\n' : '[\n'}${JSON.stringify(entry, null, 2)}`);
      else
        ctx.out.write(
          (printed++ ? '\n\n' : '') +
            summaryText(summary, fromLine === undefined ? file : `${file} (interchanges from line ${fromLine})`).join('\n') +
            '\n',
        );
    };
    for (const path of walked.files) {
      let segments = 0;
      let pieces = 0;
      const problem = eachPiece(path, (piece) => {
        const a = analyze(piece.text, ctx.settings);
        segments += a.tokens.count;
        if (a.tokens.count === 0) return;
        // A file in one piece (nearly always) is summarised as such; pieces say where they start.
        show(path, summarize(a, ctx.settings), pieces++ || piece.origin.char > 0 ? piece.origin.line : undefined);
      });
      if (problem) problems.push(problem);
      else if (segments === 0) problems.push(notX12(path));
    }
    if (json && single)
      ctx.out.write(JSON.stringify(held.length === 1 && held[0].fromLine === undefined ? held[0].summary : held, null, 2) + '\n');
    else if (json) ctx.out.write(printed ? '\n]\n' : '[]\n');
    ctx.out.flush();
    for (const problem of problems) ctx.err(`era835: ${problem}\n`);
    return problems.length ? 2 : 0;
  },
};
