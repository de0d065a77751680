import { analyze } from '../analysis';
import { redact } from '../redact/redact';
import { fileTables, headerOf, TABLES, type FileTables, type TableDef, type TableFormat, type TableLevel } from '../report/tables';
import type { Settings } from '../settings';
import { eachPiece, notX12 } from './readPieces';

/** Where one table's text goes, called with each file's rows (the writer makes large blocks of them). */
export type TableSink = (text: string) => void;

export interface ExportOptions {
  readonly format: TableFormat;
  /** Replace patient data by consistent fakes (as era835 redact does) before exporting: one salt per run. */
  readonly redactSalt?: string;
}

export interface ExportCounts {
  readonly files: number;
  readonly rows: Record<TableLevel, number>;
  readonly problems: string[];
}

/**
 * Writes the asked tables of `paths`, file by file and piece by piece (an interchange at a time for
 * huge files): each piece is analysed, turned into rows, written and dropped, so memory stays that of
 * the largest piece whatever the number of files.
 */
export function exportTables(
  paths: readonly string[],
  sinks: Partial<Record<TableLevel, TableSink>>,
  settings: Settings,
  opts: ExportOptions,
  onFile: (done: number, path: string) => void = () => undefined,
): ExportCounts {
  const out = new TablesOut(sinks, opts.format);
  for (const [i, path] of paths.entries()) {
    out.fileDone(exportOne(path, out.levels, settings, opts, (t) => out.rows(t)));
    onFile(i + 1, path);
  }
  return out.counts();
}

/**
 * Where the rows of every file go, in the order they are handed over: the headers first, then each
 * piece's rows; counts the rows, the files and the problems. One job and `--jobs N` write through it alike.
 */
export class TablesOut {
  readonly levels: TableLevel[];
  private readonly rowCounts = { claim: 0, line: 0, adjustment: 0 };
  private readonly problems: string[] = [];
  private files = 0;

  constructor(
    private readonly sinks: Partial<Record<TableLevel, TableSink>>,
    format: TableFormat,
  ) {
    this.levels = (Object.keys(sinks) as TableLevel[]).filter((l) => sinks[l]);
    for (const l of this.levels) {
      const header = headerOf(TABLES[l] as TableDef<unknown>, format);
      if (header) sinks[l]!(header);
    }
  }

  /** One piece's rows (a file's, or an interchange's of a huge file). */
  rows(t: Pick<FileTables, 'text' | 'rows'>): void {
    for (const l of this.levels) {
      if (t.text[l]) this.sinks[l]!(t.text[l]!);
      this.rowCounts[l] += t.rows[l];
    }
  }

  /** A file is done: exported, or not (why). */
  fileDone(problem: string | undefined): void {
    if (problem) this.problems.push(problem);
    else this.files++;
  }

  counts(): ExportCounts {
    return { files: this.files, rows: { ...this.rowCounts }, problems: [...this.problems] };
  }
}

/** One file's tables, handed to `use` piece by piece; returns why the file could not be exported, if so. */
export function exportOne(
  path: string,
  levels: readonly TableLevel[],
  settings: Settings,
  opts: ExportOptions,
  use: (t: ReturnType<typeof fileTables>) => void,
): string | undefined {
  let segments = 0;
  let redactProblem: string | undefined;
  const problem = eachPiece(path, (piece) => {
    let text = piece.text;
    if (opts.redactSalt !== undefined) {
      const r = redact(text, { salt: opts.redactSalt });
      if (!r.ok) {
        redactProblem ??= `${path}: ${r.message}`;
        return;
      }
      text = r.text;
    }
    const a = analyze(text, settings);
    segments += a.tokens.count;
    use(fileTables(a, path, levels, opts.format));
  });
  return problem ?? redactProblem ?? (segments === 0 ? notX12(path) : undefined);
}
