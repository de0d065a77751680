import { parentPort } from 'node:worker_threads';
import type { FileTables, TableLevel } from '../report/tables';
import type { Settings } from '../settings';
import { exportOne, TablesOut, type ExportCounts, type ExportOptions, type TableSink } from './exportTables';
import { runOrdered } from './workerPool';

/**
 * `era835 export --jobs N`: the files of a folder exported on worker threads, written in input order, so
 * the tables are byte for byte those of one job. Each worker analyses a file piece by piece (as one job
 * does) and posts each piece's rows; the main thread writes them when the file's turn comes.
 */

/** Marks the export worker threads of the era835 bundle (cli.js starts itself as a worker). */
export const EXPORT_WORKER_FLAG = 'era835-export-worker';

interface ExportTask {
  readonly id: number;
  readonly path: string;
  readonly levels: readonly TableLevel[];
  readonly opts: ExportOptions;
}

type ExportReply =
  | { readonly id: number; readonly kind: 'rows'; readonly text: FileTables['text']; readonly rows: FileTables['rows'] }
  | { readonly id: number; readonly kind: 'done'; readonly problem: string | undefined };

export async function exportInParallel(
  paths: readonly string[],
  jobs: number,
  sinks: Partial<Record<TableLevel, TableSink>>,
  settings: Settings,
  opts: ExportOptions,
  workerFile: string,
  onFile: (done: number, path: string) => void = () => undefined,
): Promise<ExportCounts> {
  const out = new TablesOut(sinks, opts.format);
  let files = 0;
  await runOrdered<string, ExportReply>({
    inputs: paths,
    jobs: Math.min(jobs, paths.length),
    workerFile,
    workerData: { role: EXPORT_WORKER_FLAG, settings },
    request: (path, id): ExportTask => ({ id, path, levels: out.levels, opts }),
    isLast: (m) => m.kind === 'done',
    deliver: (path, m) => {
      if (m.kind === 'rows') return out.rows(m);
      out.fileDone(m.problem);
      onFile(++files, path);
    },
  });
  return out.counts();
}

/** The worker side: exports each file it is sent, posting each piece's rows, then whether it worked. */
export function runExportWorker(settings: Settings): void {
  const port = parentPort!;
  port.on('message', (t: ExportTask) => {
    const problem = exportOne(t.path, t.levels, settings, t.opts, (r) =>
      port.postMessage({ id: t.id, kind: 'rows', text: r.text, rows: r.rows } satisfies ExportReply),
    );
    port.postMessage({ id: t.id, kind: 'done', problem } satisfies ExportReply);
  });
}
