import type * as vscode from 'vscode';

/**
 * The output channel as the LSP trace sees it: each trace entry is cut to its first line, the message
 * ("Sending notification 'textDocument/didOpen'"), and its data (the parameters and results: whole
 * documents, patient names) is never written. So `era835.trace.server` set to "verbose", by the user or
 * by a workspace, logs no more than "messages": an 835's text never reaches the log.
 */
export function traceWithoutData(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, key) {
      if (key === 'trace') return (message: string) => target.trace(withoutData(message));
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A trace entry without its data. Text format: the first line (the data follows after a line break).
 * JSON format (`{ type, message: <the JSON-RPC message>, timestamp }`): the type, time, method and id only.
 */
export function withoutData(entry: string): string {
  if (entry.startsWith('{')) {
    try {
      const o = JSON.parse(entry) as { type?: unknown; timestamp?: unknown; message?: { method?: unknown; id?: unknown } };
      return JSON.stringify({ type: o.type, timestamp: o.timestamp, method: o.message?.method, id: o.message?.id });
    } catch {
      return '(trace entry not shown: it may hold document text)';
    }
  }
  const at = entry.search(/[\r\n]/);
  return at < 0 ? entry : entry.slice(0, at);
}
