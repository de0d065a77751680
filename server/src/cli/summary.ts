import { analyze } from '../analysis';
import { summarize, type RemittanceSummary } from '../report/summary';
import type { Settings } from '../settings';
import { parseArgs } from './args';
import { expandPaths } from './files';
import { readText } from './readText';
import { summaryText } from './summaryText';

export const SUMMARY_USAGE = 'era835 summary FILE... [--json]            payments, totals by class, adjustments by reason, worklist, balancing';

/**
 * `era835 summary FILE [--json]`: the remittance summary of each file, as tables or as JSON (one file:
 * the summary object the editor's webview draws; several: an array of { file, summary }).
 * Exit status 0, or 2 when a path cannot be read or the usage is wrong.
 */
export function runSummary(args: readonly string[], settings: Settings, out: (s: string) => void, err: (s: string) => void): number {
  const p = parseArgs(args, { flags: ['--json'], values: [] });
  if (p.problems.length || !p.paths.length) {
    err(`era835: ${p.problems[0] ?? 'summary needs a file'}\nusage: ${SUMMARY_USAGE}\n`);
    return 2;
  }
  const { files, problems } = expandPaths(p.paths);
  const results: Array<{ file: string; summary: RemittanceSummary }> = [];
  let printed = 0;
  for (const { path } of files) {
    const r = readText(path);
    if ('problem' in r) { problems.push(r.problem); continue; }
    const a = analyze(r.text, settings);
    if (a.tokens.count === 0) { problems.push(`${path}: not an X12 file (no segment could be read; an 835 starts with ISA)`); continue; }
    const summary = summarize(a, settings);
    if (p.flags.has('--json')) results.push({ file: path, summary });
    else out((printed++ ? '\n\n' : '') + summaryText(summary, path).join('\n') + '\n');
  }
  if (p.flags.has('--json')) out(JSON.stringify(results.length === 1 && files.length === 1 ? results[0].summary : results, null, 2) + '\n');
  for (const problem of problems) err(`era835: ${problem}\n`);
  return problems.length ? 2 : 0;
}
