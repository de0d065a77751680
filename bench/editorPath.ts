/**
 * The editor path: each response VS Code asks for while a document is shown, asked as VS Code asks for
 * it, measured in items, bytes of JSON and milliseconds. What the editor receives must stay bounded by
 * what it can show, whatever the file size (issue 15): these rows say whether it does.
 */
import * as P from 'vscode-languageserver-protocol/node';
import { CAS_CLASSES } from '../server/src/lsp/protocol';
import type { TestClient } from '../test/helpers/lspClient';

/** The responses VS Code asks for while a document is shown (per visible range, or per document). */
export const EDITOR_REQUESTS = [
  'inlayHints',
  'semanticTokensFull',
  'semanticTokensRange',
  'codeLens',
  'casShades',
  'documentSymbols',
  'foldingRanges',
] as const;
export type EditorRequest = (typeof EDITOR_REQUESTS)[number];

export const EDITOR_LABELS: Record<EditorRequest, string> = {
  inlayHints: 'inlay hints (window)',
  semanticTokensFull: 'semantic tokens (full)',
  semanticTokensRange: 'semantic tokens (window)',
  codeLens: 'code lenses',
  casShades: 'CAS shades (window)',
  documentSymbols: 'document symbols',
  foldingRanges: 'folding ranges',
};

/** Items in one response, its size as JSON, and the median time from request to answer. */
export interface ResponseSize {
  readonly items: number;
  readonly bytes: number;
  readonly ms: number;
  /** The server declined (a full token request over its cap: VS Code then asks by range). */
  readonly declined?: boolean;
}
export type EditorPath = Record<EditorRequest, ResponseSize>;

/**
 * What VS Code's language client announces for the requests measured here (vscode-languageclient 9):
 * folding ranges limited to 5,000 (`editor.foldingMaximumRegions`), whole-line folding, hierarchical symbols.
 */
export const VSCODE_CAPABILITIES: P.ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  window: { workDoneProgress: true },
  textDocument: {
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** Items of a response: tokens (5 integers each), shades, else the entries of a list and their children. */
function itemsOf(r: unknown): number {
  if (Array.isArray(r)) return r.reduce((n: number, x: { children?: unknown[] }) => n + 1 + (x?.children ? itemsOf(x.children) : 0), 0);
  const data = (r as { data?: unknown[] } | null)?.data;
  if (data) return data.length / 5;
  return (r as { shades?: unknown[] } | null)?.shades?.length ?? 0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

/**
 * Asks each request of the editor path `runs` times about an analysed document (`lines`: its line count).
 * The "window" is what a screen shows: 100 lines in the middle of a multi-line file; the whole line of a
 * one-line file (VS Code's visible range of a one-line document is all of it).
 */
export async function measureEditorPath(client: TestClient, uri: string, text: string, runs = 5): Promise<EditorPath> {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  const middle = lines >> 1;
  const window: P.Range =
    lines > 100
      ? { start: { line: middle, character: 0 }, end: { line: middle + 100, character: 0 } }
      : { start: { line: 0, character: 0 }, end: { line: lines - 1, character: text.length - text.lastIndexOf('\n') - 1 } };
  const textDocument = { uri };
  const send: Record<EditorRequest, () => Promise<unknown>> = {
    inlayHints: () => client.conn.sendRequest(P.InlayHintRequest.type, { textDocument, range: window }),
    semanticTokensFull: () => client.conn.sendRequest(P.SemanticTokensRequest.type, { textDocument }),
    semanticTokensRange: () => client.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument, range: window }),
    codeLens: () => client.conn.sendRequest(P.CodeLensRequest.type, { textDocument }),
    casShades: () => client.conn.sendRequest(CAS_CLASSES, { textDocument, ranges: [window] }),
    documentSymbols: () => client.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument }),
    foldingRanges: () => client.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument }),
  };
  const out = {} as Record<EditorRequest, ResponseSize>;
  for (const name of EDITOR_REQUESTS) {
    const times: number[] = [];
    let last: unknown = null;
    let declined = false;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      try {
        last = await send[name]();
      } catch {
        declined = true; // the server cancelled it (a full token request over its cap)
        last = null;
      }
      times.push(performance.now() - t);
    }
    out[name] = {
      items: itemsOf(last),
      bytes: Buffer.byteLength(JSON.stringify(last ?? null)),
      ms: median(times),
      ...(declined ? { declined } : {}),
    };
  }
  return out;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (bytes: number) => (bytes >= 10_240 ? (bytes / 1024).toFixed(0) : (bytes / 1024).toFixed(1));

/** The section of bench/results.md, between markers so a later run can replace it alone (`--editor-only`). */
export function renderEditorSection(rows: ReadonlyArray<{ label: string; editor: EditorPath }>, how: string): string {
  const out = [
    '<!-- editor:begin (written by `npm run bench`, alone with `npm run bench -- --editor-only`) -->',
    '## Editor path: what one response holds, through the language server',
    '',
    how,
    '',
    `| file | ${EDITOR_REQUESTS.map((r) => EDITOR_LABELS[r]).join(' | ')} |`,
    `| --- | ${EDITOR_REQUESTS.map(() => '---:').join(' | ')} |`,
  ];
  for (const r of rows) {
    const cell = (x: ResponseSize) => (x.declined ? `declined (by range) / ${ms(x.ms)}` : `${x.items} / ${kb(x.bytes)} / ${ms(x.ms)}`);
    out.push(`| ${r.label} | ${EDITOR_REQUESTS.map((q) => cell(r.editor[q])).join(' | ')} |`);
  }
  out.push(
    '',
    'Each cell: items / KB of JSON / ms (median of 5 requests on the analysed document). Items: inlay hints, tokens, lenses, shades, symbols (children included), folding ranges. The window is what a screen shows: 100 lines in the middle of a multi-line file, the whole line of a one-line file (VS Code asks about a one-line document\'s whole line). The client announces what VS Code\'s announces (5,000 folding ranges at most). Responses hold only what VS Code renders: the first `editor.stopRenderingLineAfter` (10,000) characters of a line, inlay labels within `editor.inlayHints.maximumLength` (43) per line, and capped items and bytes (server/src/features/visible.ts). A full token request over its cap is declined ("server cancelled"), and VS Code asks for the visible ranges instead.',
    '<!-- editor:end -->',
  );
  return out.join('\n');
}

/** `previous` (bench/results.md) with its editor section replaced by `section` (appended when it had none). */
export function withEditorSection(previous: string, section: string): string {
  const re = /<!-- editor:begin[\s\S]*<!-- editor:end -->/;
  return re.test(previous) ? previous.replace(re, section) : `${previous.trimEnd()}\n\n${section}\n`;
}
