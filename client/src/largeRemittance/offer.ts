import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { sniffX12 } from '../detect/sniff';
import type { Session } from '../session';

/** VS Code passes no document longer than this to extensions (its model sync limit, 50 MiB). */
export const SYNC_LIMIT = 50 * 1024 * 1024;

/**
 * Notices an 835 over 50 MB opened in an editor tab (no document event ever comes for it: VS Code does
 * not pass it to extensions) and offers the large-remittance path once per file and session.
 */
export function registerLargeFileOffer(s: Session): void {
  const offered = new Set<string>();
  const check = async (tab: vscode.Tab) => {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') return;
    const key = input.uri.toString();
    if (offered.has(key) || vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    offered.add(key);
    try {
      const { size } = await vscode.workspace.fs.stat(input.uri);
      if (size <= SYNC_LIMIT || !(await looks835(input.uri))) return;
      const name = input.uri.path.split('/').pop();
      s.output.info(`${name} is ${(size / 1e6).toFixed(0)} MB, more than VS Code passes to extensions: offered Open Large Remittance`);
      const go = 'Open Large Remittance';
      const answer = await vscode.window.showInformationMessage(
        `${name} is ${(size / 1e6).toFixed(0)} MB: VS Code passes no file over 50 MB to extensions, so it shows here without help. Open it as a large remittance: pick a payment or claim and read it with every feature.`,
        go,
      );
      if (answer === go) await vscode.commands.executeCommand('era835.openLargeRemittance', input.uri);
    } catch (e) {
      s.output.warn(`Could not look at ${key}: ${(e as Error).message}`);
    }
  };
  s.context.subscriptions.push(
    // A preview tab (single click, Quick Open) that shows another file is "changed", not "opened".
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const t of [...e.opened, ...e.changed]) void check(t);
    }),
  );
  for (const g of vscode.window.tabGroups.all) for (const t of g.tabs) void check(t);
}

/** The name says 835, or its first kilobyte is an 835 interchange. */
async function looks835(uri: vscode.Uri): Promise<boolean> {
  if (/\.(835|era)$/i.test(uri.path)) return true;
  const fh = await open(uri.fsPath, 'r');
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return sniffX12(buf.subarray(0, bytesRead).toString('utf8')) === '835';
  } finally {
    await fh.close();
  }
}
