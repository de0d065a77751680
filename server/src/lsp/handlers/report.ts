import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from '../../analysis';
import { redact } from '../../redact/redact';
import { csvHeader, fileTables, TABLE_LEVELS, TABLES, type TableDef, type TableLevel } from '../../report/tables';
import { impactOfAnalysis, type FileImpact } from '../../report/impact';
import { impactTable } from '../../report/impactTable';
import { remittanceReportHtml } from '../../report/html/remittanceReport';
import { summarize } from '../../report/summary';
import type { Handler, ServerContext } from '../context';
import {
  EXPORT_CSV,
  IMPACT,
  IMPACT_TABLE,
  REMITTANCE_REPORT,
  SUMMARY,
  type ExportCsvResponse,
  type ImpactResponse,
  type RemittanceReportResponse,
  type RemittanceSummary,
  type ReportFile,
} from '../protocol';
import { runSafe } from '../runSafe';

/**
 * The reports behind the summary webview, the workspace sequestration impact and the CSV export. The
 * client sends files in small batches (so it can show progress and cancel between them); each file is
 * analysed, reduced to a few numbers or CSV records, and dropped.
 */
export const reportHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const c = ctx.connection;
    c.onRequest(SUMMARY, (p, token) =>
      runSafe<RemittanceSummary | null>(c, SUMMARY.method, token, null, async () => {
        const a = await ctx.analysisReady(p.textDocument.uri);
        return a ? summarize(a, ctx.settings(p.textDocument.uri)) : null;
      }),
    );
    c.onRequest(IMPACT, (p, token) =>
      runSafe<ImpactResponse>(c, IMPACT.method, token, { files: [] }, async () => {
        const files: FileImpact[] = [];
        for (const f of p.files ?? []) {
          if (token.isCancellationRequested) break;
          const r = await analysisOf(ctx, f);
          files.push(
            'problem' in r
              ? { file: r.label, entries: [], problem: r.problem }
              : impactOfAnalysis(r.analysis, ctx.settings(f.uri), r.label),
          );
        }
        return { files };
      }),
    );
    c.onRequest(REMITTANCE_REPORT, (p, token) =>
      runSafe<RemittanceReportResponse>(
        c,
        REMITTANCE_REPORT.method,
        token,
        { ok: false, message: 'the report failed; see the 835 language server output' },
        async () => {
          let a = await ctx.analysisReady(p.textDocument.uri);
          if (!a) return { ok: false, message: 'the document is not open in the 835 language server' };
          if (p.redact) {
            const red = redact(a.text);
            if (!red.ok) return red;
            a = analyze(red.text, ctx.settings());
          }
          return { ok: true, html: remittanceReportHtml(a, labelOf(p.textDocument.uri)) };
        },
      ),
    );
    c.onRequest(IMPACT_TABLE, (p, token) => runSafe(c, IMPACT_TABLE.method, token, impactTable([]), () => impactTable(p.files ?? [])));
    c.onRequest(EXPORT_CSV, (p, token) =>
      runSafe<ExportCsvResponse>(
        c,
        EXPORT_CSV.method,
        token,
        { csv: '', rows: 0, problems: ['export failed: see the language server output'] },
        async () => {
          const level: TableLevel = p.level && TABLE_LEVELS.includes(p.level) ? p.level : 'adjustment';
          const parts: string[] = p.header ? [csvHeader(TABLES[level] as TableDef<unknown>)] : [];
          const problems: string[] = [];
          let rows = 0;
          for (const f of p.files ?? []) {
            if (token.isCancellationRequested) break;
            const r = await analysisOf(ctx, f);
            if ('problem' in r) {
              problems.push(`${r.label}: ${r.problem}`);
              continue;
            }
            let analysis = r.analysis;
            if (p.redactSalt !== undefined) {
              const red = redact(analysis.text, { salt: p.redactSalt });
              if (!red.ok) {
                problems.push(`${r.label}: ${red.message}`);
                continue;
              }
              analysis = analyze(red.text, ctx.settings());
            }
            const t = fileTables(analysis, r.label, [level], 'csv');
            parts.push(t.text[level]!);
            rows += t.rows[level];
          }
          return { csv: parts.join(''), rows, problems };
        },
      ),
    );
  },
};

/** The open document's analysis, else the text the client sent, else the file read from disk. */
async function analysisOf(
  ctx: ServerContext,
  f: ReportFile,
): Promise<{ analysis: Analysis; label: string } | { problem: string; label: string }> {
  const label = f.label ?? labelOf(f.uri);
  const open = await ctx.analysisReady(f.uri);
  if (open) return { analysis: open, label };
  let text = f.text;
  if (text === undefined) {
    if (!f.uri.startsWith('file:')) return { problem: 'cannot read (not a file on disk, and no text was sent)', label };
    try {
      text = await readFile(fileURLToPath(f.uri), 'utf8');
    } catch (e) {
      return { problem: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, label };
    }
  }
  return { analysis: analyze(text, ctx.settings(f.uri)), label };
}

function labelOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? basename(fileURLToPath(uri)) : uri;
  } catch {
    return uri;
  }
}
