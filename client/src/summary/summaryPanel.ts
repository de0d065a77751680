import * as vscode from 'vscode';
import { SUMMARY, type RemittanceSummary, type SummaryParams } from '../../../server/src/lsp/protocol';
import { is835, type Session } from '../session';
import { esc } from './html';
import { summaryBody } from './summaryHtml';
import { webviewPage } from './webviewPage';

/** How long the file must be still before the summary recomputes (typing should not flicker it). */
const DEBOUNCE_MS = 400;

/**
 * "ERA: Show Remittance Summary": a webview beside the 835 with its payments, totals, adjustments by
 * reason, worklist and balancing. One panel per document; it follows edits of the document (debounced)
 * and its links select the segment in the editor.
 */
export function registerSummaryPanel(s: Session): void {
  const panels = new Map<string, SummaryPanel>();
  s.context.subscriptions.push(
    vscode.commands.registerCommand('era835.showSummary', async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!is835(doc))
        return void vscode.window.showInformationMessage('Open an 835 file first: the summary is computed from the active 835 editor.');
      const key = doc.uri.toString();
      const existing = panels.get(key);
      if (existing) {
        existing.reveal();
        return;
      }
      const panel = new SummaryPanel(s, doc, () => panels.delete(key));
      panels.set(key, panel);
      await panel.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => panels.get(e.document.uri.toString())?.scheduleRefresh()),
    vscode.workspace.onDidOpenTextDocument((d) => panels.get(d.uri.toString())?.scheduleRefresh()),
    vscode.workspace.onDidCloseTextDocument((d) => panels.get(d.uri.toString())?.markClosed()),
    {
      dispose: () => {
        for (const p of panels.values()) p.dispose();
      },
    },
  );
}

class SummaryPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly fileName: string;
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;
  private rendered = false;
  private disposed = false;

  constructor(
    private readonly s: Session,
    private readonly doc: vscode.TextDocument,
    onDispose: () => void,
  ) {
    this.fileName = doc.uri.path.split('/').pop() ?? doc.uri.toString();
    const beside = vscode.window.activeTextEditor?.document === doc ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    this.panel = vscode.window.createWebviewPanel(
      'era835.summary',
      `Remittance Summary: ${this.fileName}`,
      { viewColumn: beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    this.panel.webview.html = this.page('<p class="muted">Computing the summary…</p>');
    this.panel.onDidDispose(() => {
      this.disposed = true;
      clearTimeout(this.timer);
      onDispose();
    });
    this.panel.webview.onDidReceiveMessage((m: { type?: string; range?: number[] }) => {
      if (m?.type === 'reveal' && Array.isArray(m.range) && m.range.length === 4) void this.revealInEditor(m.range);
    });
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel.dispose();
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  markClosed(): void {
    // Keep the last summary; VS Code also closes documents it merely stops tracking, so say it gently.
    this.show(`${this.lastBody}<p class="muted">The file was closed; reopen it to refresh this summary.</p>`, undefined);
  }

  private lastBody = '';

  async refresh(): Promise<void> {
    const mine = ++this.seq;
    let summary: RemittanceSummary | null = null;
    let failure = '';
    try {
      const params: SummaryParams = { textDocument: { uri: this.doc.uri.toString() } };
      summary = await this.s.client().sendRequest(SUMMARY, params);
    } catch (e) {
      failure = (e as Error).message;
    }
    if (mine !== this.seq || this.disposed) return; // a newer refresh is on its way
    if (!summary) {
      this.show(
        `<p class="warn">No summary: ${esc(failure || 'the language server has not analysed this file (is it still open?)')}.</p>`,
        undefined,
      );
      return;
    }
    this.lastBody = summaryBody(summary, this.fileName);
    this.show(this.lastBody, this.rendered ? 'Summary updated' : undefined);
    this.rendered = true;
  }

  /**
   * A visible webview gets the new content by message (its sort order, scroll and focus stay); a hidden
   * one, which VS Code reloads from `html` when shown again, gets a new page.
   */
  private show(body: string, announce: string | undefined): void {
    if (this.disposed) return;
    if (this.panel.visible && this.rendered) void this.panel.webview.postMessage({ type: 'render', html: body, announce });
    else this.panel.webview.html = this.page(body);
  }

  private page(body: string): string {
    return webviewPage({ cspSource: this.panel.webview.cspSource, title: `Remittance Summary: ${this.fileName}`, body });
  }

  /** Selects the range in an editor of the document (the one already showing it, else a new one beside the panel). */
  private async revealInEditor([sl, sc, el, ec]: number[]): Promise<void> {
    const range = new vscode.Range(sl, sc, el, ec);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.doc.uri.toString());
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(this.doc.uri));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      selection: range,
    });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
