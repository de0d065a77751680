import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as P from 'vscode-languageserver-protocol/node';
import { multiLine2MB, oneLine2MB } from '../helpers/bigRemits';
import { TestClient } from '../helpers/lspClient';

/** Absolute { line, character, length } of LSP's relative token encoding. */
function decode(data: readonly number[]): Array<{ line: number; character: number; length: number }> {
  const out = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

/** The name of the last symbol in document order (the outline's closing entry). */
const lastName = (symbols: readonly P.DocumentSymbol[]): string => {
  const last = symbols.at(-1);
  return last?.children?.length ? lastName(last.children) : (last?.name ?? '');
};

const labelChars = (hints: readonly P.InlayHint[]) => hints.reduce((n, h) => n + (h.label as string).length, 0);

/**
 * A 2 MB remit on one line, as payers deliver it: for the "visible range" VS Code sends (the whole line)
 * the server once answered 149,245 inlay hints (14.8 MB) and 425,122 tokens, and the tab froze.
 */
describe('a 2 MB one-line remit over stdio: responses bounded by what VS Code shows', () => {
  const text = oneLine2MB();
  const uri = 'file:///w/one-line-2mb.835';
  const wholeLine = { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } };
  /** What the client answers for the editor settings of a document (section -> value). */
  let editor: Record<string, unknown> = {};
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    c.conn.onRequest(P.ConfigurationRequest.type, (p) =>
      p.items.map((item) => (item.section?.startsWith('editor.') ? (editor[item.section] ?? null) : {})),
    );
    await c.initialize({
      workspace: { configuration: true, inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
    });
    c.conn.onRequest(P.InlayHintRefreshRequest.type, () => undefined);
    c.conn.onRequest(P.SemanticTokensRefreshRequest.type, () => undefined);
    await c.open(uri, text);
    await c.diagnosticsFor(uri, 1, 60_000);
  });
  after(() => c.shutdown());

  test('inlay hints for the whole line: a few whole labels at its start, within 43 characters, under 1 KB', async () => {
    const hints = (await c.conn.sendRequest(P.InlayHintRequest.type, { textDocument: { uri }, range: wholeLine })) ?? [];
    assert.ok(hints.length > 0 && hints.length <= 5, `${hints.length} hints`);
    assert.ok(labelChars(hints) <= 43, `${labelChars(hints)} characters of labels`);
    assert.ok(hints.every((h) => h.position.line === 0 && h.position.character < 1000));
    assert.ok(JSON.stringify(hints).length < 1000, `${JSON.stringify(hints).length} bytes`);
  });

  test('semantic tokens, full and for the whole line: nothing past the 10,000 rendered characters, under 50 KB', async () => {
    const full = await c.conn.sendRequest(P.SemanticTokensRequest.type, { textDocument: { uri } });
    const range = await c.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument: { uri }, range: wholeLine });
    for (const [what, r] of [
      ['full', full],
      ['range', range],
    ] as const) {
      assert.ok(r, what);
      const tokens = decode(r.data);
      assert.ok(tokens.length > 1000 && tokens.length <= 2000, `${what}: ${tokens.length} tokens`);
      assert.ok(
        tokens.every((t) => t.line === 0 && t.character + t.length <= 10_000),
        `${what}: a token past the render limit`,
      );
      assert.ok(JSON.stringify(r).length < 50_000, `${what}: ${JSON.stringify(r).length} bytes`);
    }
  });

  test('code lenses: only claims within the rendered characters', async () => {
    const lenses = (await c.conn.sendRequest(P.CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(lenses.length > 0 && lenses.length < 50, `${lenses.length} lenses`);
    assert.ok(lenses.every((l) => l.range.start.character < 10_000));
  });

  test('document symbols and folding ranges: the outline within 1 MB of JSON, nothing to fold on one line', async () => {
    const symbols = (await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } })) ?? [];
    const bytes = Buffer.byteLength(JSON.stringify(symbols));
    assert.ok(bytes > 100_000 && bytes <= 1_000_000, `${bytes} bytes of symbols`);
    assert.match(lastName(symbols as P.DocumentSymbol[]), /^… [\d,]+ more claims/);
    assert.deepEqual(await c.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument: { uri } }), []);
  });

  test('the editor settings of the document bound the answers: 2,000 rendered characters, 80 characters of labels', async () => {
    editor = { 'editor.stopRenderingLineAfter': 2000, 'editor.inlayHints.maximumLength': 80 };
    const refreshed = new Promise<void>((resolve) => c.conn.onRequest(P.InlayHintRefreshRequest.type, () => resolve()));
    await c.conn.sendNotification(P.DidChangeConfigurationNotification.type, { settings: null });
    await refreshed; // the server pulled the new limits and asks the editor to ask again
    const tokens = decode((await c.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument: { uri }, range: wholeLine }))!.data);
    assert.ok(tokens.length > 0 && tokens.every((t) => t.character + t.length <= 2000), `${tokens.length} tokens`);
    const hints = (await c.conn.sendRequest(P.InlayHintRequest.type, { textDocument: { uri }, range: wholeLine })) ?? [];
    assert.ok(labelChars(hints) > 43 && labelChars(hints) <= 80, `${labelChars(hints)} characters of labels`);
  });
});

/** The same size laid out one segment per line: whole-document answers are bounded in bytes as well as in items. */
describe('a 2 MB multi-line remit over stdio: whole-document answers bounded in bytes', () => {
  const text = multiLine2MB();
  const uri = 'file:///w/multi-line-2mb.835';
  let c: TestClient;
  before(async () => {
    c = new TestClient();
    // What VS Code's client announces: at most 5,000 folding ranges, hierarchical symbols.
    await c.initialize({
      workspace: { configuration: true },
      textDocument: {
        foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      },
    });
    await c.open(uri, text);
    await c.diagnosticsFor(uri, 1, 60_000);
  });
  after(() => c.shutdown());

  test('document symbols: within 1 MB of JSON (unbounded: 3.8 MB), closed by how many claims are left out', async () => {
    const symbols = ((await c.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as P.DocumentSymbol[];
    const bytes = Buffer.byteLength(JSON.stringify(symbols));
    assert.ok(bytes > 500_000 && bytes <= 1_000_000, `${bytes} bytes of symbols`);
    assert.match(lastName(symbols), /^… [\d,]+ more claims/);
  });

  test("folding ranges: within the client's 5,000 and 1 MB of JSON", async () => {
    const folds = (await c.conn.sendRequest(P.FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(folds.length > 1000 && folds.length <= 5000, `${folds.length} ranges`);
    assert.ok(Buffer.byteLength(JSON.stringify(folds)) <= 1_000_000);
    assert.ok(folds.every((f) => f.endLine > f.startLine));
  });
});
