import {
  DiagnosticSeverity, TextDocuments, TextDocumentSyncKind, type ClientCapabilities, type Connection, type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadOfficialLists } from '../codes/officialFile';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings';
import type { Analysis } from '../analysis';
import type { Finding } from '../x12/finding';
import type { ServerContext } from './context';
import { effectiveSeverity, toDiagnostics } from './diagnostics';
import { AnalysisCache, gatedConnection } from './documents';
import { HANDLERS } from './handlers';

/**
 * VS Code shows at most 1000 diagnostics per file (errors first, then warnings, information, hints) and
 * drops the rest in the extension host. Sending more only costs time: a 50 MB remit has 200,000
 * informational CO-253 findings, tens of megabytes of JSON. So the server sends the same selection
 * itself, and says how many it left out (`era835 check` lists every finding).
 */
const MAX_DIAGNOSTICS = 1000;
const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

function shownDiagnostics(analysis: Analysis, settings: Settings, uri: string): Diagnostic[] {
  const shown = analysis.findings.filter((f) => effectiveSeverity(f, settings) !== undefined);
  if (shown.length <= MAX_DIAGNOSTICS) return toDiagnostics({ ...analysis, findings: shown }, settings, uri);
  const keep = new Set<Finding>();
  for (const severity of SEVERITY_ORDER) {
    for (const f of shown) {
      if (keep.size >= MAX_DIAGNOSTICS - 1) break;
      if (effectiveSeverity(f, settings) === severity) keep.add(f);
    }
  }
  const out = toDiagnostics({ ...analysis, findings: shown.filter((f) => keep.has(f)) }, settings, uri);
  out.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    severity: DiagnosticSeverity.Information, source: 'era835', code: 'diagnostics-limit',
    message: `${shown.length - keep.size} more findings are not shown: an editor shows at most ${MAX_DIAGNOSTICS} per file (errors first). Run \`era835 check\` on this file to list all ${shown.length}.`,
  });
  return out;
}

/** How long edits settle before diagnostics are recomputed. */
const DEBOUNCE_MS = 150;

/**
 * Wires the 835 language service to an LSP connection: capabilities, one line per handler, the
 * analysis cache, debounced diagnostics that are never published for a stale version, settings pull.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const pending = new Map<string, NodeJS.Timeout>();
  let settings: Settings = DEFAULT_SETTINGS;
  let canPullConfig = false;
  let clientCapabilities: ClientCapabilities = {};

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    canPullConfig = !!params.capabilities.workspace?.configuration;
    const initSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initSettings) settings = parseSettings(initSettings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...Object.assign({}, ...HANDLERS.map((h) => h.capabilities)),
      },
      serverInfo: { name: 'era835', version: '0.1.0' },
    };
  });

  const initializedListeners: Array<() => void> = [];
  const analysedListeners: Array<(uri: string, analysis: Analysis) => void> = [];
  connection.onInitialized(() => {
    void refreshSettings();
    for (const l of initializedListeners) l();
  });

  async function refreshSettings(): Promise<void> {
    if (canPullConfig) {
      try {
        const [raw] = await connection.workspace.getConfiguration([{ section: 'era835' }]);
        settings = await withOfficialLists(parseSettings(raw));
      } catch (e) {
        connection.console.warn(`Could not read era835 settings, using defaults: ${(e as Error).message}`);
      }
    }
    cache.clear();
    for (const doc of documents.all()) schedule(doc.uri, 0);
    // Views computed from settings (labels, lenses, token classes) are asked for again.
    const ws = clientCapabilities.workspace;
    if (ws?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (ws?.codeLens?.refreshSupport) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (ws?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (!canPullConfig) settings = await withOfficialLists(parseSettings((change.settings as { era835?: unknown } | undefined)?.era835));
    void refreshSettings();
  });

  /** Loads the organisation's official code lists named by the settings, and says once if it cannot. */
  let officialFrom: { path: string; lists: Settings['official'] } | undefined;
  async function withOfficialLists(s: Settings): Promise<Settings> {
    if (!s.codeListsPath) return s;
    if (officialFrom?.path !== s.codeListsPath) {
      const r = await loadOfficialLists(s.codeListsPath);
      officialFrom = { path: s.codeListsPath, lists: r.lists };
      const problem = r.error ?? (r.problems.length ? `${r.problems.length} row(s) skipped (${r.problems[0]})` : '');
      if (problem) void connection.window.showWarningMessage(`era835.codeLists.path: ${problem}`);
      connection.console.info(`Official code lists: ${r.rows} code(s) from ${s.codeListsPath}`);
    }
    return { ...s, official: officialFrom.lists };
  }

  function schedule(uri: string, delay = DEBOUNCE_MS): void {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => { pending.delete(uri); void validate(uri); }, delay));
  }

  async function validate(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    try {
      // Large documents are analysed in slices; a newer version or a close cancels (undefined).
      const analysis = await cache.analyse(doc, settings);
      // Never publish for a version that changed while we computed.
      if (!analysis || documents.get(uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri, version, diagnostics: shownDiagnostics(analysis, settings, uri) });
      for (const l of analysedListeners) l(uri, analysis);
    } catch (e) {
      connection.console.error(`Validation of ${uri} failed: ${(e as Error)?.stack ?? e}`);
    }
  }

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  /**
   * The analysis of a document for a request, or undefined when it is not open, or when it is a large
   * document whose current version is not analysed yet (requests about it first wait for that analysis,
   * see gatedConnection; if it changed again meanwhile, the request gets its empty answer).
   */
  const analysisOf = (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    return cache.peek(doc) ?? (cache.isLarge(doc) ? undefined : cache.get(doc, settings));
  };
  /** What a request about `uri` waits for: the running analysis of a large document's current version. */
  const waitFor = (uri: string) => {
    const doc = documents.get(uri);
    return doc ? cache.pending(doc, settings) : undefined;
  };

  const ctx: ServerContext = {
    connection: gatedConnection(connection, waitFor), documents, analysisOf, settings: () => settings, clientCapabilities: () => clientCapabilities,
    onInitialized: (l) => initializedListeners.push(l),
    onDidAnalyse: (l) => analysedListeners.push(l),
  };
  for (const h of HANDLERS) h.register(ctx);

  documents.listen(connection);
  connection.listen();
}
