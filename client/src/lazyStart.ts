import * as vscode from 'vscode';

/**
 * The extension activates for every plain-text file (a `.txt` may be a payer's 835: see detect/), but the
 * language server is a process of its own: it starts only once an x12-835 document is open (one that
 * opened as such, or a `.txt` detection switched). Commands and views that ask the server something start
 * it themselves: the language client starts on its first request. A plain `.txt` never starts it.
 */
export function startWhenNeeded(start: () => void, subscriptions: vscode.Disposable[]): void {
  const needs = (doc: vscode.TextDocument) => doc.languageId === 'x12-835';
  // A language switch (detection, "Open as 835", the language picker) reopens the document with its new id.
  subscriptions.push(vscode.workspace.onDidOpenTextDocument((doc) => needs(doc) && start()));
  if (vscode.workspace.textDocuments.some(needs)) start();
}
