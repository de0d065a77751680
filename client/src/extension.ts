import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { STATUS } from '../../server/src/lsp/protocol';
import { registerCasDecorations } from './casDecorations';
import { registerDetection } from './detect';
import { registerExplorer, type ExplorerApi } from './explorer';
import { registerLargeRemittance } from './largeRemittance';
import { startWhenNeeded } from './lazyStart';
import { registerOneLine } from './oneLine';
import { registerEditing } from './editing';
import { editorLimitsMiddleware, SYNCED_SECTIONS } from './editorLimits';
import { registerNavigation } from './navigation';
import { registerPrettyView } from './prettyView';
import { registerRedact } from './redact';
import { NOT_RESTARTED, RestartPolicy } from './restartPolicy';
import { registerRuleSettings } from './ruleSettings';
import type { Session } from './session';
import { registerSummary } from './summary';
import { traceWithoutData } from './traceChannel';

/**
 * The VS Code side: starts the 835 language server over IPC, owns its lifecycle (restart, output),
 * shows its state in the status bar, and registers the commands. Everything about 835s is computed
 * in the server; this side only asks and displays.
 */
let client: LanguageClient | undefined;

/** What the extension exports: the session, and the ERA Explorer for the real-editor tests. */
export type ExtensionApi = Session & { readonly explorer: ExplorerApi };

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const output = vscode.window.createOutputChannel('X12 835 ERA Inspector', { log: true });
  const status = vscode.window.createStatusBarItem('era835.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'X12 835 language server';
  status.command = 'era835.showOutput';
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const restarts = new RestartPolicy();
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'x12-835' }],
    outputChannel: output,
    // era835.trace.server logs message names only: parameters (whole documents) never reach the log.
    traceOutputChannel: traceWithoutData(output),
    synchronize: {
      configurationSection: SYNCED_SECTIONS,
      // Keeps the workspace claim index (Ctrl+T) current when remits arrive or change on disk.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{835,era,ERA}'),
    },
    // A crashed server is restarted once; a second crash within 10 minutes is not restarted into the
    // same crash (RestartPolicy): the user is told, fixes the cause and restarts it by command.
    errorHandler: {
      error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
      closed: () =>
        restarts.shouldRestart(Date.now()) ? { action: CloseAction.Restart } : { action: CloseAction.DoNotRestart, message: NOT_RESTARTED },
    },
    middleware: { workspace: editorLimitsMiddleware },
  };

  /** Documents the server is analysing (era835/status), counted per start so late "ready"s cannot hide a newer start. */
  const analysing = new Map<string, { count: number; message: string }>();
  let serverState = State.Starting;
  const show = (state: State) => {
    serverState = state;
    const running = state === State.Running;
    const busy = running ? [...analysing.entries()].find(([, a]) => a.count > 0) : undefined;
    if (busy) {
      status.text = '$(sync~spin) 835 analysing…';
      status.tooltip = `X12 835 language server: ${busy[1].message} (${vscode.Uri.parse(busy[0]).path.split('/').pop()})`;
    } else {
      status.text = running ? '$(check) 835' : state === State.Starting ? '$(sync~spin) 835' : '$(error) 835';
      status.tooltip = running
        ? 'X12 835 language server: running'
        : state === State.Starting
          ? 'X12 835 language server: starting'
          : 'X12 835 language server: stopped (click for its output)';
    }
    status.show();
  };

  client = new LanguageClient('era835', 'X12 835 ERA Inspector', serverOptions, clientOptions);
  client.onNotification(STATUS, (p) => {
    const uri = p.textDocument.uri;
    const a = analysing.get(uri) ?? { count: 0, message: '' };
    a.count += p.state === 'analysing' ? 1 : -1;
    if (p.message) a.message = p.message;
    if (a.count > 0) analysing.set(uri, a);
    else analysing.delete(uri);
    show(serverState);
  });
  const session: Session = { context, output, client: () => client! };
  context.subscriptions.push(
    client.onDidChangeState((e) => {
      if (e.newState !== State.Running) analysing.clear();
      show(e.newState);
    }),
    vscode.commands.registerCommand('era835.restartServer', async () => {
      output.info('Restarting the 835 language server');
      restarts.reset();
      await (client?.needsStart() ? client.start() : client?.restart());
    }),
    vscode.commands.registerCommand('era835.showOutput', () => output.show(true)),
  );
  registerPrettyView(session);
  registerNavigation(session);
  registerEditing(session);
  registerSummary(session);
  registerRedact(session);
  registerDetection(session);
  registerOneLine(session);
  registerLargeRemittance(session);
  const explorer = registerExplorer(session);
  registerRuleSettings(session);
  registerCasDecorations(session);
  // Started once an 835 is open (lazyStart.ts); the status item shows from then on.
  let started: Promise<void> | undefined;
  startWhenNeeded(() => {
    if (started) return;
    show(State.Starting);
    started = client!.start().catch((e) => output.error(`The 835 language server did not start: ${(e as Error).message}`));
  }, context.subscriptions);
  await started;
  return { ...session, explorer };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
