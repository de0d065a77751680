import * as vscode from 'vscode';
import { LargeIndexRequest, LargeOriginRequest, LargePartRequest, PART_SCHEME } from '../../../server/src/lsp/protocol';
import type { Session } from '../session';
import { registerLargeFileOffer } from './offer';
import { pickPart, type PartChoice } from './picker';

/**
 * Files over 50 MB, which VS Code never passes to extensions: "ERA: Open Large Remittance…" has the
 * language server index the file from disk, lets the user pick a payment or claim, and opens it as a
 * small read-only document (`era835-part:`) that every feature works on; a status bar item says where
 * the cursor is in the original file.
 */
export function registerLargeRemittance(s: Session): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const r = await s.client().sendRequest(LargePartRequest, { textDocument: { uri: uri.toString() } });
      if (r.ok) return r.text;
      void vscode.window.showWarningMessage(r.message);
      return '';
    },
  };
  s.context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PART_SCHEME, provider),
    /**
     * `uri`: the file (else the active tab's, else a file dialog). `choice`: open this part without asking
     * (for scripts and tests); the command then returns the part's URI.
     */
    vscode.commands.registerCommand('era835.openLargeRemittance', async (uri?: vscode.Uri, choice?: PartChoice) => {
      const file = uri instanceof vscode.Uri ? uri : await fileToOpen();
      if (!file) return undefined;
      if (file.scheme !== 'file')
        return void vscode.window.showWarningMessage("ERA: Open Large Remittance reads files on this machine's disk only.");
      const name = file.path.split('/').pop() ?? file.path;
      const index = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `ERA: indexing ${name}…` },
        () => s.client().sendRequest(LargeIndexRequest, { file: file.toString() }),
      );
      if (!index.ok) return void vscode.window.showWarningMessage(index.message);
      if (index.ms)
        s.output.info(
          `${name}: ${index.payments.length} payment(s), ${index.claims} claim(s) indexed in ${(index.ms / 1000).toFixed(1)} s`,
        );
      for (const p of index.problems) s.output.warn(p);
      const part = await pickPart(s, index, name, choice);
      if (!part) return undefined;
      const doc = await vscode.workspace.openTextDocument(part);
      if (doc.languageId !== 'x12-835') await vscode.languages.setTextDocumentLanguage(doc, 'x12-835');
      await vscode.window.showTextDocument(doc, { preview: false });
      return part;
    }),
  );
  registerOriginItem(s);
  registerLargeFileOffer(s);
}

/** The file of the active tab when it is on disk, else one the user picks. */
async function fileToOpen(): Promise<vscode.Uri | undefined> {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText && input.uri.scheme === 'file') return input.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open Large Remittance',
    filters: { 'X12 835': ['835', 'era', 'txt', 'edi', 'dat', 'x12'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** "Where am I" in the original file, while a part is the active editor. */
function registerOriginItem(s: Session): void {
  const item = vscode.window.createStatusBarItem('era835.largeOrigin', vscode.StatusBarAlignment.Left, 11);
  item.name = 'X12 835 place in the large file';
  let timer: NodeJS.Timeout | undefined;
  let seq = 0;
  const update = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (editor?.document.uri.scheme !== PART_SCHEME) {
      item.hide();
      return;
    }
    const mine = ++seq;
    timer = setTimeout(async () => {
      try {
        const r = await s
          .client()
          .sendRequest(LargeOriginRequest, { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active });
        if (mine !== seq) return;
        if (!r) {
          item.hide();
          return;
        }
        item.text = `$(file-binary) ${r.text}`;
        item.tooltip = 'Where the cursor is in the original file (this read-only part was read from it)';
        item.show();
      } catch {
        item.hide();
      }
    }, 60);
  };
  s.context.subscriptions.push(
    item,
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
  update(vscode.window.activeTextEditor);
}
