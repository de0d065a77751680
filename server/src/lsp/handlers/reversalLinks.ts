import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { defaultSeverity } from '../../rules/engine/catalog';
import { readModel } from '../../workspace/claimIndex';
import { find835Files } from '../../workspace/findFiles';
import {
  fileClaimsOf,
  keptClaimsOf,
  linksOf,
  originalMessage,
  reversalMessage,
  type ClaimMoney,
  type FileClaims,
} from '../../workspace/reversalLinks';
import type { Handler, ServerContext } from '../context';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `reversal-pair` across files (workspace/reversalLinks.ts): a reversal in one 835 of the workspace and its
 * original in another. Open documents give their claims after each analysis, the other files of the
 * workspace are read in the background (tokens and model only, in steps), and files changed, created or
 * deleted on disk are read again. The diagnostics are added to what is published for a document; when
 * another file's claims change, the open documents they may concern are published again from their kept
 * analyses (no new analysis). Nothing here runs on a request's path.
 */
export const reversalLinksHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const files = new Map<string, FileClaims>();
    /** The analysis each open document's entry was made from: a republish brings the same one, which changes nothing. */
    const madeFrom = new Map<string, unknown>();
    /** Open documents published with at least one link (they must be published again when a link may go away). */
    const linked = new Set<string>();

    /** After file `uri`'s claims changed: publish again the open documents this may concern. */
    const changed = (uri: string, before: FileClaims | undefined) => {
      const now = files.get(uri);
      const hasReversals = !!(before?.reversals.length || now?.reversals.length);
      for (const doc of ctx.documents.all()) {
        const other = doc.uri;
        if (other === uri) continue;
        const theirs = files.get(other);
        if (hasReversals || linked.has(other) || theirs?.reversals.length) ctx.revalidate(other);
      }
    };
    const put = (uri: string, claims: FileClaims | undefined) => {
      const before = files.get(uri);
      if (claims) files.set(uri, claims);
      else files.delete(uri);
      if (before || claims) changed(uri, before);
    };

    ctx.onDidAnalyse((uri, a) => {
      if (!uri.startsWith('file:') && !uri.startsWith('untitled:')) return;
      if (madeFrom.get(uri) === a) return;
      madeFrom.set(uri, a);
      put(uri, fileClaimsOf(a.model, a.lines));
    });
    // An edited document's entry would keep its previous analysis (its originals are made on demand from
    // it) alive while the next one is computed: its reversals stay, its originals wait for that analysis.
    ctx.documents.onDidChangeContent((e) => {
      const entry = files.get(e.document.uri);
      if (entry && madeFrom.has(e.document.uri)) files.set(e.document.uri, { reversals: entry.reversals, originals: () => NONE });
    });
    ctx.documents.onDidClose(async (e) => {
      const uri = e.document.uri;
      madeFrom.delete(uri);
      linked.delete(uri);
      put(uri, uri.startsWith('file:') ? await fromDisk(uri) : undefined);
    });
    ctx.onDidChangeWatchedFiles(async (p) => {
      for (const change of p.changes) {
        if (!change.uri.startsWith('file:') || ctx.documents.get(change.uri)) continue;
        put(change.uri, change.type === 3 ? undefined : await fromDisk(change.uri));
      }
    });
    ctx.onInitialized(() => void readWorkspace(ctx, files, put));

    ctx.adjustDiagnostics((uri, diagnostics) => {
      const level = ctx.settings(uri).rules['reversal-pair'] ?? defaultSeverity('reversal-pair');
      const links = level === 'off' ? [] : linksOf(uri, files);
      if (links.length) linked.add(uri);
      else linked.delete(uri);
      if (!links.length) return diagnostics;
      const name = (file: string) => (file.startsWith('file:') ? basename(fileURLToPath(file)) : file);
      const extra: Diagnostic[] = links.map((l) => {
        const mine = l.reversalFile === uri ? l.reversal : l.original;
        return {
          range: { start: { line: mine.line, character: mine.character }, end: { line: mine.endLine, character: mine.endCharacter } },
          severity: SEVERITY[level as keyof typeof SEVERITY] ?? DiagnosticSeverity.Information,
          source: 'era835',
          code: 'reversal-pair',
          message: l.reversalFile === uri ? reversalMessage(l, name) : originalMessage(l, name),
        };
      });
      return [...diagnostics, ...extra];
    });
  },
};

const NONE: ReadonlyMap<string, readonly ClaimMoney[]> = new Map();

async function fromDisk(uri: string): Promise<FileClaims | undefined> {
  try {
    const { model, lines } = await readModel(fileURLToPath(uri));
    return keptClaimsOf(model, lines);
  } catch {
    return undefined;
  }
}

/** The workspace's 835 files that are not open, read in the background one at a time. */
async function readWorkspace(ctx: ServerContext, files: Map<string, FileClaims>, put: (uri: string, c: FileClaims | undefined) => void) {
  try {
    const folders = (await ctx.connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
    const roots = folders.map((f) => f.uri).filter((u) => u.startsWith('file:'));
    for (const root of roots) {
      for (const path of await find835Files(fileURLToPath(root))) {
        const uri = pathToFileURL(path).toString();
        if (ctx.documents.get(uri) || files.has(uri)) continue;
        const claims = await fromDisk(uri);
        // Opened meanwhile: the document's analysis is what counts.
        if (claims && !ctx.documents.get(uri)) put(uri, claims);
      }
    }
  } catch (e) {
    ctx.connection.console.error(`Reading the workspace for reversal pairs failed: ${(e as Error).stack ?? e}`);
  }
}
