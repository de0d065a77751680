import * as vscode from 'vscode';
import {
  IMPACT,
  IMPACT_TABLE,
  type FileImpact,
  type ImpactParams,
  type ImpactResponse,
  type ImpactTable,
} from '../../../server/src/lsp/protocol';
import type { Session } from '../session';
import { impactBody, type ImpactView } from './impactHtml';
import { batches, reportFile, workspace835Files } from './reportFiles';
import { webviewPage } from './webviewPage';

/**
 * "ERA: Sequestration Impact": scans every 835 of the workspace with a cancellable progress
 * notification. The server analyses the files in batches and answers a few numbers per transaction;
 * then it adds them up (with the same accumulator as `era835 impact`, so both give the same table).
 */
export function registerImpact(s: Session): void {
  let panel: vscode.WebviewPanel | undefined;
  let view: ImpactView | undefined;
  let csv: ImpactTable['csv'] = { month: '', payer: '' };

  const run = async () => {
    const scan = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ERA: Sequestration impact', cancellable: true },
      (progress, token) => scanWorkspace(s, progress, token),
    );
    if (!scan) return;
    if (!scan.found) return void vscode.window.showInformationMessage('No 835 files (*.835, *.era) in this workspace.');
    let table: ImpactTable;
    try {
      table = await s.client().sendRequest(IMPACT_TABLE, { files: scan.files });
    } catch (e) {
      return void vscode.window.showErrorMessage(`Sequestration impact failed: ${(e as Error).message}`);
    }
    view = {
      months: table.months,
      payers: table.payers,
      total: table.total,
      scanned: scan.scanned,
      found: scan.found,
      problems: table.problems,
    };
    csv = table.csv;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('era835.impact', 'Sequestration Impact', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      panel.onDidDispose(() => {
        panel = undefined;
      });
      panel.webview.onDidReceiveMessage(async (m: { type?: string; arg?: string }) => {
        if (m?.type === 'exportCsv' && (m.arg === 'month' || m.arg === 'payer'))
          await saveCsv(csv[m.arg], `sequestration-impact-by-${m.arg}.csv`);
        else if (m?.type === 'rescan') await run();
      });
    } else panel.reveal();
    panel.webview.html = webviewPage({ cspSource: panel.webview.cspSource, title: 'Sequestration Impact', body: impactBody(view) });
  };
  s.context.subscriptions.push(vscode.commands.registerCommand('era835.sequestrationImpact', run), { dispose: () => panel?.dispose() });
}

async function scanWorkspace(
  s: Session,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
) {
  progress.report({ message: 'looking for 835 files…' });
  const uris = await workspace835Files(token);
  const files: FileImpact[] = [];
  let scanned = 0;
  for (const batch of batches(uris)) {
    if (token.isCancellationRequested) break;
    const params: ImpactParams = { files: await Promise.all(batch.map(reportFile)) };
    let r: ImpactResponse;
    try {
      r = await s.client().sendRequest(IMPACT, params, token);
    } catch (e) {
      if (token.isCancellationRequested) break;
      void vscode.window.showErrorMessage(`Sequestration impact failed: ${(e as Error).message}`);
      return undefined;
    }
    files.push(...r.files);
    scanned += r.files.length;
    progress.report({ increment: (100 * batch.length) / uris.length, message: `${scanned}/${uris.length} files` });
  }
  return { files, scanned, found: uris.length };
}

/** Asks where to save and writes the CSV there (UTF-8). */
export async function saveCsv(text: string, defaultName: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined,
    filters: { 'CSV files': ['csv'] },
    saveLabel: 'Export CSV',
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
