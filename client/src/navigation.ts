import * as vscode from 'vscode';
import { NAVIGATE, WHERE_AM_I, type Location835, type NavigationTarget } from '../../server/src/lsp/protocol';
import { is835, toRange, type Session } from './session';

/**
 * "Where am I": a status bar item with the loop and element under the cursor (`2110 › CAS02`), a
 * command to copy it, and the go-to commands (next/previous claim, next/previous adjustment to work).
 */
export function registerNavigation(s: Session): void {
  const item = vscode.window.createStatusBarItem('era835.whereAmI', vscode.StatusBarAlignment.Left, 10);
  item.name = 'X12 835 location';
  item.command = 'era835.copyPath';
  let last: Location835 | null = null;
  let timer: NodeJS.Timeout | undefined;
  let seq = 0;

  const update = (editor: vscode.TextEditor | undefined) => {
    clearTimeout(timer);
    if (!editor || !is835(editor.document)) {
      item.hide();
      return;
    }
    const mine = ++seq;
    timer = setTimeout(async () => {
      try {
        const w = await s
          .client()
          .sendRequest(WHERE_AM_I, { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active });
        if (mine !== seq) return; // the cursor moved on meanwhile
        last = w;
        if (!w) {
          item.hide();
          return;
        }
        item.text = `$(symbol-field) ${w.path}`;
        item.tooltip = `${w.loopName}${w.claimId ? ` · claim ${w.claimId}` : ''}\nClick to copy the path`;
        item.show();
      } catch {
        item.hide();
      }
    }, 60);
  };

  const go = (target: NavigationTarget) => async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !is835(editor.document)) return;
    const r = await s
      .client()
      .sendRequest(NAVIGATE, { textDocument: { uri: editor.document.uri.toString() }, position: editor.selection.active, target });
    if (!r)
      return void vscode.window.setStatusBarMessage(
        target.includes('Actionable') ? 'No further adjustment that needs work.' : 'No further claim.',
        3000,
      );
    const range = toRange(r);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  s.context.subscriptions.push(
    item,
    vscode.window.onDidChangeTextEditorSelection((e) => update(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand('era835.copyPath', async () => {
      if (!last) return;
      await vscode.env.clipboard.writeText(last.path);
      vscode.window.setStatusBarMessage(`Copied ${last.path}`, 2000);
    }),
    vscode.commands.registerCommand('era835.nextClaim', go('nextClaim')),
    vscode.commands.registerCommand('era835.previousClaim', go('previousClaim')),
    vscode.commands.registerCommand('era835.nextActionable', go('nextActionable')),
    vscode.commands.registerCommand('era835.previousActionable', go('previousActionable')),
  );
  update(vscode.window.activeTextEditor);
}
