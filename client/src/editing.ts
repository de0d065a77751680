import * as vscode from 'vscode';
import { LAYOUT, NORMALIZE_DELIMITERS, TABLE } from '../../server/src/lsp/protocol';
import { is835, toRange, type Session } from './session';

/** Replaces the whole document in one undoable edit. */
async function replaceAll(editor: vscode.TextEditor, text: string): Promise<boolean> {
  const doc = editor.document;
  return editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
}

/** Minify, delimiter normalisation and copy-as-table: developer and analyst conveniences. */
export function registerEditing(s: Session): void {
  const active = () => {
    const e = vscode.window.activeTextEditor;
    return e && is835(e.document) ? e : undefined;
  };
  s.context.subscriptions.push(
    vscode.commands.registerCommand('era835.minify', async () => {
      const editor = active();
      if (!editor) return;
      const r = await s.client().sendRequest(LAYOUT, { textDocument: { uri: editor.document.uri.toString() }, mode: 'minify' });
      if (!r) return;
      if (r.note) void vscode.window.showInformationMessage(r.note);
      if (r.changed) await replaceAll(editor, r.text);
    }),
    vscode.commands.registerCommand('era835.normalizeDelimiters', async () => {
      const editor = active();
      if (!editor) return;
      const pick = await vscode.window.showQuickPick(
        [
          {
            label: '* : ^ ~',
            description: 'the most common: * between elements, : components, ^ repetitions, ~ terminator',
            d: { element: '*', component: ':', repetition: '^', segment: '~' },
          },
          { label: '| > ^ ~', description: 'pipe-delimited', d: { element: '|', component: '>', repetition: '^', segment: '~' } },
          { label: 'Custom…', description: 'type the four characters', d: undefined },
        ],
        { title: 'Normalise delimiters to' },
      );
      if (!pick) return;
      let d = pick.d;
      if (!d) {
        const typed = await vscode.window.showInputBox({
          prompt: 'Element, component, repetition and segment delimiters, e.g. *:^~',
          validateInput: (v) => (v.length === 4 ? null : 'Type exactly four characters'),
        });
        if (!typed) return;
        d = { element: typed[0], component: typed[1], repetition: typed[2], segment: typed[3] };
      }
      const r = await s.client().sendRequest(NORMALIZE_DELIMITERS, { textDocument: { uri: editor.document.uri.toString() }, ...d });
      if (!r) return;
      if (!r.ok) {
        const range = toRange(r.range);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range);
        return void vscode.window.showWarningMessage(`Delimiters not changed: ${r.message}`);
      }
      await replaceAll(editor, r.text);
    }),
    vscode.commands.registerCommand('era835.copyAsTable', async () => {
      const editor = active();
      if (!editor) return;
      const r = await s.client().sendRequest(TABLE, {
        textDocument: { uri: editor.document.uri.toString() },
        range: s.client().code2ProtocolConverter.asRange(editor.selection),
      });
      if (!r || !r.rows)
        return void vscode.window.showInformationMessage('Nothing to copy: select segments, or put the cursor in a claim.');
      await vscode.env.clipboard.writeText(r.tsv);
      vscode.window.setStatusBarMessage(`Copied ${r.rows} segment(s) as a table`, 3000);
    }),
  );
}
