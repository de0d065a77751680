import { csvRecord, decimalOf } from './csv';
import { sharePercent, UNKNOWN_MONTH } from './impactFormat';

export { sharePercent, UNKNOWN_MONTH } from './impactFormat';

/**
 * Sequestration impact over many files, accumulated one file at a time: each file gives one small
 * entry per transaction set (`impactOfAnalysis` in impact.ts), the accumulator adds them into rows
 * by payment month and by payer, and the file's analysis can be dropped. 500 files never need to be
 * in memory together. Pure (no analysis, no Node APIs): the server adds up the per-file entries the
 * VS Code client collected (`impactTable`), so the editor and `era835 impact --csv` give the same table.
 */

export type ImpactGrouping = 'month' | 'payer';

/** What a transaction set contributes and a row adds up. All money in cents. */
export interface ImpactSums {
  readonly claims: number;
  /** Claims with CLP06 MA or MB (Medicare fee-for-service). */
  readonly medicareClaims: number;
  /** Σ CLP04. */
  readonly paidCents: number;
  readonly medicarePaidCents: number;
  /** Σ sequestration under CO (CO-253; CO-223 of 2013) on every claim. */
  readonly co253Cents: number;
  /** The same on Medicare fee-for-service claims only. */
  readonly medicareCo253Cents: number;
  /** CO-253 lines whose amount is not the rate in force (one per co253-amount finding). */
  readonly deviating: number;
  /** Σ (reported − expected) over those lines. */
  readonly deviationCents: number;
}

/** The sums, in the order rows and CSV columns show them. */
const SUM_KEYS = [
  'claims',
  'medicareClaims',
  'paidCents',
  'medicarePaidCents',
  'co253Cents',
  'medicareCo253Cents',
  'deviating',
  'deviationCents',
] as const satisfies readonly (keyof ImpactSums)[];

/** One transaction set's contribution. */
export interface ImpactEntry extends ImpactSums {
  /** "2024-03" from BPR16, else DTM*405; "" when neither is a date. */
  readonly month: string;
  /** N1*PR name and id (N104). */
  readonly payerName: string;
  readonly payerId: string;
}

/** What one file contributes. `problem` says why a file gave nothing (unreadable...). */
export interface FileImpact {
  readonly file: string;
  readonly entries: readonly ImpactEntry[];
  readonly problem?: string;
}

/** One row of the table (a month or a payer), or the total. */
export interface ImpactRow extends ImpactSums {
  /** "2024-03" / "unknown" for months; "NAME|ID" for payers; "total". */
  readonly key: string;
  /** What a person reads: "2024-03", "MEDICARE PART B (12345)". */
  readonly label: string;
  readonly files: number;
  readonly transactions: number;
  /** medicareCo253 / (medicarePaid + medicareCo253): the cut as a share of the Medicare payment before it. Null without a base. */
  readonly share: number | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Acc = Mutable<Omit<ImpactRow, 'share'>> & { lastFile: number };

function newAcc(key: string, label: string): Acc {
  const acc = { key, label, files: 0, transactions: 0 } as Acc;
  for (const k of SUM_KEYS) acc[k] = 0;
  acc.lastFile = -1;
  return acc;
}

export class ImpactAccumulator {
  private fileNo = -1;
  private readonly byMonth = new Map<string, Acc>();
  private readonly byPayer = new Map<string, Acc>();
  private readonly all = newAcc('total', 'Total');
  /** Files that gave nothing, with why. */
  readonly problems: string[] = [];

  /** Adds one file's entries (each file once). */
  add(file: FileImpact): void {
    this.fileNo++;
    if (file.problem) this.problems.push(`${file.file}: ${file.problem}`);
    for (const e of file.entries) {
      const month = e.month || UNKNOWN_MONTH;
      this.addTo(this.row(this.byMonth, month, month), e);
      const payerKey = `${e.payerName}|${e.payerId}`;
      const payerLabel = `${e.payerName || '(no payer name)'}${e.payerId ? ` (${e.payerId})` : ''}`;
      this.addTo(this.row(this.byPayer, payerKey, payerLabel), e);
      this.addTo(this.all, e);
    }
  }

  /** Number of files added so far. */
  get fileCount(): number {
    return this.fileNo + 1;
  }

  /** Rows by month (oldest first, unknown last) or by payer (by name). */
  rows(by: ImpactGrouping): ImpactRow[] {
    const accs = [...(by === 'month' ? this.byMonth : this.byPayer).values()];
    accs.sort(
      by === 'month'
        ? (a, b) => (a.key === UNKNOWN_MONTH ? 1 : b.key === UNKNOWN_MONTH ? -1 : a.key.localeCompare(b.key))
        : (a, b) => a.label.localeCompare(b.label),
    );
    return accs.map(finish);
  }

  total(): ImpactRow {
    return finish(this.all);
  }

  private row(map: Map<string, Acc>, key: string, label: string): Acc {
    let r = map.get(key);
    if (!r) map.set(key, (r = newAcc(key, label)));
    return r;
  }

  private addTo(r: Acc, e: ImpactEntry): void {
    if (r.lastFile !== this.fileNo) {
      r.files++;
      r.lastFile = this.fileNo;
    }
    r.transactions++;
    for (const k of SUM_KEYS) r[k] += e[k];
  }
}

function finish(a: Acc): ImpactRow {
  const { lastFile: _, ...row } = a;
  const base = a.medicarePaidCents + a.medicareCo253Cents;
  return { ...row, share: base === 0 ? null : a.medicareCo253Cents / base };
}

/** The table as CSV (RFC 4180, amounts as plain decimals), with the total as the last row. */
export function impactCsv(rows: readonly ImpactRow[], by: ImpactGrouping, total?: ImpactRow): string {
  const head = csvRecord([
    by === 'month' ? 'month' : 'payer',
    'files',
    'transactions',
    'claims',
    'medicare_claims',
    'paid',
    'medicare_paid',
    'co253',
    'medicare_co253',
    'co253_share_percent',
    'deviating_lines',
    'deviation',
  ]);
  const line = (r: ImpactRow) =>
    csvRecord([
      r.label,
      r.files,
      r.transactions,
      r.claims,
      r.medicareClaims,
      decimalOf(r.paidCents),
      decimalOf(r.medicarePaidCents),
      decimalOf(r.co253Cents),
      decimalOf(r.medicareCo253Cents),
      sharePercent(r.share),
      r.deviating,
      decimalOf(r.deviationCents),
    ]);
  return head + rows.map(line).join('') + (total ? line(total) : '');
}

/** The whole table of a workspace scan, as the client shows and exports it. */
export interface ImpactTable {
  readonly months: readonly ImpactRow[];
  readonly payers: readonly ImpactRow[];
  readonly total: ImpactRow;
  /** Files that gave nothing, with why. */
  readonly problems: readonly string[];
  /** Each grouping as CSV, total last (what "Export ... as CSV" saves). */
  readonly csv: Readonly<Record<ImpactGrouping, string>>;
}

/** Adds up the files' entries (each file once) into the month and payer tables with their CSV. */
export function impactTable(files: readonly FileImpact[]): ImpactTable {
  const acc = new ImpactAccumulator();
  for (const f of files) acc.add(f);
  const months = acc.rows('month');
  const payers = acc.rows('payer');
  const total = acc.total();
  return {
    months,
    payers,
    total,
    problems: acc.problems,
    csv: { month: impactCsv(months, 'month', total), payer: impactCsv(payers, 'payer', total) },
  };
}
