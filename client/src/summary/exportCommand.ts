import * as vscode from 'vscode';
import { EXPORT_CSV, type ExportCsvParams, type ExportCsvResponse } from '../../../server/src/lsp/protocol';
import { is835, type Session } from '../session';
import { saveCsv } from './impactCommand';
import { batches, reportFile, workspace835Files } from './reportFiles';

/**
 * "ERA: Export Adjustments CSV": one row per CAS triplet of the active 835 (its live text, saved or
 * not) or of every 835 in the workspace, the same rows as `era835 export --csv`.
 */
export function registerExport(s: Session): void {
  s.context.subscriptions.push(vscode.commands.registerCommand('era835.exportAdjustmentsCsv', async () => {
    const active = vscode.window.activeTextEditor?.document;
    const hasWorkspace = !!vscode.workspace.workspaceFolders?.length;
    let scope: 'file' | 'workspace' | undefined = is835(active) ? 'file' : hasWorkspace ? 'workspace' : undefined;
    if (!scope) return void vscode.window.showInformationMessage('Open an 835 file or a folder with 835 files first.');
    if (is835(active) && hasWorkspace) {
      const pick = await vscode.window.showQuickPick([
        { label: 'This file', description: vscode.workspace.asRelativePath(active.uri), scope: 'file' as const },
        { label: 'All 835 files in the workspace', description: '*.835, *.era', scope: 'workspace' as const },
      ], { title: 'Export adjustments as CSV', placeHolder: 'Which adjustments?' });
      if (!pick) return;
      scope = pick.scope;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ERA: Exporting adjustments', cancellable: true },
      async (progress, token) => {
        const uris = scope === 'file' && active ? [active.uri] : await workspace835Files(token);
        const parts: string[] = [];
        const problems: string[] = [];
        let rows = 0;
        let done = 0;
        for (const batch of batches(uris)) {
          if (token.isCancellationRequested) return undefined;
          const params: ExportCsvParams = { files: await Promise.all(batch.map(reportFile)), header: done === 0 };
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
    if (!result.files) return void vscode.window.showInformationMessage('No 835 files (*.835, *.era) in this workspace.');
    const base = scope === 'file' && active ? `${active.uri.path.split('/').pop()}-adjustments.csv` : 'adjustments.csv';
    const saved = await saveCsv(result.csv, base);
    if (saved && result.problems.length) void vscode.window.showWarningMessage(`${result.problems.length} file(s) could not be read: ${result.problems.slice(0, 3).join('; ')}`);
  }));
}
