/**
 * The server's own requests (beyond standard LSP), shared by the server and the VS Code client.
 * Type-only plus method names: no runtime dependency, so the client bundles it for free.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export interface DocumentParams { readonly uri: string }
export interface PositionParams extends DocumentParams { readonly position: Position }

/** `era835/layout`: the document with one segment per line (`format`) or on one line (`minify`). */
export const LAYOUT = 'era835/layout';
export interface LayoutParams extends DocumentParams { readonly mode: 'format' | 'minify' }
export interface LayoutResult { readonly text: string; readonly changed: boolean; readonly note?: string }

/** `era835/whereAmI`: loop and element under the cursor, for the status bar. */
export const WHERE_AM_I = 'era835/whereAmI';

/** `era835/segmentRange`: range of the n-th segment (to jump between original and pretty view). */
export const SEGMENT_RANGE = 'era835/segmentRange';
export interface SegmentRangeParams extends DocumentParams { readonly index: number }

/** `era835/navigate`: where "go to next claim / actionable adjustment" lands. */
export const NAVIGATE = 'era835/navigate';
export interface NavigateParams extends PositionParams { readonly target: 'nextClaim' | 'previousClaim' | 'nextActionable' | 'previousActionable' }

/** `era835/normalizeDelimiters`: the text with other delimiters, or why not. */
export const NORMALIZE_DELIMITERS = 'era835/normalizeDelimiters';
export interface NormalizeParams extends DocumentParams {
  readonly element?: string; readonly component?: string; readonly repetition?: string; readonly segment?: string;
}
export type NormalizeResponse = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string; readonly range: Range };

/** `era835/table`: the selected segments (or the claim around the cursor) as tab-separated values. */
export const TABLE = 'era835/table';
export interface TableParams extends DocumentParams { readonly range: Range }
export interface TableResult { readonly tsv: string; readonly rows: number }

/** `era835/status`: server notification with what the status bar shows (analysis state of a document). */
export const STATUS = 'era835/status';
export interface StatusParams { readonly uri: string; readonly state: 'analysing' | 'ready'; readonly message: string }

/** `era835/casClasses`: each CAS segment in a range with the class the client shades it by. */
export const CAS_CLASSES = 'era835/casClasses';
export interface CasClassesParams extends DocumentParams { readonly ranges: readonly Range[] }
export type CasShade = 'muted' | 'patient' | 'attention' | 'other';
export interface CasClassesResult { readonly shades: ReadonlyArray<{ readonly range: Range; readonly shade: CasShade; readonly label: string }> }

/** `era835/summary`: the remittance summary of an open document (see server/src/report/types.ts), or null. */
export const SUMMARY = 'era835/summary';
export type SummaryParams = DocumentParams;
export type { RemittanceSummary } from '../report/types';

/**
 * A file for the workspace reports: an open document's URI (its live text is used), or a `file:` URI the
 * server reads from disk; `text` when the client read the file itself (virtual workspaces); `label` is the
 * name the CSV shows (a workspace-relative path).
 */
export interface ReportFile { readonly uri: string; readonly text?: string; readonly label?: string }

/** `era835/impact`: each file's sequestration entries; the client adds them up (report/impactTable.ts). */
export const IMPACT = 'era835/impact';
export interface ImpactParams { readonly files: readonly ReportFile[] }
export interface ImpactResponse { readonly files: ReadonlyArray<import('../report/impactTable').FileImpact> }

/** `era835/exportCsv`: one CSV record per adjustment of the files (with the header record when asked). */
export const EXPORT_CSV = 'era835/exportCsv';
export interface ExportCsvParams { readonly files: readonly ReportFile[]; readonly header: boolean }
export interface ExportCsvResponse { readonly csv: string; readonly rows: number; readonly problems: readonly string[] }

/**
 * `era835/redact`: the document with patient and subscriber data replaced by consistent fakes, for sharing
 * (ERA: Copy Redacted). `salt` makes the fakes repeatable; without it they differ on every call.
 */
export const REDACT = 'era835/redact';
export interface RedactParams extends DocumentParams { readonly salt?: string }
export type RedactResponse =
  | { readonly ok: true; readonly text: string; readonly replaced: number }
  | { readonly ok: false; readonly message: string };
