import * as vscode from 'vscode';
import { REMITTANCE_REPORT, type RemittanceReportParams } from '../../../server/src/lsp/protocol';
import { is835, type Session } from '../session';

/**
 * "ERA: Export Remittance Report (HTML)": the printable remittance of the active 835 (its live text),
 * made by the server (report/html/remittanceReport.ts), saved where the user says; opens in any browser
 * and prints to PDF. This side only asks and saves.
 */
export function registerReport(s: Session): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('era835.exportRemittanceReport', async (clicked?: vscode.Uri) => {
      const doc = clicked ? await vscode.workspace.openTextDocument(clicked) : vscode.window.activeTextEditor?.document;
      if (!is835(doc)) return void vscode.window.showInformationMessage('Open an 835 file first.');
      const redact = await vscode.window.showQuickPick(
        [
          { label: 'Keep patient data', redact: false },
          { label: 'Redact patient data', description: 'names, member ids and claim numbers replaced by fakes', redact: true },
        ],
        { title: 'Export remittance report', placeHolder: 'Patient data in the report?' },
      );
      if (!redact) return;
      const params: RemittanceReportParams = { textDocument: { uri: doc.uri.toString() }, redact: redact.redact };
      const r = await s.client().sendRequest(REMITTANCE_REPORT, params);
      if (!r.ok) return void vscode.window.showErrorMessage(`Report failed: ${r.message}`);
      const name = `${doc.uri.path.split('/').pop() ?? 'remittance'}${redact.redact ? '-redacted' : ''}.html`;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { 'HTML files': ['html'] },
        saveLabel: 'Export Report',
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(r.html));
      const open = await vscode.window.showInformationMessage(
        `Saved ${vscode.workspace.asRelativePath(target)}. Open it in a browser to print or save as PDF.`,
        'Open in Browser',
      );
      if (open) await vscode.env.openExternal(target);
    }),
  );
}
