import * as vscode from 'vscode';
import type { ReportFile } from '../../../server/src/lsp/protocol';

/** Files per request: small enough to show progress and cancel quickly, large enough to stay cheap. */
export const BATCH = 20;

/** The workspace's 835 files (`*.835`, `*.era`), sorted by path so reports are stable. */
export async function workspace835Files(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.{835,era,ERA}', '**/{node_modules,.git}/**', undefined, token);
  return uris.sort((a, b) => a.toString().localeCompare(b.toString()));
}

/**
 * A file as the server's report requests take it: `file:` URIs (and open documents) by URI, read by
 * the server itself; anything else (virtual workspaces) read here and sent as text.
 */
export async function reportFile(uri: vscode.Uri): Promise<ReportFile> {
  const label = vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
  const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  if (uri.scheme === 'file' || open) return { uri: uri.toString(), label };
  const bytes = await vscode.workspace.fs.readFile(uri);
  return { uri: uri.toString(), label, text: new TextDecoder('utf-8').decode(bytes) };
}

/** Splits a list into batches of `size`. */
export function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
