import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../analysis';
import { redact } from '../redact/redact';
import { remittanceReportHtml } from '../report/html/remittanceReport';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { eachPiece, notX12 } from './readPieces';

/**
 * `era835 report FILE -o out.html`: the printable remittance of one file (report/html/remittanceReport.ts),
 * to stdout or `-o FILE`. `--redact` replaces patient data by fakes first (as `era835 redact` does).
 */
export const reportCommand: Command = {
  name: 'report',
  usage: 'era835 report FILE [-o out.html] [--redact]      a printable remittance: one self-contained HTML page',
  help: `Options:
  -o, --output F   write to file F instead of standard output
  --redact         replace patient names, member ids and claim numbers by fakes first
The page has no script and loads nothing; open it in any browser and print it, or save it as PDF.`,
  options: { output: { type: 'string', short: 'o' }, redact: { type: 'boolean' } },
  async run(args, ctx) {
    if (args.paths.length !== 1) return usageProblem(ctx, 'report takes exactly one file');
    const path = args.paths[0];
    const texts: string[] = [];
    const problem = eachPiece(path, (piece) => texts.push(piece.text));
    if (problem) {
      ctx.err(`era835: ${problem}\n`);
      return 2;
    }
    if (texts.length !== 1) {
      ctx.err(`era835: ${path}: too big for one printable report (use era835 export)\n`);
      return 2;
    }
    let text = texts[0];
    if (args.values.redact) {
      const r = redact(text);
      if (!r.ok) {
        ctx.err(`era835: ${path}: ${r.message}\n`);
        return 2;
      }
      text = r.text;
    }
    const a = analyze(text, ctx.settings);
    if (a.tokens.count === 0) {
      ctx.err(`era835: ${notX12(path)}\n`);
      return 2;
    }
    const html = remittanceReportHtml(a, path === '-' ? 'standard input' : basename(path));
    const outPath = args.values.output as string | undefined;
    if (outPath === undefined) {
      ctx.out.write(html);
      ctx.out.flush();
      return 0;
    }
    try {
      writeFileSync(outPath, html);
    } catch (e) {
      ctx.err(`era835: ${outPath}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
    ctx.err(`era835: report of ${path} written to ${outPath}\n`);
    return 0;
  },
};
