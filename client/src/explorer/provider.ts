import * as vscode from 'vscode';
import {
  EXPLORER_CHILDREN,
  EXPLORER_FILES,
  type ExplorerFilesResult,
  type ExplorerFilter,
  type ExplorerIcon,
  type ExplorerNode,
} from '../../../server/src/lsp/protocol';
import type { Session } from '../session';

/** Icons by the server's choice: the server says what a node is, the client only picks the picture. */
const ICONS: Readonly<Record<ExplorerIcon, [string, string?]>> = {
  file: ['file'],
  'large-file': ['file-binary'],
  payment: ['credit-card'],
  claim: ['pass', 'testing.iconPassed'],
  'claim-work': ['warning', 'list.warningForeground'],
  'claim-recover': ['arrow-circle-left', 'list.errorForeground'],
  'claim-denied': ['circle-slash'],
  'claim-reversal': ['discard'],
  line: ['symbol-event'],
  'line-work': ['symbol-event', 'list.warningForeground'],
  adjustment: ['dash'],
  'adjustment-work': ['warning', 'list.warningForeground'],
  'adjustment-recover': ['arrow-circle-left', 'list.errorForeground'],
  more: ['ellipsis'],
  problem: ['error', 'list.errorForeground'],
};

/**
 * The ERA Explorer's tree: it asks the language server for each level as it is expanded (a page at a
 * time) and shows the nodes as they come; every label, count and verdict word is the server's.
 * Children already loaded are kept until the server says the index changed (or the filter changes), so
 * "… N more" can add a page without asking for the earlier ones again.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode> {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Loaded children by parent id ('' for the files at the top). */
  private readonly loaded = new Map<string, ExplorerNode[]>();
  /** Each loaded node's parent, for "… N more" and reveal. */
  private readonly parents = new Map<string, ExplorerNode | undefined>();
  private filterNow: ExplorerFilter = { kind: 'all' };
  /** The last answer about the files: badge, message, filter label. */
  last: ExplorerFilesResult | undefined;
  private readonly listeners: Array<(r: ExplorerFilesResult) => void> = [];

  constructor(private readonly s: Session) {}

  get filter(): ExplorerFilter {
    return this.filterNow;
  }

  set filter(f: ExplorerFilter) {
    this.filterNow = f;
    this.refresh();
  }

  /** Called with each answer about the files (the view shows its badge and message). */
  onFiles(listener: (r: ExplorerFilesResult) => void): void {
    this.listeners.push(listener);
  }

  /** Forgets what was loaded and asks again. */
  refresh(): void {
    this.loaded.clear();
    this.parents.clear();
    this.changed.fire(undefined);
  }

  /** Asks for the files only (the badge), when the tree is not shown and so asks for nothing. */
  async refreshBadge(): Promise<void> {
    this.report(await this.s.client().sendRequest(EXPLORER_FILES, { filter: this.filterNow }));
  }

  getTreeItem(n: ExplorerNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      n.label,
      n.expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = n.id;
    item.description = n.description;
    item.tooltip = n.tooltip;
    item.contextValue = n.kind;
    const [icon, color] = ICONS[n.icon] ?? ['circle-outline'];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    if (n.more) item.command = { command: 'era835.explorer.more', title: 'Show more', arguments: [n] };
    else if (n.largeFile)
      item.command = { command: 'era835.openLargeRemittance', title: 'Open Large Remittance', arguments: [vscode.Uri.parse(n.largeFile)] };
    else if (n.reveal) {
      item.command = { command: 'era835.explorer.reveal', title: 'Reveal the segment', arguments: [n] };
      item.resourceUri = n.kind === 'file' ? vscode.Uri.parse(n.reveal.uri) : undefined;
    }
    return item;
  }

  getParent(n: ExplorerNode): ExplorerNode | undefined {
    return this.parents.get(n.id);
  }

  async getChildren(n?: ExplorerNode): Promise<ExplorerNode[]> {
    const key = n?.id ?? '';
    const kept = this.loaded.get(key);
    if (kept) return kept;
    const nodes = await this.ask(n, 0);
    this.keep(n, nodes);
    return nodes;
  }

  /** "… N more": the next page of the same parent, added in place of the "more" node. */
  async more(moreNode: ExplorerNode): Promise<void> {
    const parent = this.parents.get(moreNode.id);
    const key = parent?.id ?? '';
    const list = this.loaded.get(key);
    if (!moreNode.more || !list) return;
    const next = await this.ask(parent, moreNode.more.offset);
    this.keep(parent, [...list.filter((x) => x.id !== moreNode.id), ...next]);
    this.changed.fire(parent);
  }

  private keep(parent: ExplorerNode | undefined, nodes: ExplorerNode[]): void {
    this.loaded.set(parent?.id ?? '', nodes);
    for (const x of nodes) this.parents.set(x.id, parent);
  }

  private async ask(parent: ExplorerNode | undefined, offset: number): Promise<ExplorerNode[]> {
    try {
      if (!parent) {
        const r = await this.s.client().sendRequest(EXPLORER_FILES, { filter: this.filterNow, offset });
        this.report(r);
        return [...r.nodes];
      }
      const r = await this.s.client().sendRequest(EXPLORER_CHILDREN, { parent: parent.id, filter: this.filterNow, offset });
      // The file changed since this node was made: the whole tree is asked again.
      if (r.stale) setImmediate(() => this.refresh());
      return [...r.nodes];
    } catch (e) {
      this.s.output.warn(`ERA Explorer: ${(e as Error).message}`);
      return [];
    }
  }

  private report(r: ExplorerFilesResult): void {
    this.last = r;
    for (const l of this.listeners) l(r);
  }
}
