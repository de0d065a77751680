import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import * as P from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '../../server/out/server.js');

/**
 * A real LSP client connection to the built server over stdio, for protocol tests. Waits for
 * signals (published diagnostics, responses), never for fixed delays.
 */
export class TestClient {
  readonly child: ChildProcess;
  readonly conn: P.ProtocolConnection;
  private readonly diagnostics = new Map<string, P.PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  /** `server`: another server script to talk to (the benchmark's minimal floor server). */
  constructor(args: string[] = [], server = SERVER) {
    this.child = spawn(process.execPath, [server, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += d));
    this.conn = P.createProtocolConnection(new P.StreamMessageReader(this.child.stdout!), new P.StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification(P.PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.onRequest(P.ConfigurationRequest.type, (p) => p.items.map(() => this.settings));
    this.conn.onRequest(P.WorkDoneProgressCreateRequest.type, () => undefined);
    this.conn.onRequest(P.RegistrationRequest.type, () => undefined);
    this.conn.onRequest(P.WorkspaceFoldersRequest.type, () => this.folders);
    this.conn.onNotification('$/progress', (p: { value: unknown }) => {
      this.progress.push(p.value);
    });
    this.conn.listen();
  }

  settings: unknown = {};
  /** Workspace folders the server asks for (file URIs). */
  folders: P.WorkspaceFolder[] | null = null;

  async initialize(
    capabilities: P.ClientCapabilities = { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  ): Promise<P.InitializeResult> {
    const r = await this.conn.sendRequest(P.InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities,
      workspaceFolders: this.folders,
    });
    await this.conn.sendNotification(P.InitializedNotification.type, {});
    return r;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.conn.sendNotification(P.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'x12-835', version, text },
    });
  }

  /** Resolves with the diagnostics published for `uri` (optionally for a given version). */
  async diagnosticsFor(uri: string, version?: number, timeoutMs = 10000): Promise<P.Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && (version === undefined || p.version === version)) return p.diagnostics;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri} v${version}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /**
   * Resolves with the first diagnostics published for `uri` (the latest, then each new publication) that
   * satisfy `ok`: for what another document's change publishes again.
   */
  async diagnosticsWhen(uri: string, ok: (d: P.Diagnostic[]) => boolean, timeoutMs = 10000): Promise<P.Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && ok(p.diagnostics)) return p.diagnostics;
      if (Date.now() > deadline)
        throw new Error(`no such diagnostics for ${uri}: last ${JSON.stringify(p?.diagnostics.map((d) => d.message))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Progress notifications the server sent (begin/report/end values). */
  readonly progress: unknown[] = [];

  /** Drops what was published for `uri`, so the next `diagnosticsFor` waits for a new publication. */
  forget(uri: string): void {
    this.diagnostics.delete(uri);
  }

  hover(uri: string, line: number, character: number) {
    return this.conn.sendRequest(P.HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest(P.ShutdownRequest.type);
      await this.conn.sendNotification(P.ExitNotification.type);
    } finally {
      this.conn.dispose();
      this.child.kill();
    }
  }
}
