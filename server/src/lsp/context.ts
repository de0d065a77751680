import type {
  ClientCapabilities,
  Connection,
  Diagnostic,
  DidChangeWatchedFilesParams,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../analysis';
import type { ViewLimits } from '../features/visible';
import type { Settings } from '../settings';

/** What a request handler may use: the connection, open documents, their analyses, and settings. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /**
   * The analysis of an open document's current version (computed once per version), once it is ready: a
   * large document being analysed in slices is waited for, other documents answer at once. Undefined when
   * the document is not open, or changed again or closed during the wait (the request then gets its empty answer).
   */
  analysisReady(uri: string): Promise<Analysis | undefined>;
  /** The settings of a document (read with its scopeUri), or the window's without one. */
  settings(uri?: string): Settings;
  /** What the editor shows of a document (render limit, inlay label length): every range response is bounded by it. */
  viewLimits(uri: string): ViewLimits;
  clientCapabilities(): ClientCapabilities;
  /** Runs once the client has confirmed initialization (the connection allows one handler; share it). */
  onInitialized(listener: () => void): void;
  /** Files changed on disk (the client's watcher; the connection allows one handler, shared here). */
  onDidChangeWatchedFiles(listener: (params: DidChangeWatchedFilesParams) => void): void;
  /** Called after the debounced analysis of a document version (not on every keystroke), before its diagnostics are published. */
  onDidAnalyse(listener: (uri: string, analysis: Analysis) => void): void;
  /** Rewrites what is published for a document (a part of a large file names places in the original). */
  adjustDiagnostics(adjuster: (uri: string, diagnostics: Diagnostic[]) => Diagnostic[]): void;
  /**
   * Publishes an open document's diagnostics again (from its kept analysis: cheap), because something an
   * adjuster reads changed elsewhere (another file of the workspace). Its analysis listeners run again too.
   */
  revalidate(uri: string): void;
}

/**
 * One LSP feature's wiring: the capabilities it announces and a one-line registration of its handler.
 * The feature itself is a pure function in `features/`; handlers only adapt it (and wrap it in runSafe).
 */
export interface Handler {
  readonly capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
