import { fileURLToPath, pathToFileURL } from 'node:url';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { formatMoney } from '../../x835/values';
import { ClaimIndex, claimsOf, indexFile } from '../../workspace/claimIndex';
import { find835Files } from '../../workspace/findFiles';
import type { Handler, ServerContext } from '../context';
import { runSafe } from '../runSafe';
import { workspaceRoots } from '../workspaceRoots';

/** Results per query: enough to pick from, small enough to stay instant. */
const LIMIT = 500;

/**
 * Workspace symbols (Ctrl+T): find claims by patient control number (CLP01), payer claim number (CLP07)
 * or patient name across every 835 file of the workspace, indexed in the background with progress.
 */
export const workspaceSymbolsHandler: Handler = {
  capabilities: { workspaceSymbolProvider: true },
  register: (ctx) => {
    const index = new ClaimIndex();
    const c = ctx.connection;
    let ready: Promise<void> = Promise.resolve();

    ctx.onInitialized(() => {
      ready = buildIndex(ctx, index).catch((e) => c.console.error(`Workspace indexing failed: ${(e as Error).stack ?? e}`));
    });
    /** Open documents whose entry lists the claims of an analysis (lazily: it holds that analysis). */
    const fromAnalysis = new Set<string>();
    // Open documents: their live content wins over the copy on disk.
    ctx.onDidAnalyse((uri, a) => {
      // Derived views (the one-segment-per-line view) would list every claim twice.
      // Listed lazily: analysing a big document must not also pay for indexing its claims.
      if (uri.startsWith('file:') || uri.startsWith('untitled:')) {
        index.set(uri, () => claimsOf(a.model, a.lines));
        fromAnalysis.add(uri);
      }
    });
    // An edited document's entry is stale, and would keep its previous analysis (hundreds of MB for a
    // 50 MB file) alive while the next one is computed: dropped until that analysis is done.
    ctx.documents.onDidChangeContent((e) => {
      if (fromAnalysis.delete(e.document.uri)) index.delete(e.document.uri);
    });
    // A closed document: an untitled buffer is gone; a file falls back to what is on disk (unsaved edits were dropped).
    ctx.documents.onDidClose(async (e) => {
      const uri = e.document.uri;
      // Drop the entry at once: it may still hold the closed document's analysis (listed lazily).
      index.delete(uri);
      fromAnalysis.delete(uri);
      if (!uri.startsWith('file:')) return;
      try {
        index.set(uri, await indexFile(fileURLToPath(uri)));
      } catch {
        index.delete(uri);
      }
    });
    ctx.onDidChangeWatchedFiles(async (p) => {
      for (const change of p.changes) {
        if (!change.uri.startsWith('file:')) continue;
        if (change.type === 3) {
          index.delete(change.uri);
          continue;
        }
        if (ctx.documents.get(change.uri)) continue;
        try {
          index.set(change.uri, await indexFile(fileURLToPath(change.uri)));
        } catch {
          index.delete(change.uri);
        }
      }
    });
    c.onWorkspaceSymbol((p, token) =>
      runSafe(c, 'workspaceSymbol', token, [], async () => {
        await ready;
        return index.search(p.query, LIMIT).map(({ uri, claim }): SymbolInformation => ({
          name: symbolName(claim),
          kind: SymbolKind.Object,
          containerName: `paid ${formatMoney(claim.paid)}`,
          location: {
            uri,
            range: { start: { line: claim.line, character: claim.character }, end: { line: claim.endLine, character: claim.endCharacter } },
          },
        }));
      }),
    );
  },
};

/**
 * A claim's name in the Ctrl+T list: CLP01, the patient, and CLP07. VS Code's quick pick filters the
 * server's answer again on the name alone (the query's first word; later words also match the container
 * and the path), so every number the README promises Ctrl+T finds must be in the name.
 */
export function symbolName(claim: { readonly id: string; readonly patient?: string; readonly payerControlNumber?: string }): string {
  return [claim.id, claim.patient, claim.payerControlNumber ? `CLP07 ${claim.payerControlNumber}` : ''].filter(Boolean).join(' · ');
}

async function buildIndex(ctx: ServerContext, index: ClaimIndex): Promise<void> {
  const roots = await workspaceRoots(ctx);
  if (!roots.length) return;
  const canReport = !!ctx.clientCapabilities().window?.workDoneProgress;
  const progress = canReport ? await ctx.connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Indexing 835 claims', 0, 'looking for files', true);
  try {
    const files = (await Promise.all(roots.map((r) => find835Files(r, () => !!progress?.token.isCancellationRequested)))).flat();
    for (const [i, path] of files.entries()) {
      if (progress?.token.isCancellationRequested) break;
      const uri = pathToFileURL(path).toString();
      if (!ctx.documents.get(uri)) {
        try {
          index.set(uri, await indexFile(path));
        } catch {
          /* unreadable: not indexed */
        }
      }
      if (i % 10 === 0) progress?.report(Math.round((100 * i) / files.length), `${i} of ${files.length} files`);
    }
  } finally {
    progress?.done();
  }
}
