import * as vscode from 'vscode';

import type { LanguageClient } from 'vscode-languageclient/node';

/** What every client feature module gets: the running language client and the extension context. */
export interface Session {
  readonly context: vscode.ExtensionContext;
  /** The current client (replaced on restart, so read it at call time). */
  client(): LanguageClient;
  readonly output: vscode.LogOutputChannel;
}

/** Languages the features apply to: 835 files and our read-only pretty views. */
export const is835 = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === 'x12-835';

/** An LSP range (plain JSON from a custom request) as a VS Code range. */
export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
