import * as vscode from 'vscode';
import type { Session } from '../session';
import { SNIFF_CHARS, sniffX12 } from './sniff';

/**
 * Payers often deliver an 835 as `.txt`, which VS Code opens as Plain Text (a `firstLine` pattern does not
 * override an extension's language). A plain-text document whose first kilobyte is an 835's ISA and ST
 * becomes `x12-835` when it opens (setting `era835.detectPlainText`); other X12 files are left alone.
 * "ERA: Open as 835" switches any file by hand, and offers the large-file path for files VS Code does
 * not pass to extensions.
 */
export function registerDetection(s: Session): void {
  const detect = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext' || doc.isClosed) return;
    if (!vscode.workspace.getConfiguration('era835', doc.uri).get<boolean>('detectPlainText', true)) return;
    const head = doc.getText(new vscode.Range(doc.positionAt(0), doc.positionAt(SNIFF_CHARS)));
    if (sniffX12(head) !== '835') return;
    s.output.info(`${doc.uri.toString(true)} starts with an 835 interchange: opened as X12 835 (era835.detectPlainText)`);
    void vscode.languages.setTextDocumentLanguage(doc, 'x12-835');
  };
  s.context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(detect),
    vscode.commands.registerCommand('era835.openAs835', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
      if (!target) return void vscode.window.showInformationMessage('Open a file first, then run ERA: Open as 835.');
      const synced = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (!synced && target.scheme === 'file') {
        // Not passed to extensions: a file over 50 MB. The large-remittance path reads it from disk.
        return vscode.commands.executeCommand('era835.openLargeRemittance', target);
      }
      const doc = synced ?? (await vscode.workspace.openTextDocument(target));
      await vscode.languages.setTextDocumentLanguage(doc, 'x12-835');
    }),
  );
  for (const doc of vscode.workspace.textDocuments) detect(doc);
}

/** The URI of the active tab when it shows a text file (also one too large to be passed to extensions). */
export function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}
