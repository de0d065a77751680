/**
 * The server's own messages (beyond standard LSP), shared by the server and the VS Code client, in the
 * style of rust-analyzer's `lsp_ext.ts`: each request is a typed `RequestType<Params, Result>`, so the
 * server's `onRequest(X, handler)` and the client's `sendRequest(X, params)` are checked against the same
 * declaration, and no side guesses the other's result type.
 *
 * The client bundles this module: it may import only types (erased) and the message classes of
 * `vscode-languageserver-protocol` (which the language client bundles anyway). Never import server code
 * here except with `import type`.
 *
 * Requests about one document take `textDocument: { uri }`, as standard LSP requests do.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextDocumentIdentifier } from 'vscode-languageserver-types';
import type { CasShade } from '../features/casShades';
import type { Location835, NavigationTarget } from '../features/navigation';
import type { FileImpact, ImpactTable } from '../report/impactTable';
import type { RemittanceSummary } from '../report/types';
import type { ExplorerFilter, ExplorerNode, ExplorerPage } from '../report/explorer/types';

export type { CasShade } from '../features/casShades';
export type { Location835, NavigationTarget } from '../features/navigation';
export type { FileImpact, ImpactRow, ImpactTable } from '../report/impactTable';
export type { RemittanceSummary } from '../report/types';
export type { ExplorerCounts, ExplorerFilter, ExplorerIcon, ExplorerNode, ExplorerPage } from '../report/explorer/types';

/**
 * The editor settings the server pulls for each open document (`workspace/configuration` with the
 * document as scope): responses hold only what VS Code shows with them (see features/visible.ts).
 */
export const EDITOR_LIMIT_SECTIONS = ['editor.stopRenderingLineAfter', 'editor.inlayHints.maximumLength'] as const;

/** Parameters of a request about one open document. */
export interface DocumentParams {
  readonly textDocument: TextDocumentIdentifier;
}
/** Parameters of a request about a position in one open document. */
export interface PositionParams extends DocumentParams {
  readonly position: Position;
}

/** `era835/layout`: the document with one segment per line (`format`) or on one line (`minify`); null when not open. */
export interface LayoutParams extends DocumentParams {
  readonly mode: 'format' | 'minify';
}
export interface LayoutResult {
  readonly text: string;
  readonly changed: boolean;
  readonly note?: string;
}
export const LAYOUT = new RequestType<LayoutParams, LayoutResult | null, void>('era835/layout');

/** `era835/whereAmI`: loop and element under the cursor, for the status bar; null outside any segment. */
export const WHERE_AM_I = new RequestType<PositionParams, Location835 | null, void>('era835/whereAmI');

/** `era835/segmentRange`: range of the n-th segment (to jump between original and pretty view). */
export interface SegmentRangeParams extends DocumentParams {
  readonly index: number;
}
export const SEGMENT_RANGE = new RequestType<SegmentRangeParams, Range | null, void>('era835/segmentRange');

/** `era835/navigate`: where "go to next claim / actionable adjustment" lands; null when nothing is further. */
export interface NavigateParams extends PositionParams {
  readonly target: NavigationTarget;
}
export const NAVIGATE = new RequestType<NavigateParams, Range | null, void>('era835/navigate');

/** `era835/normalizeDelimiters`: the text with other delimiters, or why not (with the place). */
export interface NormalizeParams extends DocumentParams {
  readonly element?: string;
  readonly component?: string;
  readonly repetition?: string;
  readonly segment?: string;
}
export type NormalizeResponse =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string; readonly range: Range };
export const NORMALIZE_DELIMITERS = new RequestType<NormalizeParams, NormalizeResponse | null, void>('era835/normalizeDelimiters');

/** `era835/table`: the selected segments (or the claim around the cursor) as tab-separated values. */
export interface TableParams extends DocumentParams {
  readonly range: Range;
}
export interface TableResult {
  readonly tsv: string;
  readonly rows: number;
}
export const TABLE = new RequestType<TableParams, TableResult | null, void>('era835/table');

/** `era835/status`: server notification with what the status bar shows (analysis state of a document). */
export interface StatusParams {
  readonly textDocument: TextDocumentIdentifier;
  readonly state: 'analysing' | 'ready';
  readonly message: string;
}
export const STATUS = new NotificationType<StatusParams>('era835/status');

/** `era835/casClasses`: each CAS segment in the ranges with the class the client shades it by. */
export interface CasClassesParams extends DocumentParams {
  readonly ranges: readonly Range[];
}
export interface CasClassesResult {
  readonly shades: ReadonlyArray<{ readonly range: Range; readonly shade: CasShade; readonly label: string }>;
}
export const CAS_CLASSES = new RequestType<CasClassesParams, CasClassesResult, void>('era835/casClasses');

/** `era835/summary`: the remittance summary of an open document (see server/src/report/types.ts), or null. */
export type SummaryParams = DocumentParams;
export const SUMMARY = new RequestType<SummaryParams, RemittanceSummary | null, void>('era835/summary');

/**
 * A file for the workspace reports: an open document's URI (its live text is used), or a `file:` URI the
 * server reads from disk; `text` when the client read the file itself (virtual workspaces); `label` is the
 * name the CSV shows (a workspace-relative path).
 */
export interface ReportFile {
  readonly uri: string;
  readonly text?: string;
  readonly label?: string;
}

/** `era835/impact`: each file's sequestration entries (a batch of files; the client keeps them for `era835/impactTable`). */
export interface ImpactParams {
  readonly files: readonly ReportFile[];
}
export interface ImpactResponse {
  readonly files: readonly FileImpact[];
}
export const IMPACT = new RequestType<ImpactParams, ImpactResponse, void>('era835/impact');

/** `era835/impactTable`: the entries of every scanned file added up by month and payer, with the CSV of each. */
export interface ImpactTableParams {
  readonly files: readonly FileImpact[];
}
export const IMPACT_TABLE = new RequestType<ImpactTableParams, ImpactTable, void>('era835/impactTable');

/**
 * `era835/exportCsv`: one CSV record per claim, service line or (default) adjustment of the files, with the
 * header record when asked (columns: docs/export-columns.md). `redactSalt`: patient data replaced by
 * consistent fakes first (the same salt for every batch of one export keeps the fakes consistent).
 */
export interface ExportCsvParams {
  readonly files: readonly ReportFile[];
  readonly header: boolean;
  readonly level?: import('../report/tables').TableLevel;
  readonly redactSalt?: string;
}
export interface ExportCsvResponse {
  readonly csv: string;
  readonly rows: number;
  readonly problems: readonly string[];
}
export const EXPORT_CSV = new RequestType<ExportCsvParams, ExportCsvResponse, void>('era835/exportCsv');

/**
 * `era835/remittanceReport`: the printable remittance of an open document (self-contained HTML: no script,
 * no external resource; report/html/remittanceReport.ts), with patient data replaced by fakes when asked.
 */
export interface RemittanceReportParams extends DocumentParams {
  readonly redact?: boolean;
}
export type RemittanceReportResponse = { readonly ok: true; readonly html: string } | { readonly ok: false; readonly message: string };
export const REMITTANCE_REPORT = new RequestType<RemittanceReportParams, RemittanceReportResponse, void>('era835/remittanceReport');

/**
 * `era835/redact`: the document with patient and subscriber data replaced by consistent fakes, for sharing
 * (ERA: Copy Redacted). `salt` makes the fakes repeatable; without it they differ on every call.
 */
export interface RedactParams extends DocumentParams {
  readonly salt?: string;
}
export type RedactResponse =
  { readonly ok: true; readonly text: string; readonly replaced: number } | { readonly ok: false; readonly message: string };
export const REDACT = new RequestType<RedactParams, RedactResponse, void>('era835/redact');

// ---- The ERA Explorer (a tree of the workspace's 835s: files > payments > claims > lines > adjustments). ----

/**
 * `era835/explorerFiles`: the workspace's 835 files that have a claim passing the filter (a page of them
 * from `offset`, with a "… N more" node), and the view's badge: the adjustments to work in the whole
 * workspace. The first call starts the background index; `indexing` says how far it is.
 */
export interface ExplorerFilesParams {
  readonly filter: ExplorerFilter;
  readonly offset?: number;
}
export interface ExplorerFilesResult {
  readonly nodes: readonly ExplorerNode[];
  /** Adjustments to work (actionable verdicts) in every indexed file, whatever the filter, and its words. */
  readonly badge: number;
  readonly badgeTooltip: string;
  /** A line to show above the tree: indexing progress, what the filter shows, or why the tree is empty. */
  readonly message: string;
  /** The filter in words ("Needs work"), for the view's description. */
  readonly filterLabel: string;
  readonly indexing: { readonly done: number; readonly total: number } | null;
}
export const EXPLORER_FILES = new RequestType<ExplorerFilesParams, ExplorerFilesResult, void>('era835/explorerFiles');

/** `era835/explorerChildren`: a page of a node's children (payments, claims, lines, adjustments) from `offset`. */
export interface ExplorerChildrenParams {
  readonly parent: string;
  readonly filter: ExplorerFilter;
  readonly offset?: number;
}
export const EXPLORER_CHILDREN = new RequestType<ExplorerChildrenParams, ExplorerPage, void>('era835/explorerChildren');

/** `era835/explorerPayers`: the payers (N1*PR names) of the indexed files, for the "one payer" filter. */
export interface ExplorerPayer {
  readonly payer: string;
  /** "12 claims · 3 to work", as the pick list shows it. */
  readonly description: string;
}
export const EXPLORER_PAYERS = new RequestType<Record<string, never>, readonly ExplorerPayer[], void>('era835/explorerPayers');

/** `era835/explorerChanged`: the index changed (a file was read, edited, added or removed): ask again. */
export const EXPLORER_CHANGED = new NotificationType<Record<string, never>>('era835/explorerChanged');

// ---- Large remittances (files over VS Code's 50 MB sync limit): typed requests, see server/src/large/. ----

/** A payment (835 transaction set) of a large file, for the pick list. */
export interface LargePayment {
  /** 0-based position among the file's payments (the `n` of a part key). */
  readonly n: number;
  readonly payer: string;
  readonly payee: string;
  readonly trace: string;
  readonly paidCents: number | null;
  readonly claims: number;
  readonly toWork: number;
  readonly errors: number;
  readonly warnings: number;
  /** 1-based line and column of its ST in the file. */
  readonly line: number;
  readonly column: number;
  /** Whether the whole payment can be opened as one part (else only its claims). */
  readonly openable: boolean;
}

/** A claim of a large file, for the pick list. */
export interface LargeClaim {
  readonly n: number;
  readonly payment: number;
  readonly id: string;
  readonly status: string;
  readonly chargedCents: number | null;
  readonly paidCents: number | null;
  readonly toWork: number;
  readonly errors: number;
  readonly warnings: number;
  readonly line: number;
  readonly column: number;
}

/** `era835/largeIndex`: reads a file from disk (`file:` URI) into an index, or reuses the one built. */
export interface LargeIndexParams {
  readonly file: string;
}
export type LargeIndexResult =
  | {
      readonly ok: true;
      readonly file: string;
      readonly bytes: number;
      readonly interchanges: number;
      readonly payments: readonly LargePayment[];
      readonly claims: number;
      readonly toWork: number;
      readonly errors: number;
      readonly warnings: number;
      readonly otherTransactions: number;
      /** Time spent building the index (0 when it was already built). */
      readonly ms: number;
      readonly problems: readonly string[];
    }
  | { readonly ok: false; readonly message: string };
export const LargeIndexRequest = new RequestType<LargeIndexParams, LargeIndexResult, void>('era835/largeIndex');

/**
 * `era835/largeClaims`: claims of an indexed file, of one payment or all, whose CLP01 contains `filter`
 * (any case), claims that need work first when `workFirst`; at most `limit` (and the number that matched).
 */
export interface LargeClaimsParams {
  readonly file: string;
  readonly payment?: number;
  readonly filter?: string;
  readonly workFirst?: boolean;
  readonly limit: number;
}
export interface LargeClaimsResult {
  readonly claims: readonly LargeClaim[];
  readonly total: number;
}
export const LargeClaimsRequest = new RequestType<LargeClaimsParams, LargeClaimsResult | null, void>('era835/largeClaims');

/**
 * `era835/largePart`: the text of a part (an `era835-part:` URI made by `largePartUri`), read from the file;
 * the server remembers where each of its segments is in the file for diagnostics and `largeOrigin`.
 */
export type LargePartParams = DocumentParams;
export type LargePartResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };
export const LargePartRequest = new RequestType<LargePartParams, LargePartResult, void>('era835/largePart');

/** `era835/largeOrigin`: where a position of a part is in the original file ("line 1, column 2,345 of big.835"). */
export type LargeOriginParams = PositionParams;
export interface LargeOriginResult {
  readonly line: number;
  readonly column: number;
  readonly file: string;
  readonly text: string;
}
export const LargeOriginRequest = new RequestType<LargeOriginParams, LargeOriginResult | null, void>('era835/largeOrigin');

/** Scheme of the read-only parts of large remittances. */
export const PART_SCHEME = 'era835-part';

/**
 * The URI of a part: its path names the file and the part (the editor tab shows it and `.835` picks the
 * language); the query says which file and part: `kind=claim&n=12&file=<file URI>` (the file URI last).
 */
export function largePartUri(
  file: string,
  fileName: string,
  kind: 'claim' | 'payment',
  n: number,
  label: string,
): { scheme: string; path: string; query: string } {
  const safe = label.replace(/[/\\?#%]/g, '_');
  return {
    scheme: PART_SCHEME,
    path: `/${fileName.replace(/[/\\?#%]/g, '_')} · ${kind} ${safe}.835`,
    query: `kind=${kind}&n=${n}&file=${file}`,
  };
}

/** The file and part a part URI's (decoded) query names, or undefined. */
export function parsePartQuery(query: string): { file: string; kind: 'claim' | 'payment'; n: number } | undefined {
  const m = /^kind=(claim|payment)&n=(\d+)&file=(.+)$/.exec(query);
  return m ? { kind: m[1] as 'claim' | 'payment', n: Number(m[2]), file: m[3] } : undefined;
}
