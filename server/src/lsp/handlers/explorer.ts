import { pathToFileURL } from 'node:url';
import { countClaims } from '../../report/explorer/facts';
import {
  claimChildren,
  claimOf,
  claimPage,
  fileNode,
  fileNoteNode,
  lineChildren,
  page,
  parseNodeId,
  paymentNodes,
} from '../../report/explorer/nodes';
import type { ExplorerFilter, ExplorerNode, ExplorerPage } from '../../report/explorer/types';
import { formatMoney } from '../../x835/values';
import { ExplorerIndex } from '../../workspace/explorerIndex';
import { find835Files } from '../../workspace/findFiles';
import type { Handler, ServerContext } from '../context';
import {
  EXPLORER_CHANGED,
  EXPLORER_CHILDREN,
  EXPLORER_FILES,
  EXPLORER_PAYERS,
  type ExplorerFilesResult,
  type ExplorerPayer,
} from '../protocol';
import { runSafe } from '../runSafe';
import { workspaceRoots } from '../workspaceRoots';

/** The client is told of changes at most this often while files are being read or edited. */
const CHANGED_EVERY_MS = 500;

const FILTER_LABELS: Readonly<Record<ExplorerFilter['kind'], string>> = {
  all: '',
  work: 'Needs work',
  recoverable: 'Recoverable CO-253',
  denied: 'Denied',
  reversals: 'Reversals',
  payer: 'Payer',
};

/** A filter from the wire (anything else is no filter). */
function readFilter(f: ExplorerFilter | undefined): ExplorerFilter {
  if (f?.kind === 'payer') return typeof f.payer === 'string' ? { kind: 'payer', payer: f.payer } : { kind: 'all' };
  return f && f.kind in FILTER_LABELS ? { kind: f.kind } : { kind: 'all' };
}

const filterLabel = (f: ExplorerFilter) => (f.kind === 'payer' ? `Payer: ${f.payer || '(no name)'}` : FILTER_LABELS[f.kind]);

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The ERA Explorer's requests: the workspace's 835 files, then payments, claims, service lines and
 * adjustments, a page at a time, with every number read from the verdicts (report/explorer/). The
 * index starts on the first request and reads the workspace in the background; the client is told
 * (`era835/explorerChanged`) when it grows or changes, and asks again.
 */
export const explorerHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const c = ctx.connection;
    let timer: NodeJS.Timeout | undefined;
    let listening = false;
    const changed = () => {
      if (!listening || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void c.sendNotification(EXPLORER_CHANGED, {});
      }, CHANGED_EVERY_MS);
    };
    const index = new ExplorerIndex({
      settings: (uri) => ctx.settings(uri),
      openAnalysis: (uri) => {
        const doc = ctx.documents.get(uri);
        return doc ? { version: doc.version, ready: () => ctx.analysisReady(uri) } : undefined;
      },
      changed,
    });
    let started: Promise<void> | undefined;
    const start = () =>
      (started ??= walkWorkspace(ctx, index).catch((e) => c.console.error(`ERA Explorer indexing failed: ${(e as Error).stack ?? e}`)));

    ctx.onDidAnalyse((uri) => {
      if (uri.startsWith('file:')) index.opened(uri);
    });
    ctx.documents.onDidClose((e) => {
      const uri = e.document.uri;
      if (!uri.startsWith('file:') || !index.has(uri)) return;
      // A closed file falls back to its copy on disk (unsaved edits were dropped), if it is in the workspace.
      if (index.inWorkspace(uri)) index.enqueue([uri]);
      else index.delete(uri);
    });
    ctx.onDidChangeWatchedFiles((p) => {
      if (!started) return;
      for (const change of p.changes) {
        if (!change.uri.startsWith('file:')) continue;
        if (change.type === 3) index.delete(change.uri);
        else if (!ctx.documents.get(change.uri)) index.enqueue([change.uri]);
      }
    });

    c.onRequest(EXPLORER_FILES, (p, token) =>
      runSafe<ExplorerFilesResult>(
        c,
        EXPLORER_FILES.method,
        token,
        {
          nodes: [],
          badge: 0,
          badgeTooltip: '',
          message: 'The ERA Explorer failed: see the 835 language server output',
          filterLabel: '',
          indexing: null,
        },
        async () => {
          listening = true;
          await start();
          const filter = readFilter(p.filter);
          const entries = await index.list();
          const shown: ExplorerNode[] = [];
          for (const e of entries) {
            if (e.note) {
              if (filter.kind === 'all') shown.push(fileNoteNode(e.uri, e.label, e.note.text, e.note.large));
              continue;
            }
            // Not read yet, or no 835 payment in it (an 837 delivered as .txt): not a remittance to list.
            if (!e.facts?.payments.length) continue;
            const counts = countClaims(e.facts, filter);
            if (filter.kind !== 'all' && counts.claims === 0) continue;
            shown.push(fileNode(e.uri, e.gen, e.label, counts, e.facts.payments.length));
          }
          const all = ExplorerIndex.totals(entries);
          const indexing = index.progress() ?? null;
          const files = entries.filter((e) => e.facts?.payments.length).length;
          const under = filter.kind === 'all' ? undefined : ExplorerIndex.totals(entries, filter);
          const message = indexing
            ? `Reading 835 files: ${indexing.done} of ${indexing.total}…`
            : !entries.length
              ? 'No 835 files in this workspace.'
              : under
                ? `${filterLabel(filter)}: ${plural(under.claims, 'claim')} in ${plural(shown.length, 'file')}`
                : '';
          return {
            nodes: page(shown, null, p.offset ?? 0, (n) => n),
            badge: all.toWork,
            badgeTooltip: `${plural(all.toWork, 'adjustment')} to work${all.toRecoverCents ? ` (${formatMoney(all.toRecoverCents)} to recover)` : ''} in ${plural(files, '835 file')}`,
            message,
            filterLabel: filterLabel(filter),
            indexing,
          };
        },
      ),
    );

    c.onRequest(EXPLORER_CHILDREN, (p, token) =>
      runSafe<ExplorerPage>(c, EXPLORER_CHILDREN.method, token, { nodes: [], stale: true }, async () => {
        const ref = parseNodeId(p.parent);
        const stale: ExplorerPage = { nodes: [], stale: true };
        if (!ref) return stale;
        const e = await index.get(ref.uri);
        if (!e?.facts || e.gen !== ref.gen) return stale;
        const filter = readFilter(p.filter);
        const offset = p.offset ?? 0;
        const f = e.facts;
        if (ref.kind === 'file') return { nodes: page(paymentNodes(e.uri, e.gen, f, filter), p.parent, offset, (n) => n), stale: false };
        if (ref.kind === 'payment') return { nodes: claimPage(e.uri, e.gen, f, ref.payment, filter, p.parent, offset), stale: false };
        // Lines and adjustments come from the file's analysis (the open document's, or read again).
        const a = await index.analysisOf(e);
        if (!a || e.gen !== ref.gen) return stale;
        const claim = claimOf(a, f.claims[ref.claim]);
        if (!claim) return stale;
        if (ref.kind === 'claim')
          return { nodes: page(claimChildren(a, e.uri, e.gen, ref.claim, claim), p.parent, offset, (n) => n), stale: false };
        const line = claim.lines[ref.line];
        return line ? { nodes: page(lineChildren(a, e.uri, line), p.parent, offset, (n) => n), stale: false } : stale;
      }),
    );

    c.onRequest(EXPLORER_PAYERS, (_p, token) =>
      runSafe<readonly ExplorerPayer[]>(c, EXPLORER_PAYERS.method, token, [], async () => {
        await start();
        return (await index.payers()).map((r) => ({
          payer: r.payer,
          description: [plural(r.claims, 'claim'), r.toWork ? `${r.toWork} to work` : ''].filter(Boolean).join(' · '),
        }));
      }),
    );
  },
};

/** Finds the workspace's 835 files (the same walk as Ctrl+T's index and the command line) and queues them. */
async function walkWorkspace(ctx: ServerContext, index: ExplorerIndex): Promise<void> {
  const roots = await workspaceRoots(ctx);
  index.setRoots(roots);
  const files = (await Promise.all(roots.map((r) => find835Files(r)))).flat();
  index.enqueue(files.map((path) => pathToFileURL(path).toString()).filter((uri) => !ctx.documents.get(uri)));
}
