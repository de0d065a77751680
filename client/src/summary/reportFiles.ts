import * as vscode from 'vscode';
import type { ReportFile } from '../../../server/src/lsp/protocol';
import { skipFolder, SURE_GLOB } from '../../../server/src/workspace/x12Names';

/** Files per request: small enough to show progress and cancel quickly, large enough to stay cheap. */
export const BATCH = 20;

/**
 * The workspace's 835 files by name (`*.835`, `*.era`: x12Names.ts, the definition the command line and
 * the server share), or those under `folder`, sorted by path so reports are stable. The exclude argument
 * is left undefined so that VS Code applies the user's `files.exclude`; folders every walk skips (hidden
 * ones, node_modules) are then left out here. Files named otherwise (`.txt` starting with ISA) need
 * reading, which the server's index does; findFiles cannot.
 */
export async function workspace835Files(token?: vscode.CancellationToken, folder?: vscode.Uri): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles(
    folder ? new vscode.RelativePattern(folder, SURE_GLOB) : SURE_GLOB,
    undefined,
    undefined,
    token,
  );
  const inSkipped = (u: vscode.Uri) => vscode.workspace.asRelativePath(u, false).split('/').slice(0, -1).some(skipFolder);
  return uris.filter((u) => !inSkipped(u)).sort((a, b) => a.toString().localeCompare(b.toString()));
}

/**
 * A file as the server's report requests take it: `file:` URIs (and open documents) by URI, read by
 * the server itself; anything else (virtual workspaces) read here and sent as text.
 */
export async function reportFile(uri: vscode.Uri): Promise<ReportFile> {
  const label = vscode.workspace.asRelativePath(
    uri,
    vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1,
  );
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
