import * as vscode from 'vscode';
import { REDACT, type RedactResponse } from '../../server/src/lsp/protocol';
import { is835, type Session } from './session';

/**
 * ERA: Copy Redacted: the active 835 with patient and subscriber names, ids and claim numbers replaced by
 * consistent fakes, on the clipboard, ready for a bug report or a colleague. The file itself is not touched;
 * nothing leaves the machine (the server computes it, the clipboard receives it).
 */
export function registerRedact(s: Session): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('era835.copyRedacted', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!is835(doc)) return void vscode.window.showInformationMessage('Open an 835 file to copy a redacted version of it.');
      // A long document takes a moment (a second for a 10 MB field): the notification offers Cancel, which
      // cancels the request, and the server stops at its next slice.
      let cancelled = false;
      let r: RedactResponse | null;
      try {
        r = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'ERA: Redacting', cancellable: true },
          (_progress, token) => {
            token.onCancellationRequested(() => {
              cancelled = true;
            });
            return s.client().sendRequest(REDACT, { textDocument: { uri: doc.uri.toString() } }, token);
          },
        );
      } catch (e) {
        if (cancelled || e instanceof vscode.CancellationError) return;
        throw e;
      }
      if (cancelled) return;
      if (!r) return void vscode.window.showWarningMessage('Nothing copied: the 835 language server did not answer.');
      if (!r.ok) return void vscode.window.showWarningMessage(`Nothing copied: ${r.message}.`);
      await vscode.env.clipboard.writeText(r.text);
      void vscode.window.showInformationMessage(
        `Copied a redacted copy: ${r.replaced} value(s) replaced by fakes. Dates, amounts, codes and payer and provider data are kept; read it once before you share it.`,
      );
    }),
  );
}
