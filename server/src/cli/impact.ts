import { analyze } from '../analysis';
import { ImpactAccumulator, impactCsv, impactOfAnalysis, sharePercent, type ImpactGrouping, type ImpactRow } from '../report/impact';
import type { Settings } from '../settings';
import { formatMoney } from '../x835/values';
import { parseArgs } from './args';
import { expandPaths } from './files';
import { progressLine } from './progress';
import { readText } from './readText';
import { textTable } from './textTable';

export const IMPACT_USAGE = 'era835 impact DIR|FILE... [--by month|payer] [--csv] [--json]   Medicare sequestration by payment month or payer';

/**
 * `era835 impact`: Medicare sequestration over many remits, by month of payment or by payer. Files are
 * read, analysed and reduced to a few numbers one at a time (constant memory for any number of files),
 * with a progress line on stderr. Output: a table, `--csv` (RFC 4180) or `--json`.
 */
export function runImpact(args: readonly string[], settings: Settings, out: (s: string) => void, err: (s: string) => void, stderr: NodeJS.WriteStream = process.stderr): number {
  const p = parseArgs(args, { flags: ['--json', '--csv'], values: ['--by'] });
  const by = (p.values.get('--by') ?? 'month') as ImpactGrouping;
  const problem = p.problems[0] ?? (!p.paths.length ? 'impact needs files or directories' : by !== 'month' && by !== 'payer' ? `--by takes month or payer, not "${by}"` : undefined);
  if (problem) {
    err(`era835: ${problem}\nusage: ${IMPACT_USAGE}\n`);
    return 2;
  }
  const { files, problems } = expandPaths(p.paths);
  const acc = new ImpactAccumulator();
  const progress = progressLine(files.length, stderr);
  for (const [i, { path }] of files.entries()) {
    const r = readText(path);
    if ('problem' in r) problems.push(r.problem);
    else acc.add(impactOfAnalysis(analyze(r.text, settings), settings, path));
    progress.tick(i + 1, path);
  }
  progress.end();

  const rows = acc.rows(by);
  const total = acc.total();
  if (p.flags.has('--json')) out(JSON.stringify({ by, files: acc.fileCount, rows, total, problems }, null, 2) + '\n');
  else if (p.flags.has('--csv')) out(impactCsv(rows, by, total));
  else out(impactText(rows, total, by, acc.fileCount).join('\n') + '\n');
  for (const problem of problems) err(`era835: ${problem}\n`);
  return problems.length ? 2 : 0;
}

/** The impact table for a terminal. */
export function impactText(rows: readonly ImpactRow[], total: ImpactRow, by: ImpactGrouping, files: number): string[] {
  const line = (r: ImpactRow) => [
    r.label, String(r.files), String(r.claims), formatMoney(r.paidCents), formatMoney(r.medicarePaidCents),
    formatMoney(r.co253Cents), r.share === null ? '' : `${sharePercent(r.share)}%`, String(r.deviating), formatMoney(r.deviationCents),
  ];
  return [
    `Medicare sequestration by ${by === 'month' ? 'month of payment' : 'payer'}: ${files} file(s)`,
    '',
    ...textTable([
      { title: by === 'month' ? 'Month' : 'Payer', max: 40 }, { title: 'Files', align: 'right' }, { title: 'Claims', align: 'right' },
      { title: 'Paid', align: 'right' }, { title: 'Medicare paid', align: 'right' }, { title: 'CO-253', align: 'right' },
      { title: 'Share', align: 'right' }, { title: 'Off-rate lines', align: 'right' }, { title: 'Deviation', align: 'right' },
    ], [...rows.map(line), line(total)]),
    '',
    'Share = CO-253 / (paid + CO-253) on Medicare fee-for-service claims (CLP06 MA/MB); off-rate lines are co253-amount findings.',
  ];
}
