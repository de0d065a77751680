import { analyze } from '../analysis';
import {
  ImpactAccumulator,
  impactCsv,
  impactOfAnalysis,
  sharePercent,
  type ImpactEntry,
  type ImpactGrouping,
  type ImpactRow,
} from '../report/impact';
import { walk835Files } from '../workspace/walk';
import { formatMoney } from '../x835/values';
import { usageProblem } from './checkCommand';
import type { Command } from './context';
import { progressLine } from './progress';
import { eachPiece, notX12 } from './readPieces';
import { textTable } from './textTable';

/**
 * `era835 impact`: Medicare sequestration over many remits, by month of payment or by payer. Files are
 * read, analysed and reduced to a few numbers one at a time (constant memory for any number of files),
 * with a progress line on stderr. Output: a table, `--csv` (RFC 4180) or `--json`.
 */
export const impactCommand: Command = {
  name: 'impact',
  usage: 'era835 impact DIR|FILE|-... [--by month|payer] [--csv] [--json]   Medicare sequestration by payment month or payer',
  help: `Options:
  --by month|payer   rows by month of payment (default) or by payer
  --csv              the table as CSV (RFC 4180)
  --json             the rows and total as JSON, money in integer cents`,
  options: { by: { type: 'string' }, csv: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, ctx) {
    const by = (args.values.by ?? 'month') as ImpactGrouping;
    if (!args.paths.length) return usageProblem(ctx, 'impact needs files or directories');
    if (by !== 'month' && by !== 'payer') return usageProblem(ctx, `--by takes month or payer, not "${by}"`);
    const walked = await walk835Files(args.paths);
    for (const n of walked.notes) ctx.err(`era835: ${n}\n`);
    const problems = [...walked.problems];
    const acc = new ImpactAccumulator();
    const progress = progressLine(walked.files.length, ctx.stderr as NodeJS.WriteStream);
    for (const [i, path] of walked.files.entries()) {
      const entries: ImpactEntry[] = [];
      let said: string | undefined;
      let segments = 0;
      let problem = eachPiece(path, (piece) => {
        const a = analyze(piece.text, ctx.settings);
        segments += a.tokens.count;
        const impact = impactOfAnalysis(a, ctx.settings, path);
        for (const e of impact.entries) entries.push(e);
        said ??= impact.problem;
      });
      if (!problem && segments === 0) problem = notX12(path);
      if (problem) problems.push(problem);
      else acc.add({ file: path, entries, problem: entries.length ? undefined : said });
      progress.tick(i + 1, path);
    }
    progress.end();

    const rows = acc.rows(by);
    const total = acc.total();
    if (args.values.json) ctx.out.write(JSON.stringify({ by, files: acc.fileCount, rows, total, problems }, null, 2) + '\n');
    else if (args.values.csv) ctx.out.write(impactCsv(rows, by, total));
    else ctx.out.write(impactText(rows, total, by, acc.fileCount).join('\n') + '\n');
    ctx.out.flush();
    for (const problem of problems) ctx.err(`era835: ${problem}\n`);
    return problems.length ? 2 : 0;
  },
};

/** The impact table for a terminal. */
export function impactText(rows: readonly ImpactRow[], total: ImpactRow, by: ImpactGrouping, files: number): string[] {
  const line = (r: ImpactRow) => [
    r.label,
    String(r.files),
    String(r.claims),
    formatMoney(r.paidCents),
    formatMoney(r.medicarePaidCents),
    formatMoney(r.medicareCo253Cents),
    r.share === null ? '' : `${sharePercent(r.share)}%`,
    String(r.deviating),
    formatMoney(r.deviationCents),
    formatMoney(r.co253Cents - r.medicareCo253Cents),
  ];
  return [
    `Medicare sequestration by ${by === 'month' ? 'month of payment' : 'payer'}: ${files} file(s)`,
    '',
    ...textTable(
      [
        { title: by === 'month' ? 'Month' : 'Payer', max: 40 },
        { title: 'Files', align: 'right' },
        { title: 'Claims', align: 'right' },
        { title: 'Paid', align: 'right' },
        { title: 'Medicare paid', align: 'right' },
        { title: 'Medicare CO-253', align: 'right' },
        { title: 'Share', align: 'right' },
        { title: 'Off-rate lines', align: 'right' },
        { title: 'Deviation', align: 'right' },
        { title: 'Other CO-253', align: 'right' },
      ],
      [...rows.map(line), line(total)],
    ),
    '',
    'Share = CO-253 / (paid + CO-253) on Medicare fee-for-service claims (CLP06 MA/MB); off-rate lines are Medicare CO-253s off the rate table',
    '(co253-amount, co253-suspended-period, co253-duplicate). Other CO-253 is taken by payers that are not Medicare fee-for-service (co253-non-medicare).',
  ];
}
