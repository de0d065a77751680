import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { EXPLORER_CHANGED, EXPLORER_PAYERS, type ExplorerFilter, type ExplorerNode } from '../../../server/src/lsp/protocol';
import { toRange, type Session } from '../session';
import { ExplorerProvider } from './provider';

/** The view's id (package.json contributes.views). */
export const EXPLORER_VIEW = 'era835.explorer';

/** What the real-editor tests drive: the tree as VS Code sees it, and the view. */
export interface ExplorerApi {
  readonly provider: ExplorerProvider;
  readonly view: vscode.TreeView<ExplorerNode>;
}

/** The filters of the quick pick, in the server's terms (the server words them and counts under them). */
const FILTERS: ReadonlyArray<{ label: string; detail: string; filter?: ExplorerFilter }> = [
  { label: '$(list-tree) All claims', detail: 'Clear the filter', filter: { kind: 'all' } },
  {
    label: '$(warning) Needs work',
    detail: 'Claims with an adjustment to work (denials, missing information, wrong sequestration)',
    filter: { kind: 'work' },
  },
  {
    label: '$(arrow-circle-left) Recoverable CO-253',
    detail: 'Claims with sequestration money to claim back',
    filter: { kind: 'recoverable' },
  },
  { label: '$(circle-slash) Denied', detail: 'Claims with status 4', filter: { kind: 'denied' } },
  { label: '$(discard) Reversals', detail: 'Claims with status 22', filter: { kind: 'reversals' } },
  { label: '$(organization) One payer…', detail: 'Claims of one payer (N1*PR)' },
];

/**
 * The ERA Explorer: a tree of the workspace's 835 files, their payments, claims, service lines and
 * adjustments, in its own view container; filters in the view's title bar; a badge with the number of
 * adjustments to work; choosing a node selects its segment in the file. The server computes it all.
 */
export function registerExplorer(s: Session): ExplorerApi {
  const provider = new ExplorerProvider(s);
  const view = vscode.window.createTreeView(EXPLORER_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.onFiles((r) => {
    view.badge = r.badge ? { value: r.badge, tooltip: r.badgeTooltip } : undefined;
    view.message = r.message || undefined;
    view.description = r.filterLabel || undefined;
  });
  const setFilter = (f: ExplorerFilter) => {
    provider.filter = f;
    void vscode.commands.executeCommand('setContext', 'era835.explorerFiltered', f.kind !== 'all');
  };

  // The server reads the workspace once the view is first shown (it asks nothing before), then says when
  // the index changed: ask again, at most about twice a second (the server throttles too). A hidden view
  // asks for the badge only.
  let timer: NodeJS.Timeout | undefined;
  const onChanged = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (view.visible) provider.refresh();
      else void provider.refreshBadge().catch(() => undefined);
    }, 300);
  };
  s.client().onNotification(EXPLORER_CHANGED, onChanged);

  s.context.subscriptions.push(
    view,
    // A restarted server numbers its nodes afresh: ask again.
    s.client().onDidChangeState((e) => {
      if (e.newState === State.Running) provider.refresh();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) provider.refresh();
    }),
    vscode.commands.registerCommand('era835.explorer.filter', async () => {
      const pick = await vscode.window.showQuickPick(FILTERS, { title: 'ERA Explorer: show', placeHolder: 'Which claims to show' });
      if (!pick) return;
      if (pick.filter) return setFilter(pick.filter);
      const payers = await s.client().sendRequest(EXPLORER_PAYERS, {});
      if (!payers.length)
        return void vscode.window.showInformationMessage(
          'ERA Explorer: no payers found yet (the workspace is still being read, or has no 835 files).',
        );
      const payer = await vscode.window.showQuickPick(
        payers.map((p) => ({ label: p.payer || '(no payer name)', description: p.description, payer: p.payer })),
        { title: 'ERA Explorer: claims of one payer', matchOnDescription: false },
      );
      if (payer) setFilter({ kind: 'payer', payer: payer.payer });
    }),
    vscode.commands.registerCommand('era835.explorer.clearFilter', () => setFilter({ kind: 'all' })),
    vscode.commands.registerCommand('era835.explorer.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('era835.explorer.more', (n: ExplorerNode) => provider.more(n)),
    vscode.commands.registerCommand('era835.explorer.reveal', async (n: ExplorerNode) => {
      if (!n?.reveal) return;
      const range = toRange(n.reveal.range);
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(n.reveal.uri));
      await vscode.window.showTextDocument(doc, { selection: range, preview: true, preserveFocus: true });
    }),
  );
  return { provider, view };
}
