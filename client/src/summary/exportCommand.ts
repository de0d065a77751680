import * as vscode from 'vscode';
import { EXPORT_CSV, type ExportCsvParams, type ExportCsvResponse } from '../../../server/src/lsp/protocol';
import type { TableLevel } from '../../../server/src/report/tables';
import { is835, type Session } from '../session';
import { saveCsv } from './impactCommand';
import { batches, reportFile, workspace835Files } from './reportFiles';

/** The three spreadsheet exports: command id, table level, and the words of the prompt and file name. */
const EXPORTS: ReadonlyArray<{ readonly command: string; readonly level: TableLevel; readonly what: string }> = [
  { command: 'era835.exportClaimsCsv', level: 'claim', what: 'claims' },
  { command: 'era835.exportLinesCsv', level: 'line', what: 'service lines' },
  { command: 'era835.exportAdjustmentsCsv', level: 'adjustment', what: 'adjustments' },
];

type Scope =
  | { readonly kind: 'file'; readonly uri: vscode.Uri }
  | { readonly kind: 'folder'; readonly uri: vscode.Uri }
  | { readonly kind: 'workspace' };

/**
 * "ERA: Export Claims / Service Lines / Adjustments CSV": the rows of the active 835 (its live text), of
 * a folder (from the Explorer's context menu or a folder picker) or of the whole workspace, optionally
 * redacted. The server computes every row (the same tables as `era835 export --level`); this only asks,
 * shows progress and saves.
 */
export function registerExport(s: Session): void {
  for (const e of EXPORTS) {
    s.context.subscriptions.push(
      vscode.commands.registerCommand(e.command, async (clicked?: vscode.Uri) => {
        const scope = await pickScope(e.what, clicked);
        if (!scope) return;
        const privacy = await vscode.window.showQuickPick(
          [
            { label: 'Keep patient data', redact: false },
            { label: 'Redact patient data', description: 'names, member ids and claim numbers replaced by consistent fakes', redact: true },
          ],
          { title: `Export ${e.what} as CSV`, placeHolder: 'Patient data in the export?' },
        );
        if (!privacy) return;
        await exportTable(s, e.level, e.what, scope, privacy.redact);
      }),
    );
  }
}

async function pickScope(what: string, clicked: vscode.Uri | undefined): Promise<Scope | undefined> {
  if (clicked) {
    const stat = await vscode.workspace.fs.stat(clicked);
    return stat.type & vscode.FileType.Directory ? { kind: 'folder', uri: clicked } : { kind: 'file', uri: clicked };
  }
  const active = vscode.window.activeTextEditor?.document;
  const hasWorkspace = !!vscode.workspace.workspaceFolders?.length;
  const items: Array<vscode.QuickPickItem & { scope: 'file' | 'folder' | 'workspace' }> = [];
  if (is835(active)) items.push({ label: 'This file', description: vscode.workspace.asRelativePath(active.uri), scope: 'file' });
  items.push({ label: 'A folder…', description: 'every 835 under it', scope: 'folder' });
  if (hasWorkspace) items.push({ label: 'All 835 files in the workspace', description: '*.835, *.era', scope: 'workspace' });
  const pick =
    items.length === 1 && !hasWorkspace && !is835(active)
      ? items[0]
      : await vscode.window.showQuickPick(items, { title: `Export ${what} as CSV`, placeHolder: `Which ${what}?` });
  if (!pick) return undefined;
  if (pick.scope === 'file' && active) return { kind: 'file', uri: active.uri };
  if (pick.scope === 'workspace') return { kind: 'workspace' };
  const folder = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Export',
  });
  return folder?.[0] ? { kind: 'folder', uri: folder[0] } : undefined;
}

async function exportTable(s: Session, level: TableLevel, what: string, scope: Scope, redacted: boolean): Promise<void> {
  // One salt per export: a patient in several files gets the same fake in each.
  const redactSalt = redacted
    ? Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
    : undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `ERA: Exporting ${what}`, cancellable: true },
    async (progress, token) => {
      const uris = scope.kind === 'file' ? [scope.uri] : await workspace835Files(token, scope.kind === 'folder' ? scope.uri : undefined);
      const parts: string[] = [];
      const problems: string[] = [];
      let rows = 0;
      let done = 0;
      for (const batch of batches(uris)) {
        if (token.isCancellationRequested) return undefined;
        const params: ExportCsvParams = { files: await Promise.all(batch.map(reportFile)), header: done === 0, level, redactSalt };
        let r: ExportCsvResponse;
        try {
          r = await s.client().sendRequest(EXPORT_CSV, params, token);
        } catch (e) {
          if (!token.isCancellationRequested) void vscode.window.showErrorMessage(`Export failed: ${(e as Error).message}`);
          return undefined;
        }
        parts.push(r.csv);
        problems.push(...r.problems);
        rows += r.rows;
        done += batch.length;
        progress.report({ increment: (100 * batch.length) / uris.length, message: `${done}/${uris.length} files` });
      }
      return { csv: parts.join(''), rows, files: uris.length, problems };
    },
  );
  if (!result) return;
  if (!result.files) return void vscode.window.showInformationMessage('No 835 files (*.835, *.era) there.');
  const stem = level === 'line' ? 'lines' : `${level}s`;
  const base = scope.kind === 'workspace' ? `${stem}.csv` : `${scope.uri.path.split('/').pop()}-${stem}${redacted ? '-redacted' : ''}.csv`;
  const saved = await saveCsv(result.csv, base);
  if (saved && result.problems.length)
    void vscode.window.showWarningMessage(`${result.problems.length} file(s) could not be read: ${result.problems.slice(0, 3).join('; ')}`);
}
