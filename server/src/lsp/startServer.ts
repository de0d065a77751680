import {
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DidChangeWatchedFilesParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { loadOfficialLists, skippedRows } from '../codes/officialFile';
import { VERSION } from '../version';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';
import type { Analysis } from '../analysis';
import type { ServerContext } from './context';
import { shownDiagnostics } from './diagnostics';
import { AnalysisCache } from './documents';
import { EditorLimits } from './editorLimits';
import { HANDLERS } from './handlers';
import { STATUS } from './protocol';
import { SYNCED_DOCUMENTS } from './syncedDocument';

/** How long edits settle before diagnostics are recomputed. */
const DEBOUNCE_MS = 150;

/**
 * The same for documents analysed in slices (see AnalysisCache.isLarge): shorter, so an edit of a 10 MB
 * remit shows its diagnostics within some 300 ms. A burst of keystrokes still costs one analysis: each
 * keystroke cancels the analysis of the version before (at its next slice) and restarts this delay.
 */
const LARGE_DEBOUNCE_MS = 40;

/** "12.3 MB" for a length in UTF-16 code units (about bytes for an 835, which is ASCII). */
function sizeLabel(length: number): string {
  return length >= 1_000_000 ? `${(length / 1_000_000).toFixed(1)} MB` : `${Math.round(length / 1000)} KB`;
}

/** Whether two settings would analyse and show documents alike (the official lists are loaded once per path). */
function sameSettings(a: Settings, b: Settings): boolean {
  return a.official === b.official && JSON.stringify({ ...a, official: undefined }) === JSON.stringify({ ...b, official: undefined });
}

/**
 * Wires the 835 language service to an LSP connection: capabilities, one line per handler, the
 * analysis cache, debounced diagnostics that are never published for a stale version, settings pull.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(SYNCED_DOCUMENTS);
  const cache = new AnalysisCache();
  /** The validation each document is waiting for, and the version it was scheduled for. */
  const pending = new Map<string, { timer: NodeJS.Timeout; version: number }>();
  /** The window's settings (no scope): for files that are not open, and until a document's own are read. */
  let settings: Settings = DEFAULT_SETTINGS;
  /** Each open document's settings, read with its `scopeUri` (a folder of a multi-root workspace may differ). */
  const scoped = new Map<string, Settings>();
  const settingsOf = (uri: string): Settings => scoped.get(uri) ?? settings;
  /** The reading of a just-opened document's settings, which its first validation waits for. */
  const settingsRead = new Map<string, Promise<void>>();
  let canPullConfig = false;
  let clientCapabilities: ClientCapabilities = {};
  const limits = new EditorLimits(connection, () => canPullConfig);

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    canPullConfig = !!params.capabilities.workspace?.configuration;
    const initSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initSettings) settings = readAndReport(initSettings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...Object.assign({}, ...HANDLERS.map((h) => h.capabilities)),
      },
      serverInfo: { name: 'era835', version: VERSION },
    };
  });

  const initializedListeners: Array<() => void> = [];
  const analysedListeners: Array<(uri: string, analysis: Analysis) => void> = [];
  const adjusters: Array<(uri: string, diagnostics: Diagnostic[]) => Diagnostic[]> = [];
  const watchedListeners: Array<(params: DidChangeWatchedFilesParams) => void> = [];
  connection.onDidChangeWatchedFiles((p) => {
    for (const l of watchedListeners) l(p);
  });
  connection.onInitialized(() => {
    void refreshSettings();
    for (const l of initializedListeners) l();
  });

  /**
   * Reads the settings again (pulled from the client, or as the client pushed them) and, when they
   * changed, re-analyses the open documents and asks the client again for the views that depend on
   * them. A configuration event that changes nothing of ours (VS Code sends one for any setting) costs
   * nothing: no re-analysis of a 50 MB document, no second publication of the same diagnostics.
   */
  async function refreshSettings(pushed?: { readonly era835?: unknown }): Promise<void> {
    const limitsChanged = await limits.pull(documents.all().map((d) => d.uri));
    let next = settings;
    const open = documents.all().map((d) => d.uri);
    let perDocument: Array<Settings | undefined> = [];
    if (canPullConfig) {
      try {
        // One request: the window's settings, then each open document's (scopeUri).
        const [raw, ...forDocs] = await connection.workspace.getConfiguration([
          { section: 'era835' },
          ...open.map((scopeUri) => ({ scopeUri, section: 'era835' })),
        ]);
        next = await withOfficialLists(readAndReport(raw));
        perDocument = await Promise.all(forDocs.map((r) => withOfficialLists(readAndReport(r))));
      } catch (e) {
        connection.console.warn(`Could not read era835 settings, using defaults: ${(e as Error).message}`);
      }
    } else if (pushed) {
      next = await withOfficialLists(readAndReport(pushed.era835));
    }
    const changed = open.filter((uri, i) => {
      const mine = perDocument[i] ?? next;
      if (sameSettings(mine, settingsOf(uri))) return false;
      scoped.set(uri, mine);
      return true;
    });
    if (sameSettings(next, settings) && !changed.length) {
      if (limitsChanged) refreshViews();
      return;
    }
    settings = next;
    // A document whose settings object changed is analysed again (the cache keys entries by settings).
    for (const uri of changed) {
      const doc = documents.get(uri);
      if (doc) schedule(uri, doc.version, 0);
    }
    refreshViews();
  }

  /** Views computed from settings or editor limits (labels, lenses, token classes) are asked for again. */
  function refreshViews(): void {
    const ws = clientCapabilities.workspace;
    if (ws?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (ws?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (ws?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
  }

  connection.onDidChangeConfiguration((change) => {
    void refreshSettings(canPullConfig ? undefined : { era835: (change.settings as { era835?: unknown } | undefined)?.era835 });
  });

  /**
   * Settings from what the client sent. Values that cannot be used are said, each naming its setting, in
   * the output channel, and the first in a notification; the same warnings are said once, not on every
   * configuration event.
   */
  let warned = '';
  /**
   * A warning the editor shows. A notification (window/showMessage), not connection.window's request
   * form: nothing is waited for, and a client that does not take requests cannot make it fail.
   */
  const notify = (message: string) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  function readAndReport(raw: unknown): Settings {
    const { settings: read, warnings } = readSettings(raw);
    const key = warnings.join('\n');
    if (key !== warned) {
      warned = key;
      for (const w of warnings) connection.console.warn(`Setting not used: ${w}`);
      if (warnings.length) {
        const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more: see the 835 language server output)` : '';
        notify(`${warnings[0]}${more}`);
      }
    }
    return read;
  }

  /** Loads the organisation's official code lists named by the settings, and says once if it cannot. */
  let officialFrom: { path: string; lists: Settings['official'] } | undefined;
  async function withOfficialLists(s: Settings): Promise<Settings> {
    if (!s.codeListsPath) return s;
    if (officialFrom?.path !== s.codeListsPath) {
      const r = await loadOfficialLists(s.codeListsPath);
      officialFrom = { path: s.codeListsPath, lists: r.lists };
      const problem = r.error ?? skippedRows(r);
      if (problem) {
        connection.console.warn(`era835.codeLists.path: ${problem}`);
        notify(`era835.codeLists.path: ${problem}`);
      }
      connection.console.info(`Official code lists: ${r.rows} code(s) from ${s.codeListsPath}`);
    }
    return { ...s, official: officialFrom.lists };
  }

  function schedule(uri: string, version: number, delay: number): void {
    clearTimeout(pending.get(uri)?.timer);
    const timer = setTimeout(() => {
      pending.delete(uri);
      void validate(uri);
    }, delay);
    pending.set(uri, { timer, version });
  }

  async function validate(uri: string): Promise<void> {
    await settingsRead.get(uri);
    settingsRead.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    // A large document takes a noticeable while: the client's status item says so until it is done.
    const large = cache.isLarge(doc) && !cache.peek(doc);
    if (large)
      void connection.sendNotification(STATUS, {
        textDocument: { uri },
        state: 'analysing',
        message: `analysing ${sizeLabel(doc.getText().length)}…`,
      });
    try {
      // Large documents are analysed in slices; a newer version or a close cancels (undefined).
      const analysis = await cache.analyse(doc, settingsOf(uri));
      // Never publish for a version that changed while we computed.
      if (!analysis || documents.get(uri)?.version !== version) return;
      // Listeners first: an adjuster may read what they keep of this very analysis (reversal pairs).
      for (const l of analysedListeners) l(uri, analysis);
      let diagnostics = shownDiagnostics(analysis, settingsOf(uri), uri);
      for (const adjust of adjusters) diagnostics = adjust(uri, diagnostics);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      connection.console.error(`Validation of ${uri} failed: ${(e as Error)?.stack ?? e}`);
    } finally {
      // Also when cancelled by a newer version: that version's validation says "analysing" again.
      if (large) void connection.sendNotification(STATUS, { textDocument: { uri }, state: 'ready', message: '' });
    }
  }

  // An opened document is analysed at once (its change-content event, fired next, must not delay that),
  // with its own settings: read first when the client can answer (validate waits for them).
  documents.onDidOpen((e) => {
    const uri = e.document.uri;
    if (canPullConfig) {
      settingsRead.set(
        uri,
        connection.workspace
          .getConfiguration({ scopeUri: uri, section: 'era835' })
          .then(
            (raw) => withOfficialLists(readAndReport(raw)),
            () => settings,
          )
          .then((s) => {
            if (documents.get(uri) && !sameSettings(s, settings)) scoped.set(uri, s);
          }),
      );
    }
    schedule(uri, e.document.version, 0);
    void limits.pull([uri]).then((changed) => {
      if (changed) refreshViews();
    });
  });
  documents.onDidChangeContent(({ document: doc }) => {
    if (pending.get(doc.uri)?.version === doc.version) return;
    // The previous version's analysis is of no use any more: stop it now rather than at the next analysis.
    cache.dropOlderThan(doc);
    schedule(doc.uri, doc.version, cache.isLarge(doc) ? LARGE_DEBOUNCE_MS : DEBOUNCE_MS);
    cache.prepare(doc);
  });
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri)?.timer);
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    limits.delete(e.document.uri);
    scoped.delete(e.document.uri);
    settingsRead.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /**
   * The analysis of a document for a request, or undefined when it is not open, or when it is a large
   * document whose current version is not analysed yet (see analysisReady).
   */
  const analysisOf = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return cache.peek(doc) ?? (cache.isLarge(doc) ? undefined : cache.get(doc, settingsOf(uri)));
  };
  /**
   * A request about a large document being analysed in slices waits for the analysis of its current
   * version, while requests about other documents are answered at once. If the document changed again or
   * closed meanwhile, there is no analysis of what the request asked about: undefined (its empty answer).
   */
  const analysisReady = async (uri: string) => {
    const doc = documents.get(uri);
    const running = doc ? cache.pending(doc, settingsOf(uri)) : undefined;
    if (running) await running.catch(() => undefined);
    return analysisOf(uri);
  };

  const ctx: ServerContext = {
    connection,
    documents,
    analysisReady,
    settings: (uri?: string) => (uri === undefined ? settings : settingsOf(uri)),
    viewLimits: (uri) => limits.of(uri),
    clientCapabilities: () => clientCapabilities,
    onInitialized: (l) => initializedListeners.push(l),
    onDidAnalyse: (l) => analysedListeners.push(l),
    onDidChangeWatchedFiles: (l) => watchedListeners.push(l),
    adjustDiagnostics: (a) => adjusters.push(a),
    revalidate: (uri) => {
      const doc = documents.get(uri);
      if (doc && !pending.has(uri)) schedule(uri, doc.version, 0);
    },
  };
  for (const h of HANDLERS) h.register(ctx);

  documents.listen(connection);
  connection.listen();
}
