import * as vscode from 'vscode';
import { LAYOUT, SEGMENT_RANGE, WHERE_AM_I } from '../../server/src/lsp/protocol';
import { is835, toRange, type Session } from './session';

/** Scheme of the read-only one-segment-per-line view; its path is the original's URI, encoded. */
export const PRETTY_SCHEME = 'era835-pretty';

const toPretty = (original: vscode.Uri) =>
  vscode.Uri.from({ scheme: PRETTY_SCHEME, path: `/${original.path.split('/').pop()} (one segment per line)`, query: original.toString() });
const toOriginal = (pretty: vscode.Uri) => vscode.Uri.parse(pretty.query);

/**
 * "Open as one segment per line": a virtual read-only document of the formatted text, in the same
 * language (so hover, diagnostics and highlighting work there too); the original is never touched.
 */
export function registerPrettyView(s: Session): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      const original = await vscode.workspace.openTextDocument(toOriginal(uri));
      const r = await s.client().sendRequest(LAYOUT, { textDocument: { uri: original.uri.toString() }, mode: 'format' });
      return r?.text ?? original.getText();
    },
  };
  s.context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(PRETTY_SCHEME, provider),
    // Keep the view in step with edits of the original.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === PRETTY_SCHEME) return;
      for (const doc of vscode.workspace.textDocuments) {
        if (doc.uri.scheme === PRETTY_SCHEME && doc.uri.query === e.document.uri.toString()) changed.fire(doc.uri);
      }
    }),
    vscode.commands.registerCommand('era835.openPrettyView', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !is835(editor.document)) return void vscode.window.showInformationMessage('Open an 835 file first.');
      const doc = await vscode.workspace.openTextDocument(toPretty(editor.document.uri));
      await vscode.languages.setTextDocumentLanguage(doc, 'x12-835');
      const view = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
      await revealSameSegment(s, editor, view);
    }),
    vscode.commands.registerCommand('era835.jumpToOtherView', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || !is835(editor.document)) return;
      const target = editor.document.uri.scheme === PRETTY_SCHEME ? toOriginal(editor.document.uri) : toPretty(editor.document.uri);
      const other = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
      const view =
        other ??
        (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { viewColumn: vscode.ViewColumn.Beside }));
      await revealSameSegment(s, editor, view);
    }),
  );
}

/** Puts `to`'s cursor on the segment (and element) that `from`'s cursor is on. */
async function revealSameSegment(s: Session, from: vscode.TextEditor, to: vscode.TextEditor): Promise<void> {
  const where = await s
    .client()
    .sendRequest(WHERE_AM_I, { textDocument: { uri: from.document.uri.toString() }, position: from.selection.active });
  if (!where) return;
  const range = await s
    .client()
    .sendRequest(SEGMENT_RANGE, { textDocument: { uri: to.document.uri.toString() }, index: where.segmentIndex });
  if (!range) return;
  const r = toRange(range);
  to.selection = new vscode.Selection(r.start, r.start);
  to.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.window.showTextDocument(to.document, { viewColumn: to.viewColumn, selection: to.selection });
}
